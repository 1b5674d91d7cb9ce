import SpoolCore
import SpoolReader

/// A ``ReaderStore`` that keeps what it was asked to save, and can be made to fail.
public final class RecordingStore: ReaderStore {
    public private(set) var readChanges: [(key: StableKey, read: Bool)] = []
    /// Each fold save: the folds that changed, against the default (true: folded where it
    /// leaves the comment open; false: open where it folds it; nil: as it has it).
    public private(set) var foldSaves: [[(key: StableKey, folded: Bool?)]] = []
    /// The default each fold save was made against.
    public private(set) var foldDefaults: [FoldDefault] = []
    /// Each prompt entry saved, oldest first.
    public private(set) var historyEntries: [(kind: String, entry: String)] = []
    public var warning: String?
    /// The warning every save sets from now on, as a store whose disk is full would.
    public var failure: String?

    public init(warning: String? = nil) { self.warning = warning }

    public func save(readChanges: [(key: StableKey, read: Bool)]) {
        self.readChanges += readChanges
        if let failure { warning = failure }
    }

    public func save(
        foldChanges changes: @escaping @Sendable () -> [(key: StableKey, folded: Bool?)],
        default foldDefault: FoldDefault
    ) {
        foldSaves.append(changes())
        foldDefaults.append(foldDefault)
        if let failure { warning = failure }
    }

    /// The places saved, last last.
    public private(set) var places: [SavedPlace] = []

    public func save(place: SavedPlace) { places.append(place) }

    /// Each author muted (true) or unmuted, in order.
    public private(set) var muteChanges: [(author: String, muted: Bool)] = []
    /// Each comment flagged (true) or unflagged, in order.
    public private(set) var bookmarkChanges: [(key: StableKey, bookmarked: Bool)] = []

    public func save(muteChanges: [(author: String, muted: Bool)]) {
        self.muteChanges += muteChanges
        if let failure { warning = failure }
    }

    public func save(bookmarkChanges: [(key: StableKey, bookmarked: Bool)]) {
        self.bookmarkChanges += bookmarkChanges
        if let failure { warning = failure }
    }

    public func save(historyEntries: [(kind: String, entry: String)]) {
        self.historyEntries += historyEntries
        if let failure { warning = failure }
    }
}
