/// What was saved about one discussion.
public struct SavedState: Sendable, Equatable {
    /// Keys of the comments marked read.
    public var readKeys: Set<StableKey>
    /// Keys of the collapsed comments (the article root is `StableKey.articleRoot`).
    public var collapsedKeys: Set<StableKey>
    /// Keys of the comments present at the previous visit; nil on the first visit.
    public var previouslySeen: Set<StableKey>?
    /// What was typed at each prompt (by the prompt's name: search, limit, pipe), oldest
    /// first; shared by every discussion.
    public var promptHistory: [String: [String]]

    public init(
        readKeys: Set<StableKey> = [], collapsedKeys: Set<StableKey> = [], previouslySeen: Set<StableKey>? = nil,
        promptHistory: [String: [String]] = [:]
    ) {
        self.readKeys = readKeys
        self.collapsedKeys = collapsedKeys
        self.previouslySeen = previouslySeen
        self.promptHistory = promptHistory
    }
}
