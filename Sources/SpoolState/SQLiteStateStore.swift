import Foundation
import GRDB
import SpoolCore

/// Read state in SQLite (WAL mode, through GRDB), safe for several Spool processes at once.
///
/// Schema migrations are versioned: `v1` holds read marks and folds, `v2` adds visits for
/// "new since last visit", `v3` prompt history and places, `v4` keeps the comments seen at
/// visits as one blob of key fingerprints a discussion (8 bytes a comment) instead of a row
/// of text a comment, `v5` muted authors, bookmarks and the seen set before the last visit
/// that brought new comments (a second blob, for "new since the visit before"), `v6` folds as
/// differences from a default kept with them (`foldDefault`), so opening an archive folded
/// to one row a thread saves nothing. Every write is its own short transaction, so a mark is on disk
/// as soon as it is made. The file is never deleted or rewritten wholesale: a file that is
/// not a database, is locked or is read-only makes `open` or the write throw, and the caller
/// keeps working in memory.
public final class SQLiteStateStore: ReadStateStore {
    private let pool: DatabasePool

    /// The `PRAGMA application_id` of a Spool state file: "SPOL".
    public static let applicationID: Int32 = 0x5350_4F4C

    /// Opens (creating the folder and file if needed) and migrates the store at `path`.
    ///
    /// - Throws: ``StateFileError`` when the file is another program's database or was
    ///   written by a newer Spool; the file is then left exactly as it was (it is looked at
    ///   read-only before anything is opened for writing).
    public init(path: String) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let isNew = try SQLiteStateStore.checkOwnership(path: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(3)
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync is durable at every commit but a power cut; a larger page cache
            // keeps a big catch-up (M) from spilling mid-transaction.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32000")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        if isNew {
            try pool.write { db in try db.execute(sql: "PRAGMA application_id = \(SQLiteStateStore.applicationID)") }
        }
        // A file already at the latest schema is only read at opening, so another process
        // holding a write lock never delays the first frame.
        if try !pool.read({ try SQLiteStateStore.migrator.hasCompletedMigrations($0) }) {
            try SQLiteStateStore.migrator.migrate(pool)
        }
    }

    /// The tables every Spool state file has had since the first schema.
    private static let spoolTables: Set<String> = ["readMark", "fold", "grdb_migrations"]

    /// Looks at the file at `path` read-only: whether it is new (absent or empty, so Spool
    /// may claim it); throws when it is not Spool's or is newer than this Spool knows.
    private static func checkOwnership(path: String) throws -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size, size > 0 else { return true }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            let isOurs = id == applicationID || (id == 0 && spoolTables.isSubset(of: tables))
            if tables.isEmpty && id == 0 { return true }
            guard isOurs else { throw StateFileError.foreign }
            if try migrator.hasBeenSuperseded(db) { throw StateFileError.newerSchema }
            return id == 0
        }
    }

    /// The schema's history; a test migrates up to `v1` and then to the latest.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE readMark (
                        discussion TEXT NOT NULL, key TEXT NOT NULL, readAt DOUBLE NOT NULL,
                        PRIMARY KEY (discussion, key)) WITHOUT ROWID;
                    CREATE TABLE fold (
                        discussion TEXT NOT NULL, key TEXT NOT NULL,
                        PRIMARY KEY (discussion, key)) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE visit (discussion TEXT PRIMARY KEY NOT NULL, title TEXT, lastOpened DOUBLE NOT NULL);
                    CREATE TABLE seenComment (
                        discussion TEXT NOT NULL, key TEXT NOT NULL,
                        PRIMARY KEY (discussion, key)) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    CREATE TABLE promptHistory (
                        kind TEXT NOT NULL, entry TEXT NOT NULL, usedAt DOUBLE NOT NULL,
                        PRIMARY KEY (kind, entry)) WITHOUT ROWID;
                    CREATE TABLE place (
                        discussion TEXT PRIMARY KEY NOT NULL, selected TEXT NOT NULL,
                        rowOnScreen INTEGER NOT NULL, articleScroll INTEGER NOT NULL);
                    """)
        }
        migrator.registerMigration("v4") { db in
            // `place` again for files from development builds whose v3 lacked it.
            try db.execute(
                sql: """
                    CREATE TABLE seenSet (discussion TEXT PRIMARY KEY NOT NULL, fingerprints BLOB NOT NULL);
                    CREATE TABLE IF NOT EXISTS place (
                        discussion TEXT PRIMARY KEY NOT NULL, selected TEXT NOT NULL,
                        rowOnScreen INTEGER NOT NULL, articleScroll INTEGER NOT NULL);
                    """)
            let discussions = try String.fetchAll(db, sql: "SELECT DISTINCT discussion FROM seenComment")
            for id in discussions {
                let keys = try String.fetchAll(
                    db, sql: "SELECT key FROM seenComment WHERE discussion = ?", arguments: [id])
                let seen = KeyFingerprints(keys.map(StableKey.init(rawValue:)))
                try db.execute(
                    sql: "INSERT INTO seenSet (discussion, fingerprints) VALUES (?, ?)",
                    arguments: [id, Data(seen.bytes)])
            }
            try db.execute(sql: "DROP TABLE seenComment")
        }
        migrator.registerMigration("v5") { db in
            try db.execute(
                sql: """
                    CREATE TABLE mutedAuthor (author TEXT PRIMARY KEY NOT NULL, mutedAt DOUBLE NOT NULL) WITHOUT ROWID;
                    CREATE TABLE bookmark (
                        discussion TEXT NOT NULL, key TEXT NOT NULL, markedAt DOUBLE NOT NULL,
                        PRIMARY KEY (discussion, key)) WITHOUT ROWID;
                    ALTER TABLE seenSet ADD COLUMN earlier BLOB;
                    """)
        }
        migrator.registerMigration("v6") { db in
            // Folds become differences from a default kept with them; the folds saved before
            // were every fold, that is differences from nothing folded.
            try db.execute(
                sql: """
                    ALTER TABLE fold ADD COLUMN folded INTEGER NOT NULL DEFAULT 1;
                    CREATE TABLE foldDefault (discussion TEXT PRIMARY KEY NOT NULL, threads INTEGER NOT NULL);
                    INSERT INTO foldDefault (discussion, threads) SELECT DISTINCT discussion, 0 FROM fold;
                    """)
        }
        return migrator
    }

    /// How many entries of each prompt's history are kept and loaded.
    public static let historyLoaded = 200

    public func load(discussion id: String) throws -> SavedState {
        try pool.read { db in
            let read = try String.fetchAll(db, sql: "SELECT key FROM readMark WHERE discussion = ?", arguments: [id])
            // Split by SQL's truth of `folded`: a value of any type in a hostile file is a
            // fold or an opening, never a failed conversion.
            let folds = { (folded: Bool) in
                try String.fetchAll(
                    db, sql: "SELECT key FROM fold WHERE discussion = ? AND (folded <> 0) = ?", arguments: [id, folded])
            }
            let visited =
                try Bool.fetchOne(db, sql: "SELECT 1 FROM visit WHERE discussion = ?", arguments: [id]) ?? false
            let seen =
                visited
                ? KeyFingerprints(bytes: try SQLiteStateStore.seenBytes(db, id)) : nil
            var history: [String: [String]] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, entry FROM (
                        SELECT kind, entry, usedAt, row_number() OVER (PARTITION BY kind ORDER BY usedAt DESC) AS rank
                        FROM promptHistory)
                    WHERE rank <= ? ORDER BY usedAt
                    """, arguments: [SQLiteStateStore.historyLoaded])
            for row in rows { history[row["kind"], default: []].append(row["entry"]) }
            let place = try Row.fetchOne(
                db, sql: "SELECT selected, rowOnScreen, articleScroll FROM place WHERE discussion = ?", arguments: [id]
            ).map { row in
                SavedPlace(
                    selected: StableKey(rawValue: row["selected"]), rowOnScreen: row["rowOnScreen"],
                    articleScroll: row["articleScroll"])
            }
            var state = SavedState(
                readKeys: Set(read.map(StableKey.init(rawValue:))),
                collapsedKeys: Set(try folds(true).map(StableKey.init(rawValue:))),
                previouslySeen: seen, promptHistory: history,
                place: place)
            state.expandedKeys = Set(try folds(false).map(StableKey.init(rawValue:)))
            state.foldDefault = try Bool.fetchOne(
                db, sql: "SELECT threads <> 0 FROM foldDefault WHERE discussion = ?", arguments: [id]
            ).map { $0 ? .threads : .open }
            state.seenBeforeLastVisit =
                try Data.fetchOne(db, sql: "SELECT earlier FROM seenSet WHERE discussion = ?", arguments: [id])
                .map { KeyFingerprints(bytes: $0) }
            state.mutedAuthors = Set(try String.fetchAll(db, sql: "SELECT author FROM mutedAuthor"))
            state.bookmarks = Set(
                try String.fetchAll(db, sql: "SELECT key FROM bookmark WHERE discussion = ?", arguments: [id])
                    .map(StableKey.init(rawValue:)))
            return state
        }
    }

    public func recordVisit(discussion id: String, title: String?, seen: KeyFingerprints) throws {
        try pool.write { db in
            try db.execute(
                sql:
                    "INSERT INTO visit (discussion, title, lastOpened) VALUES (?, ?, ?) ON CONFLICT(discussion) DO UPDATE SET title = excluded.title, lastOpened = excluded.lastOpened",
                arguments: [id, title, Date().timeIntervalSince1970])
            // What earlier visits saw stays seen: the blob grows by the comments that are new.
            // The set it grew from is kept as the baseline "since the visit before"; a visit
            // that brought nothing new moves neither.
            let earlierBytes = try SQLiteStateStore.seenBytes(db, id)
            guard !seen.isSubset(ofStored: earlierBytes) else { return }
            let all = KeyFingerprints(bytes: earlierBytes).union(seen)
            try db.execute(
                sql:
                    "INSERT INTO seenSet (discussion, fingerprints, earlier) VALUES (?, ?, ?) ON CONFLICT(discussion) DO UPDATE SET fingerprints = excluded.fingerprints, earlier = excluded.earlier",
                arguments: [id, Data(all.bytes), earlierBytes.isEmpty ? nil : earlierBytes])
        }
    }

    /// The seen-set blob of `id` (empty when there is none).
    private static func seenBytes(_ db: Database, _ id: String) throws -> Data {
        try Data.fetchOne(db, sql: "SELECT fingerprints FROM seenSet WHERE discussion = ?", arguments: [id]) ?? Data()
    }

    public func setRead(_ changes: [(key: StableKey, read: Bool)], in id: String) throws {
        guard !changes.isEmpty else { return }
        let marked = SQLiteStateStore.jsonArray(changes.filter(\.read).map(\.key))
        let unmarked = SQLiteStateStore.jsonArray(changes.filter { !$0.read }.map(\.key))
        let now = Date().timeIntervalSince1970
        // One statement per direction with the keys as a JSON array: a catch-up of 100,000
        // marks is one short transaction instead of 100,000 statement runs.
        try pool.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO readMark (discussion, key, readAt) SELECT ?, value, ? FROM json_each(?)",
                arguments: [id, now, marked])
            try db.execute(
                sql: "DELETE FROM readMark WHERE discussion = ? AND key IN (SELECT value FROM json_each(?))",
                arguments: [id, unmarked])
        }
    }

    /// The keys' texts as a JSON array for `json_each`, written by bytes: Foundation's serializer
    /// casts each element dynamically, which made a fold of 20,000 threads (`C`) cost the
    /// writer more than a frame of CPU that the terminal's drawing competes for.
    private static func jsonArray(_ keys: [StableKey]) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        var size = 2
        for key in keys { key.forEachTextPiece { size += $0.utf8.count + 1 } }
        bytes.reserveCapacity(size + keys.count * 2)
        for (index, key) in keys.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            // The key's text piece by piece: a source id's `id:` is not joined to it first.
            key.forEachTextPiece { piece in appendEscaped(piece, to: &bytes, hexDigits: hexDigits) }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as JSON string content: quotes and backslashes escaped, control characters as
    /// `\u00XX`, every other byte (UTF-8 included) as is.
    private static func appendEscaped(_ text: String, to bytes: inout [UInt8], hexDigits: [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0..<0x20:
                bytes.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                ])
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
    }

    public func lastVisit(discussion id: String) throws -> Double? {
        try pool.read { db in
            try Double.fetchOne(db, sql: "SELECT lastOpened FROM visit WHERE discussion = ?", arguments: [id])
        }
    }

    public func setPlace(_ place: SavedPlace, in id: String) throws {
        try pool.write { db in
            try db.execute(
                sql:
                    "INSERT OR REPLACE INTO place (discussion, selected, rowOnScreen, articleScroll) VALUES (?, ?, ?, ?)",
                arguments: [id, place.selected.rawValue, place.rowOnScreen, place.articleScroll])
        }
    }

    public func addHistory(_ entries: [(kind: String, entry: String)]) throws {
        guard !entries.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        try pool.write { db in
            // Entries saved in one call keep their order by a tiny step in time.
            for (offset, item) in entries.enumerated() {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO promptHistory (kind, entry, usedAt) VALUES (?, ?, ?)",
                    arguments: [item.kind, item.entry, now + Double(offset) * 1e-6])
            }
            // Each prompt keeps its newest entries only.
            try db.execute(
                sql: """
                    DELETE FROM promptHistory WHERE (kind, entry) IN (
                        SELECT kind, entry FROM (
                            SELECT kind, entry, row_number() OVER (PARTITION BY kind ORDER BY usedAt DESC) AS rank
                            FROM promptHistory)
                        WHERE rank > ?)
                    """, arguments: [SQLiteStateStore.historyLoaded])
        }
    }

    public func setMuted(_ changes: [(author: String, muted: Bool)]) throws {
        guard !changes.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        try pool.write { db in
            for change in changes where change.muted {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO mutedAuthor (author, mutedAt) VALUES (?, ?)",
                    arguments: [change.author, now])
            }
            for change in changes where !change.muted {
                try db.execute(sql: "DELETE FROM mutedAuthor WHERE author = ?", arguments: [change.author])
            }
        }
    }

    public func setBookmarked(_ changes: [(key: StableKey, bookmarked: Bool)], in id: String) throws {
        guard !changes.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        try pool.write { db in
            for change in changes where change.bookmarked {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO bookmark (discussion, key, markedAt) VALUES (?, ?, ?)",
                    arguments: [id, change.key.rawValue, now])
            }
            for change in changes where !change.bookmarked {
                try db.execute(
                    sql: "DELETE FROM bookmark WHERE discussion = ? AND key = ?", arguments: [id, change.key.rawValue])
            }
        }
    }

    public func setFolds(
        _ changes: [(key: StableKey, folded: Bool?)], default foldDefault: FoldDefault, in id: String
    ) throws {
        guard !changes.isEmpty else { return }
        let asDefault = SQLiteStateStore.jsonArray(changes.filter { $0.folded == nil }.map(\.key))
        try pool.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO foldDefault (discussion, threads) VALUES (?, ?)",
                arguments: [id, foldDefault == .threads])
            try db.execute(
                sql: "DELETE FROM fold WHERE discussion = ? AND key IN (SELECT value FROM json_each(?))",
                arguments: [id, asDefault])
            for folded in [true, false] {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO fold (discussion, key, folded) SELECT ?, value, ? FROM json_each(?)",
                    arguments: [
                        id, folded, SQLiteStateStore.jsonArray(changes.filter { $0.folded == folded }.map(\.key)),
                    ])
            }
        }
    }
}

/// Why a state file is left alone.
public enum StateFileError: Error, Equatable {
    /// The file is another program's SQLite database.
    case foreign
    /// The file was written by a newer Spool, whose schema this one does not know.
    case newerSchema
}
