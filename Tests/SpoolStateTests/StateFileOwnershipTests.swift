import Foundation
import GRDB
import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolState

/// Spool writes only into its own state file: one it made (marked with its application id)
/// or an older Spool file; any other SQLite file is left exactly as it was.
@Suite struct StateFileOwnershipTests {
    private func folder() throws -> URL {
        let url = Scratch.folder.appendingPathComponent("spool-owner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func applicationID(_ path: String) throws -> Int32 {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") ?? 0 }
    }

    @Test func aNewStateFileCarriesSpoolsApplicationID() throws {
        let place = try folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let keeper = StateKeeper(folder: place, discussionID: "d")
        keeper.save(readChanges: [(StableKey(rawValue: "k"), true)])
        #expect(keeper.warning == nil)
        #expect(try applicationID(keeper.path) == SQLiteStateStore.applicationID)
    }

    @Test func anotherProgramsDatabaseIsLeftUntouched() throws {
        let place = try folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let path = place.appendingPathComponent(StateLocation.fileName).path
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            try db.execute(
                sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1, 'mine')")
        }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let keeper = StateKeeper(folder: place, discussionID: "d")
        keeper.save(readChanges: [(StableKey(rawValue: "k"), true)])
        keeper.save(foldChanges: [(StableKey(rawValue: "k"), true)], default: .open)
        #expect(keeper.warning?.contains("belongs to another program; Spool leaves it alone") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "not a byte changed")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "not even switched to WAL")
        #expect(keeper.load().readKeys == [StableKey(rawValue: "k")], "the reader goes on in memory")
    }

    @Test func aDatabaseMarkedByAnotherApplicationIsLeftAlone() throws {
        let place = try folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let path = place.appendingPathComponent(StateLocation.fileName).path
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            try db.execute(sql: "PRAGMA application_id = 1234; CREATE TABLE readMark (discussion TEXT, key TEXT)")
            try db.execute(sql: "CREATE TABLE fold (x); CREATE TABLE grdb_migrations (identifier TEXT)")
        }
        try other.close()
        let keeper = StateKeeper(folder: place, discussionID: "d")
        #expect(keeper.warning?.contains("belongs to another program") == true, "its id says so, whatever its tables")
    }

    @Test func anOlderSpoolFileIsAdopted() throws {
        let place = try folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let path = place.appendingPathComponent(StateLocation.fileName).path
        let old = try DatabasePool(path: path)
        try SQLiteStateStore.migrator.migrate(old)
        try old.write { db in
            try db.execute(sql: "INSERT INTO readMark VALUES ('d', 'k', 0)")
        }
        try old.close()
        let keeper = StateKeeper(folder: place, discussionID: "d")
        #expect(keeper.warning == nil)
        #expect(keeper.load().readKeys == [StableKey(rawValue: "k")])
        #expect(try applicationID(path) == SQLiteStateStore.applicationID)
    }

    @Test func aNewerSpoolsFileIsLeftAsItIs() throws {
        let place = try folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let first = StateKeeper(folder: place, discussionID: "d")
        first.save(readChanges: [(StableKey(rawValue: "k"), true)])
        let queue = try DatabaseQueue(path: first.path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
        try queue.close()
        let keeper = StateKeeper(folder: place, discussionID: "d")
        #expect(keeper.warning?.contains("was written by a newer Spool") == true)
    }
}

/// Another process writing to the state file does not hold up the reader's opening.
@Suite struct StateFileLockTests {
    @Test func openingAndLoadingWaitForNoWriter() throws {
        let place = Scratch.folder.appendingPathComponent("spool-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: place) }
        let first = StateKeeper(folder: place, discussionID: "d")
        first.save(readChanges: [(StableKey(rawValue: "k"), true)])
        // Another connection holds a write transaction open on its own thread meanwhile.
        let other = try DatabaseQueue(path: first.path)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let writer = Thread {
            try? other.write { db in
                try db.execute(sql: "INSERT INTO readMark VALUES ('x', 'y', 0)")
                locked.signal()
                release.wait()
            }
        }
        writer.start()
        locked.wait()
        defer { release.signal() }
        let second = StateKeeper(folder: place, discussionID: "d")
        #expect(second.warning == nil, "opened while another connection holds the write lock")
        #expect(second.load().readKeys == [StableKey(rawValue: "k")])
    }
}

/// A program that holds the state file in exclusive locking mode: the reader opens at once,
/// in memory, and says why.
@Suite struct StateFileExclusiveLockTests {
    @Test func anExclusiveLockIsReportedWithoutWaiting() throws {
        let place = Scratch.folder.appendingPathComponent("spool-xlock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: place) }
        let path: String = {
            let first = StateKeeper(folder: place, discussionID: "d")
            first.save(readChanges: [(StableKey(rawValue: "k"), true)])
            return first.path
        }()
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
        let holder = try DatabaseQueue(path: path, configuration: configuration)
        try holder.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM readMark") }
        let second = StateKeeper(folder: place, discussionID: "d")
        let state = second.load()
        #expect(second.warning?.contains("is locked by another program") == true)
        #expect(state.readKeys.isEmpty)
        try holder.close()
    }
}
