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

/// The folds a discussion opens with before its saved exceptions (``SavedState/collapsedKeys``
/// and ``SavedState/expandedKeys``): folds are saved as their difference from it, so
/// opening an archive folded to one row a thread writes nothing, and a fold change writes
/// one row.
public enum FoldDefault: Sendable, Equatable {
    /// Nothing folded.
    case open
    /// Every top-level comment with replies folded (an archive with more threads than the
    /// tree pane shows).
    case threads

    /// Whether `node` is folded by default in `tree`.
    public func folds(_ node: Int, in tree: ThreadTree) -> Bool {
        switch self {
        case .open: return false
        case .threads: return node > ThreadTree.root && tree.parent[node] == ThreadTree.root && tree.hasChildren(node)
        }
    }
}

/// What was saved about one discussion (and what is kept for every discussion: prompt
/// histories, muted authors).
public struct SavedState: Sendable, Equatable {
    /// Keys of the comments marked read.
    public var readKeys: Set<StableKey>
    /// The folds the discussion opens with before ``collapsedKeys`` and ``expandedKeys``;
    /// nil when no fold was ever saved (the opening chooses), or when the keys are every fold
    /// (as state files kept them before folds were saved as differences).
    public var foldDefault: FoldDefault?
    /// Keys of the comments folded where ``foldDefault`` leaves them open (the article root is
    /// `StableKey.articleRoot`).
    public var collapsedKeys: Set<StableKey>
    /// Keys of the comments left open where ``foldDefault`` folds them.
    public var expandedKeys: Set<StableKey> = []
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
