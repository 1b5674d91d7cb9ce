import Foundation
import GRDB
import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolState

/// The state file opened while a discussion is imported: keepers share the one store, a
/// missing file is made only when a keeper is asked for, and a file that is not Spool's
/// is refused as when opened in place.
@Suite struct StateStoreOpeningTests {
    private func folder() throws -> URL {
        let url = Scratch.folder.appendingPathComponent("spool-opening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func keepersShareTheStoreOpenedEarly() throws {
        let place = try folder()
        defer { try? FileManager.default.removeItem(at: place) }
        StateKeeper(folder: place, discussionID: "d").save(readChanges: [(StableKey(rawValue: "a"), true)])
        let opening = StateStoreOpening(folder: place)
        let first = opening.keeper(discussionID: "d")
        let second = opening.keeper(discussionID: "d")
        #expect(first.warning == nil && second.warning == nil)
        #expect(first.load().readKeys == [StableKey(rawValue: "a")], "what an earlier run saved")
        first.save(readChanges: [(StableKey(rawValue: "b"), true)])
        #expect(second.load().readKeys == [StableKey(rawValue: "a"), StableKey(rawValue: "b")])
        #expect(opening.keeper(discussionID: "other").load().readKeys.isEmpty, "each discussion its own")
    }

    @Test func aMissingFileIsMadeOnlyWhenAKeeperIsAskedFor() throws {
        let place = try folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let path = place.appendingPathComponent(StateLocation.fileName).path
        let opening = StateStoreOpening(folder: place)
        usleep(50_000)
        #expect(!FileManager.default.fileExists(atPath: path), "a run that fails before the reader leaves nothing")
        let keeper = opening.keeper(discussionID: "d")
        keeper.save(readChanges: [(StableKey(rawValue: "k"), true)])
        #expect(keeper.warning == nil && FileManager.default.fileExists(atPath: path))
    }

    @Test func anotherProgramsFileIsRefusedAsInPlace() throws {
        let place = try folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let path = place.appendingPathComponent(StateLocation.fileName).path
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY)") }
        try other.close()
        let keeper = StateStoreOpening(folder: place).keeper(discussionID: "d")
        #expect(keeper.warning?.contains("belongs to another program; Spool leaves it alone") == true)
        keeper.save(readChanges: [(StableKey(rawValue: "k"), true)])
        #expect(keeper.load().readKeys == [StableKey(rawValue: "k")], "the reader goes on in memory")
    }
}
