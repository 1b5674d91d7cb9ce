import Foundation
import GRDB
import SpoolCore

/// Read state in SQLite (WAL mode, through GRDB), safe for several Spool processes at once.
///
/// Schema migrations are versioned: `v1` holds read marks and folds, `v2` adds visits for
/// "new since last visit". Every write is its own short transaction, so a mark is on disk
/// as soon as it is made. The file is never deleted or rewritten wholesale: a file that is
/// not a database, is locked or is read-only makes `open` or the write throw, and the caller
/// keeps working in memory.
public final class SQLiteStateStore: ReadStateStore {
    private let pool: DatabasePool

    /// Opens (creating the folder and file if needed) and migrates the store at `path`.
    public init(path: String) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(3)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        pool = try DatabasePool(path: path, configuration: configuration)
        try SQLiteStateStore.migrator.migrate(pool)
    }

    /// The schema's history; a test migrates up to `v1` and then to the latest.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE readMark (
                    discussion TEXT NOT NULL, key TEXT NOT NULL, readAt DOUBLE NOT NULL,
                    PRIMARY KEY (discussion, key)) WITHOUT ROWID;
                CREATE TABLE fold (
                    discussion TEXT NOT NULL, key TEXT NOT NULL,
                    PRIMARY KEY (discussion, key)) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE visit (discussion TEXT PRIMARY KEY NOT NULL, title TEXT, lastOpened DOUBLE NOT NULL);
                CREATE TABLE seenComment (
                    discussion TEXT NOT NULL, key TEXT NOT NULL,
                    PRIMARY KEY (discussion, key)) WITHOUT ROWID;
                """)
        }
        return migrator
    }

    public func load(discussion id: String) throws -> SavedState {
        try pool.read { db in
            let read = try String.fetchAll(db, sql: "SELECT key FROM readMark WHERE discussion = ?", arguments: [id])
            let folds = try String.fetchAll(db, sql: "SELECT key FROM fold WHERE discussion = ?", arguments: [id])
            let visited = try Bool.fetchOne(db, sql: "SELECT 1 FROM visit WHERE discussion = ?", arguments: [id]) ?? false
            let seen = visited ? try String.fetchAll(db, sql: "SELECT key FROM seenComment WHERE discussion = ?", arguments: [id]) : nil
            return SavedState(
                readKeys: Set(read.map(StableKey.init(rawValue:))), foldKeys: Set(folds.map(StableKey.init(rawValue:))),
                previouslySeen: seen.map { Set($0.map(StableKey.init(rawValue:))) })
        }
    }

    public func recordVisit(discussion id: String, title: String?, keys: [StableKey]) throws {
        try pool.write { db in
            try db.execute(
                sql: "INSERT INTO visit (discussion, title, lastOpened) VALUES (?, ?, ?) ON CONFLICT(discussion) DO UPDATE SET title = excluded.title, lastOpened = excluded.lastOpened",
                arguments: [id, title, Date().timeIntervalSince1970])
            let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO seenComment (discussion, key) VALUES (?, ?)")
            for key in keys { try insert.execute(arguments: [id, key.rawValue]) }
        }
    }

    public func setRead(_ changes: [(key: StableKey, read: Bool)], in id: String) throws {
        guard !changes.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        try pool.write { db in
            let mark = try db.makeStatement(sql: "INSERT OR REPLACE INTO readMark (discussion, key, readAt) VALUES (?, ?, ?)")
            let unmark = try db.makeStatement(sql: "DELETE FROM readMark WHERE discussion = ? AND key = ?")
            for change in changes {
                if change.read {
                    try mark.execute(arguments: [id, change.key.rawValue, now])
                } else {
                    try unmark.execute(arguments: [id, change.key.rawValue])
                }
            }
        }
    }

    public func saveFolds(_ keys: Set<StableKey>, in id: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM fold WHERE discussion = ?", arguments: [id])
            let insert = try db.makeStatement(sql: "INSERT INTO fold (discussion, key) VALUES (?, ?)")
            for key in keys { try insert.execute(arguments: [id, key.rawValue]) }
        }
    }
}
