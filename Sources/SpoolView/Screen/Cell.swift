/// One cell of a ``Screen``: a grapheme, how many columns it takes, and its style.
///
/// A wide character takes two cells: the first holds it with `width == 2`, the second is a
/// continuation with an empty grapheme and `width == 0`.
public struct Cell: Equatable, Sendable {
    public var grapheme: String
    public var width: UInt8
    public var style: Style

    public init(grapheme: String, width: UInt8, style: Style) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    public static func blank(_ style: Style = .plain) -> Cell { Cell(grapheme: " ", width: 1, style: style) }

    public var isContinuation: Bool { width == 0 }
}
