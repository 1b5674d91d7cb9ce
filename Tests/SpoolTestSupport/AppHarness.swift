import SpoolCore
import SpoolView

/// Drives the headless App with key notation and reads its screen, as `spool render` does.
///
/// ```swift
/// var harness = try AppHarness(fixture: Fixture.seed, columns: 80, rows: 24)
/// harness.press("jj<Enter>")
/// harness.screen.textLines
/// ```
public struct AppHarness {
    public var app: App
    public let view: ReaderView
    /// The fixed "now" of every harness, so ages in snapshots never change.
    public static let now = Timestamp(year: 2026, month: 11, day: 25, hour: 12, minute: 0, utcOffsetMinutes: 0)

    public init(
        discussion: Discussion, columns: Int, rows: Int, keyMap: KeyMap = .standard, saved: SavedState = SavedState(),
        options: ReaderOptions = ReaderOptions(now: AppHarness.now)
    ) {
        app = App(discussion: discussion, columns: columns, rows: rows, options: options, keyMap: keyMap, saved: saved)
        view = ReaderView(theme: .monochrome)
    }

    public init(fixture: String, columns: Int, rows: Int) throws {
        self.init(discussion: try Fixture.discussion(fixture), columns: columns, rows: rows)
    }

    /// Presses the keys `notation` names, as a person types: the work the reader does
    /// between key presses (the rest of a search or a limit) is finished after each key, so
    /// what a test sees never depends on how fast this machine is. Returns the effects of
    /// the last key.
    @discardableResult
    public mutating func press(_ notation: String) throws -> Effects {
        var effects: Effects = []
        for key in try KeyNotation.parse(notation) {
            effects = app.handle(key)
            app.finishPendingWork()
        }
        return effects
    }

    public var screen: Screen { view.render(app) }

    /// The selected comment's id, or nil for the article.
    public var selectedID: String? {
        app.selected == ThreadTree.root ? nil : app.comment(at: app.selected).id
    }
}
