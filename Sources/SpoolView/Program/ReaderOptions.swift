import SpoolCore
import SpoolReader
import SpoolScreen

/// Every reader option from the command line or the config file: what the reader does
/// with keys (``Reader/Settings``) and how the view draws.
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
    /// Show the terminal's cursor where the reader's attention is (`cursor = "visible"`;
    /// always with `plain`). It is placed there either way, for screen readers.
    public var showsCursor: Bool
    /// The longest line article text wraps at, however wide the pane (`wrap_width`; 0: the
    /// pane's width). Lines of about 100 characters stay readable on a wide terminal.
    public var wrapWidth: Int

    /// Open where the last visit left off (`resume`, on by default).
    public var resumes: Bool
    /// Open at this comment (`--at ID`), whatever the last visit left.
    public var opensAt: String?
    /// Opened by its address: `$` fetches it again.
    public var refreshable = false
    /// Quoted blocks longer than three lines open folded to one line (`fold_quotes`).
    public var foldsQuotes = true
    /// A signature (after a `-- ` line) is folded with them (`fold_signatures`); it is dimmed either way.
    public var foldsSignatures = true
    /// Fold every subtree with nothing new on opening (`--collapse-seen`, `collapse_seen`).
    public var collapsesSeenSubtrees = false
    /// New means dated after this (`--since`), not unseen at the last visit.
    public var newSince: Timestamp?
    /// A comment's score shows in its row where the source gives one (`show_scores`).
    public var showsScores = true
    /// Authors muted by the config file (`mute`).
    public var mutedAuthors: [String] = []
    /// Words that mute a comment (`mute_words`).
    public var mutedWords: [String] = []

    /// The default ``wrapWidth``.
    public static let defaultWrapWidth = 100

    public init(
        marksReadOnSelect: Bool = true, orientation: Orientation? = nil, glyphs: GlyphSet = .unicode, now: Timestamp,
        collapsesReadSubtrees: Bool = false, dateStyle: DateStyle = .relative, split: Double = 0.4, plain: Bool = false,
        showsCursor: Bool = false, wrapWidth: Int = ReaderOptions.defaultWrapWidth, resumes: Bool = true,
        opensAt: String? = nil
    ) {
        self.resumes = resumes
        self.opensAt = opensAt
        self.wrapWidth = wrapWidth <= 0 ? Int.max : max(20, wrapWidth)
        self.plain = plain
        self.collapsesReadSubtrees = collapsesReadSubtrees
        self.dateStyle = dateStyle
        self.split = min(0.8, max(0.2, split))
        self.marksReadOnSelect = marksReadOnSelect
        self.orientation = orientation
        self.glyphs = plain ? .ascii : glyphs
        self.now = now
        self.showsCursor = showsCursor || plain
    }

    /// What the reader itself needs.
    public var settings: Reader.Settings {
        var settings = Reader.Settings(
            marksReadOnSelect: marksReadOnSelect, orientation: orientation,
            collapsesReadSubtrees: collapsesReadSubtrees,
            resumes: resumes, opensAt: opensAt, refreshable: refreshable, foldsQuotes: foldsQuotes)
        settings.collapsesSeenSubtrees = collapsesSeenSubtrees
        settings.newSince = newSince
        settings.now = now
        settings.mutedAuthors = mutedAuthors
        settings.mutedWords = mutedWords
        return settings
    }
}
