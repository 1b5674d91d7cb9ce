import SpoolCore

/// What handling a key asks of the loop around the App.
public struct Effects: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The screen changed: draw it.
    public static let redraw = Effects(rawValue: 1 << 0)
    /// Read marks changed: save them.
    public static let persistReadMarks = Effects(rawValue: 1 << 1)
    /// Leave the reader.
    public static let quit = Effects(rawValue: 1 << 2)
    /// The set of collapsed subtrees changed: save it.
    public static let persistFolds = Effects(rawValue: 1 << 3)
}

/// Which pane the movement keys act on.
public enum Focus: String, Sendable {
    case tree, article
}

/// Reader settings that come from the command line or the config file.
public struct ReaderOptions: Sendable {
    /// Selecting a comment marks it read (`mark_read = "on-select"`); false is `"manual"`.
    public var marksReadOnSelect: Bool
    /// Fixed orientation, or nil to choose by width.
    public var orientation: Orientation?
    public var glyphs: GlyphSet
    /// The moment ages are measured from.
    public var now: Timestamp
    /// Fold every subtree that has nothing unread when the discussion opens.
    public var collapsesReadSubtrees: Bool
    /// How tree rows show dates.
    public var dateStyle: DateStyle
    /// The tree's share of the screen (0.2 to 0.8).
    public var split: Double
    /// Accessible mode: no box drawing, depth and state as words, the selection marked by text.
    public var plain: Bool

    public init(
        marksReadOnSelect: Bool = true, orientation: Orientation? = nil, glyphs: GlyphSet = .unicode, now: Timestamp,
        collapsesReadSubtrees: Bool = false, dateStyle: DateStyle = .relative, split: Double = 0.4, plain: Bool = false
    ) {
        self.plain = plain
        self.collapsesReadSubtrees = collapsesReadSubtrees
        self.dateStyle = dateStyle
        self.split = min(0.8, max(0.2, split))
        self.marksReadOnSelect = marksReadOnSelect
        self.orientation = orientation
        self.glyphs = plain ? .ascii : glyphs
        self.now = now
    }
}
