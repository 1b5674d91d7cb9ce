import Foundation
import SpoolCore

/// Saves through a ``StateKeeper`` on a queue of its own, so that no key waits for SQLite: a
/// fold of every thread (`C`) or a catch-up (`M`) writes thousands of rows, and a WAL
/// checkpoint can take tens of milliseconds. Writes keep their order; ``finish()`` waits for
/// the ones queued (at exit, and before the discussion is opened again).
public final class StateWriter: @unchecked Sendable {
    private let keeper: StateKeeper
    /// At background priority (nice 10 on Linux): on a machine of two cores, a fold of every
    /// thread written while the next key is drawn must not take the core the drawing needs.
    private let queue = DispatchQueue(label: "spool.state-writer", qos: .background)
    private let lock = NSLock()
    private var latestWarning: String?

    /// Writes for `keeper`, which the caller no longer uses itself.
    public init(_ keeper: StateKeeper) {
        self.keeper = keeper
        latestWarning = keeper.warning
    }

    /// Why state is not being saved, as far as the writes done so far have found.
    public var warning: String? { lock.withLock { latestWarning } }

    /// Waits until every queued write is done.
    public func finish() { queue.sync {} }

    public func save(readChanges: [(key: StableKey, read: Bool)]) {
        guard !readChanges.isEmpty else { return }
        enqueue { $0.save(readChanges: readChanges) }
    }

    /// Saves the fold changes `changes` lists, made on the writer's queue.
    public func save(
        foldChanges changes: @escaping @Sendable () -> [(key: StableKey, folded: Bool?)],
        default foldDefault: FoldDefault
    ) {
        enqueue { $0.save(foldChanges: changes(), default: foldDefault) }
    }

    public func save(bookmarkChanges: [(key: StableKey, bookmarked: Bool)]) {
        guard !bookmarkChanges.isEmpty else { return }
        enqueue { $0.save(bookmarkChanges: bookmarkChanges) }
    }

    public func save(muteChanges: [(author: String, muted: Bool)]) {
        guard !muteChanges.isEmpty else { return }
        enqueue { $0.save(muteChanges: muteChanges) }
    }

    public func save(place: SavedPlace) { enqueue { $0.save(place: place) } }

    public func save(historyEntries: [(kind: String, entry: String)]) {
        guard !historyEntries.isEmpty else { return }
        enqueue { $0.save(historyEntries: historyEntries) }
    }

    /// Runs `write` on the queue, then keeps the keeper's warning for ``warning``.
    private func enqueue(_ write: @escaping @Sendable (StateKeeper) -> Void) {
        queue.async { [self] in
            write(keeper)
            let warning = keeper.warning
            lock.withLock { latestWarning = warning }
        }
    }
}
