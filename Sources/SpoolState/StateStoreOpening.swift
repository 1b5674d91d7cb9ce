import Foundation

/// The state file opened on another thread while the discussion is imported: opening
/// SQLite and checking the file's schema takes milliseconds the import can hide. Every
/// keeper made from it shares the one store (its connections are safe across threads).
///
/// Only a state file that exists already is opened early: a run that fails before the
/// reader starts then leaves no new file behind. Keepers are asked for from one thread.
public final class StateStoreOpening: @unchecked Sendable {
    private let path: String
    private let opened = DispatchGroup()
    private var store: Result<SQLiteStateStore, Error>?

    /// Starts opening the state file in `folder` when it exists.
    public init(folder: URL) {
        let path = folder.appendingPathComponent(StateLocation.fileName).path
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { return }
        DispatchQueue.global(qos: .userInitiated).async(group: opened) { [self] in
            store = Result { try SQLiteStateStore(path: path) }
        }
    }

    /// The keeper of `discussionID`'s state, once the file is open (opened here and now
    /// when it was not opened early).
    public func keeper(discussionID: String) -> StateKeeper {
        opened.wait()
        if store == nil { store = Result { try SQLiteStateStore(path: path) } }
        return StateKeeper(opened: store!, path: path, discussionID: discussionID)
    }
}
