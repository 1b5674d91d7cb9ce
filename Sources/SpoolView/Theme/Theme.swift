import SpoolReader
import SpoolScreen

/// A colour theme: a style for every ``ThemeRole``.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style of `role`; a role a theme leaves out takes its fallback's style, else plain.
    public subscript(role: ThemeRole) -> Style { styles[role] ?? role.fallback.map { self[$0] } ?? .plain }

    /// Every role in terminal default colours with attributes only: what `NO_COLOR`
    /// asks for, and what tests render with.
    public static let monochrome = Theme(
        name: "monochrome",
        styles: [
            .treeAuthor: Style(attributes: .bold), .treeUnread: Style(attributes: .bold),
            .treeNew: Style(attributes: [.bold, .underline]),
            .treeOP: Style(attributes: [.bold, .underline]), .treeGuide2: Style(attributes: .dim),
            .treeGuide3: Style(attributes: .dim),
            .articleQuote2: Style(attributes: [.italic, .dim]), .articleQuote3: Style(attributes: [.italic, .dim]),
            .searchMatch: Style(attributes: [.reverse, .bold]), .treeText: Style(), .treePreview: Style(),
            .articleText: Style(), .help: Style(),
            .treeRoot: Style(attributes: .bold), .treeContext: Style(attributes: [.dim, .italic]),
            .treeSelected: Style(attributes: .reverse),
            .treeSelectedUnfocused: Style(attributes: [.reverse, .dim]), .treeGuide: Style(attributes: .dim),
            .treeDate: Style(attributes: .dim), .treeCount: Style(attributes: .bold),
            .articleTitle: Style(attributes: .bold), .articleAuthor: Style(attributes: .bold),
            .articleMeta: Style(attributes: .dim), .articleQuote: Style(attributes: .italic),
            .articleURL: Style(attributes: .underline), .status: Style(attributes: .reverse),
            .statusMessage: Style(attributes: [.reverse, .bold]), .helpKey: Style(attributes: .bold),
            .helpTitle: Style(attributes: [.bold, .underline]), .divider: Style(attributes: .dim),
        ])

    /// This theme with every colour removed and attributes kept (`NO_COLOR`, or a terminal
    /// without colour). Roles that a theme marks by background alone (the selection, the
    /// status line, search matches) get reverse video, so they stay visible.
    public var withoutColor: Theme {
        var stripped = styles.mapValues { Style(attributes: $0.attributes) }
        for role in [ThemeRole.treeSelected, .treeSelectedUnfocused, .status, .statusMessage, .searchMatch] {
            stripped[role, default: Style()].attributes.insert(.reverse)
        }
        return Theme(name: name, styles: stripped)
    }
}
