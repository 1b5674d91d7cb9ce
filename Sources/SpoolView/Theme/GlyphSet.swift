import SpoolCore
import SpoolReader
import SpoolScreen

/// The characters that draw tree lines and markers: Unicode box drawing or plain ASCII.
public struct GlyphSet: Sendable, Equatable {
    public var blank: String
    public var stem: String
    public var tee: String
    public var corner: String
    public var unread: String
    /// Marks a comment that appeared since the previous visit (and is unread).
    public var new: String
    public var collapsedRoot: String
    public var horizontal: String
    public var vertical: String
    /// Before a comment's score (`▲42`).
    public var score: String
    /// After the author of a flagged comment.
    public var flag: String

    public static let unicode = GlyphSet(
        blank: "   ", stem: "│  ", tee: "├─ ", corner: "└─ ", unread: "●", new: "N", collapsedRoot: "▪",
        horizontal: "─",
        vertical: "│", score: "▲", flag: "⚑")
    public static let ascii = GlyphSet(
        blank: "   ", stem: "|  ", tee: "|- ", corner: "`- ", unread: "*", new: "N", collapsedRoot: "#",
        horizontal: "-",
        vertical: "|", score: "^", flag: "[F]")

    /// The glyph for one tree guide column.
    public func glyph(_ guide: TreeGuide) -> String {
        switch guide {
        case .blank: return blank
        case .stem: return stem
        case .tee: return tee
        case .corner: return corner
        }
    }
}
