/// Where a reader was in a discussion: the selected comment, its row on the screen, and how
/// far its article was scrolled.
public struct SavedPlace: Sendable, Equatable {
    public var selected: StableKey
    public var rowOnScreen: Int
    public var articleScroll: Int

    public init(selected: StableKey, rowOnScreen: Int, articleScroll: Int) {
        self.selected = selected
        self.rowOnScreen = rowOnScreen
        self.articleScroll = articleScroll
    }
}

/// What was saved about one discussion (and what is kept for every discussion: prompt
/// histories, muted authors).
public struct SavedState: Sendable, Equatable {
    /// Keys of the comments marked read.
    public var readKeys: Set<StableKey>
    /// Keys of the collapsed comments (the article root is `StableKey.articleRoot`).
    public var collapsedKeys: Set<StableKey>
    /// Keys of the comments present at earlier visits; nil on the first visit.
    public var previouslySeen: KeyFingerprints?
    /// What was typed at each prompt (by the prompt's name: search, limit, pipe), oldest
    /// first; shared by every discussion.
    public var promptHistory: [String: [String]]
    /// Where the reader was when this discussion was last left.
    public var place: SavedPlace?
    /// The comments present at the visits before the last one that brought new comments:
    /// the baseline "new since the visit before"; nil when there was no such visit.
    public var seenBeforeLastVisit: KeyFingerprints?
    /// Authors muted with a key (`m`), in every discussion.
    public var mutedAuthors: Set<String> = []
    /// The comments flagged with a key (`F`), by key.
    public var bookmarks: Set<StableKey> = []

    public init(
        readKeys: Set<StableKey> = [], collapsedKeys: Set<StableKey> = [], previouslySeen: KeyFingerprints? = nil,
        promptHistory: [String: [String]] = [:], place: SavedPlace? = nil
    ) {
        self.place = place
        self.readKeys = readKeys
        self.collapsedKeys = collapsedKeys
        self.previouslySeen = previouslySeen
        self.promptHistory = promptHistory
    }
}
