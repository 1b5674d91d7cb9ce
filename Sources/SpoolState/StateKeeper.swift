import Foundation
import GRDB
import SpoolCore

/// The reader's link to its saved state: the SQLite store when it works, memory when not.
///
/// Nothing here throws: a store that is corrupt, locked, read-only or on a full disk turns
/// into a one-line ``warning`` for the status line, the reader goes on with its state in
/// memory, and the file is left exactly as it was.
///
/// It is used from one thread at a time: the one that opens the discussion, then the
/// ``StateWriter``'s queue it is handed to.
public final class StateKeeper: @unchecked Sendable {
    public let discussionID: String
    public let path: String
    /// Why state is not being saved, once something went wrong.
    public private(set) var warning: String?
    /// The error behind ``warning``, as SQLite gave it (for the debug log).
    public private(set) var failure: String?
    private var store: ReadStateStore

    /// Opens the store in `folder` for the discussion `discussionID`.
    public convenience init(folder: URL, discussionID: String) {
        let path = folder.appendingPathComponent(StateLocation.fileName).path
        self.init(opened: Result { try SQLiteStateStore(path: path) }, path: path, discussionID: discussionID)
    }

    /// A keeper on a store opened already (see ``StateStoreOpening``), or on memory with a
    /// warning when opening it failed.
    init(opened: Result<SQLiteStateStore, Error>, path: String, discussionID: String) {
        self.discussionID = discussionID
        self.path = path
        switch opened {
        case .success(let sqlite): store = sqlite
        case .failure(let error):
            store = InMemoryStateStore()
            warning = StateKeeper.explain(error, path: path)
            failure = String(describing: error)
        }
    }

    /// A keeper on a given store (tests).
    public init(store: ReadStateStore, discussionID: String) {
        self.discussionID = discussionID
        self.store = store
        path = "(memory)"
    }

    /// What was saved for the discussion (empty when nothing could be read).
    public func load() -> SavedState {
        attempt { try store.load(discussion: discussionID) } ?? SavedState()
    }

    /// Records this visit: the comments present now are not "new" next time.
    public func recordVisit(title: String?, seen: KeyFingerprints) {
        attempt { try store.recordVisit(discussion: discussionID, title: title, seen: seen) }
    }

    public func save(readChanges: [(key: StableKey, read: Bool)]) {
        guard !readChanges.isEmpty else { return }
        attempt { try store.setRead(readChanges, in: discussionID) }
    }

    /// When the discussion was last opened (seconds since 1970), if ever.
    public func lastVisit() -> Double? {
        attempt { try store.lastVisit(discussion: discussionID) } ?? nil
    }

    /// Keeps where the reader left the discussion.
    public func save(place: SavedPlace) {
        attempt { try store.setPlace(place, in: discussionID) }
    }

    /// Adds submitted prompt entries to the prompts' histories.
    public func save(historyEntries: [(kind: String, entry: String)]) {
        guard !historyEntries.isEmpty else { return }
        attempt { try store.addHistory(historyEntries) }
    }

    /// Saves authors muted (true) or unmuted with a key.
    public func save(muteChanges: [(author: String, muted: Bool)]) {
        guard !muteChanges.isEmpty else { return }
        attempt { try store.setMuted(muteChanges) }
    }

    /// Saves comments flagged (true) or unflagged.
    public func save(bookmarkChanges: [(key: StableKey, bookmarked: Bool)]) {
        guard !bookmarkChanges.isEmpty else { return }
        attempt { try store.setBookmarked(bookmarkChanges, in: discussionID) }
    }

    /// Saves folds that changed, as differences from `foldDefault` (true: folded where it
    /// leaves the comment open; false: open where it folds it; nil: as it has it).
    public func save(foldChanges: [(key: StableKey, folded: Bool?)], default foldDefault: FoldDefault) {
        guard !foldChanges.isEmpty else { return }
        attempt { try store.setFolds(foldChanges, default: foldDefault, in: discussionID) }
    }

    /// Saves the fold changes `changes` lists, made now.
    public func save(
        foldChanges changes: @escaping @Sendable () -> [(key: StableKey, folded: Bool?)],
        default foldDefault: FoldDefault
    ) {
        save(foldChanges: changes(), default: foldDefault)
    }

    /// Runs `work`; on the first failure switches to memory and keeps the reason.
    private func attempt<T>(_ work: () throws -> T) -> T? {
        do {
            return try work()
        } catch {
            if warning == nil {
                warning = StateKeeper.explain(error, path: path)
                failure = String(describing: error)
            }
            if !(store is InMemoryStateStore) { store = InMemoryStateStore() }
            return nil
        }
    }

    static func explain(_ error: Error, path: String) -> String {
        let why: String
        if let database = error as? DatabaseError {
            switch database.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                why = "is not a readable Spool database (move it away to start afresh)"
            case .SQLITE_BUSY, .SQLITE_LOCKED: why = "is locked by another program"
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
                why = "cannot be written (check its permissions)"
            case .SQLITE_FULL, .SQLITE_IOERR: why = "cannot be written: the disk is full or failing"
            default: why = "failed: \(database.message ?? "\(database.resultCode)")"
            }
        } else if let ownership = error as? StateFileError {
            switch ownership {
            case .foreign: why = "belongs to another program; Spool leaves it alone (choose another --state-dir)"
            case .newerSchema: why = "was written by a newer Spool; it is left as it is (update Spool to use it)"
            }
        } else {
            why = "cannot be used: \((error as NSError).localizedDescription)"
        }
        return "Read state not saved: \(path) \(why). Marks are kept in memory for this session."
    }
}
