import SpoolCore
import SpoolScreen

/// Flagging comments to come back to (`F`, `'`), kept across runs.
extension Reader {
    /// Whether `node` is flagged.
    public func isBookmarked(_ node: Int) -> Bool {
        guard !bookmarks.keys.isEmpty, node > ThreadTree.root else { return false }
        return bookmarks.keys.contains(comment(at: node).key)
    }

    /// `F`: flags the selected comment, or takes the flag off.
    mutating func toggleBookmark() -> Effects {
        guard selected != ThreadTree.root, !comment(at: selected).isPlaceholder else {
            messages.say("Select a comment to flag it.")
            return .none
        }
        let flagged = bookmarks.toggle(comment(at: selected).key)
        let count = bookmarks.keys.count
        messages.say(
            flagged
                ? "Flagged (\(count) flagged in this discussion; ' lists them)."
                : "Flag taken off (\(count) flagged).")
        return Effects(commands: [.saveBookmarks])
    }

    /// `'`: limits the tree to the flagged comments, or ends that limit.
    mutating func listBookmarks() {
        if limit?.pattern == Bookmarks.limitPattern {
            applyLimit("")
            return
        }
        guard !bookmarks.keys.isEmpty else {
            messages.say("No comment is flagged; F flags the selected one.")
            return
        }
        applyLimit(Bookmarks.limitPattern)
    }

    /// The comments flagged or unflagged since the last call, for saving.
    public mutating func takeBookmarkChanges() -> [(key: StableKey, bookmarked: Bool)] {
        bookmarks.takeChanges()
    }
}

/// The flagged comments of a discussion, by key (so a re-sort or a new copy keeps them).
public struct Bookmarks: Sendable, Equatable {
    public private(set) var keys: Set<StableKey>
    private var unsaved: [StableKey: Bool] = [:]

    /// The limit `'` applies.
    static let limitPattern = "flagged"

    public init(keys: Set<StableKey>) { self.keys = keys }

    /// Flags `key`, or takes its flag off; returns whether it is flagged now.
    mutating func toggle(_ key: StableKey) -> Bool {
        let flagged = keys.remove(key) == nil
        if flagged { keys.insert(key) }
        unsaved[key] = flagged
        return flagged
    }

    mutating func takeChanges() -> [(key: StableKey, bookmarked: Bool)] {
        defer { unsaved = [:] }
        return unsaved.map { ($0.key, $0.value) }.sorted { $0.key.rawValue < $1.key.rawValue }
    }
}
