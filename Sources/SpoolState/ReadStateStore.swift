import Foundation
import SpoolCore

/// Keeps read marks, fold state and visits per discussion, by stable keys.
public protocol ReadStateStore: AnyObject {
    /// The saved state of the discussion `id`.
    func load(discussion id: String) throws -> SavedState
    /// Records that `id` was opened now with the comments `seen` (for "new since last
    /// visit"); what earlier visits saw stays seen.
    func recordVisit(discussion id: String, title: String?, seen: KeyFingerprints) throws
    /// Marks (true) or unmarks (false) comments; other comments' marks are untouched, so two
    /// readers of one discussion never drop each other's marks.
    func setRead(_ changes: [(key: StableKey, read: Bool)], in id: String) throws
    /// Saves comments' folds as differences from `foldDefault` (kept with them): true, folded
    /// where it leaves them open; false, open where it folds them; nil, as it has them. Other
    /// comments' folds are untouched, so two readers of one discussion keep each other's folds.
    func setFolds(_ changes: [(key: StableKey, folded: Bool?)], default foldDefault: FoldDefault, in id: String) throws
    /// When `id` was last opened (seconds since 1970), if ever.
    func lastVisit(discussion id: String) throws -> Double?
    /// Adds entries to the prompts' histories (shared by all discussions); an entry already
    /// there becomes the newest.
    func addHistory(_ entries: [(kind: String, entry: String)]) throws
    /// Keeps where the reader left `id`, to open there next time.
    func setPlace(_ place: SavedPlace, in id: String) throws
    /// Mutes (true) or unmutes (false) authors in every discussion.
    func setMuted(_ changes: [(author: String, muted: Bool)]) throws
    /// Flags (true) or unflags (false) comments of `id`.
    func setBookmarked(_ changes: [(key: StableKey, bookmarked: Bool)], in id: String) throws
}

/// Read state held in memory: the fallback when the database cannot be used, and for tests.
public final class InMemoryStateStore: ReadStateStore {
    private var saved: [String: SavedState] = [:]
    private var seen: [String: KeyFingerprints] = [:]
    private var visits: [String: Double] = [:]
    private var history: [String: [String]] = [:]
    private var places: [String: SavedPlace] = [:]
    private var earlierSeen: [String: KeyFingerprints] = [:]
    private var muted: Set<String> = []
    private var bookmarks: [String: Set<StableKey>] = [:]

    public init() {}

    public func load(discussion id: String) throws -> SavedState {
        var state = saved[id] ?? SavedState()
        state.previouslySeen = seen[id]
        state.promptHistory = history
        state.place = places[id]
        state.seenBeforeLastVisit = earlierSeen[id]
        state.mutedAuthors = muted
        state.bookmarks = bookmarks[id] ?? []
        return state
    }

    public func recordVisit(discussion id: String, title: String?, seen keys: KeyFingerprints) throws {
        let all = seen[id].map { $0.union(keys) } ?? keys
        // A visit that brought nothing new does not move the earlier baseline.
        if let earlier = seen[id], earlier != all { earlierSeen[id] = earlier }
        seen[id] = all
        visits[id] = Date().timeIntervalSince1970
    }

    public func setMuted(_ changes: [(author: String, muted: Bool)]) throws {
        for change in changes {
            if change.muted { muted.insert(change.author) } else { muted.remove(change.author) }
        }
    }

    public func setBookmarked(_ changes: [(key: StableKey, bookmarked: Bool)], in id: String) throws {
        for change in changes {
            if change.bookmarked {
                bookmarks[id, default: []].insert(change.key)
            } else {
                bookmarks[id]?.remove(change.key)
            }
        }
    }

    public func lastVisit(discussion id: String) throws -> Double? { visits[id] }

    public func setPlace(_ place: SavedPlace, in id: String) throws { places[id] = place }

    public func addHistory(_ entries: [(kind: String, entry: String)]) throws {
        for (kind, entry) in entries {
            history[kind, default: []].removeAll { $0 == entry }
            history[kind, default: []].append(entry)
        }
    }

    public func setRead(_ changes: [(key: StableKey, read: Bool)], in id: String) throws {
        for change in changes {
            if change.read {
                saved[id, default: SavedState()].readKeys.insert(change.key)
            } else {
                saved[id]?.readKeys.remove(change.key)
            }
        }
    }

    public func setFolds(
        _ changes: [(key: StableKey, folded: Bool?)], default foldDefault: FoldDefault, in id: String
    ) throws {
        var state = saved[id] ?? SavedState()
        state.foldDefault = foldDefault
        for change in changes {
            state.collapsedKeys.remove(change.key)
            state.expandedKeys.remove(change.key)
            switch change.folded {
            case true?: state.collapsedKeys.insert(change.key)
            case false?: state.expandedKeys.insert(change.key)
            case nil: break
            }
        }
        saved[id] = state
    }
}
