import Foundation
import SpoolCore
import SpoolReader
import SpoolState
import SpoolTestSupport
import SpoolView
import Testing

/// The reader saving through the real SQLite store, as `spool` wires it.
extension StateKeeper: ReaderStore {}
extension StateWriter: ReaderStore {}

@Suite struct ReaderWithStoreTests {
    private func folder() -> URL {
        let url = Scratch.folder.appendingPathComponent("spool-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func marksAndFoldsSavedAsYouReadComeBackNextTime() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let place = folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let keeper = StateKeeper(folder: place, discussionID: discussion.identity)
        var first = ReaderHarness(discussion: discussion, columns: 100, rows: 30, saved: keeper.load(), store: keeper)
        try first.press("jjjj<Enter>")
        #expect(keeper.warning == nil)
        let again = StateKeeper(folder: place, discussionID: discussion.identity)
        let second = ReaderHarness(discussion: discussion, columns: 100, rows: 30, saved: again.load(), store: again)
        #expect(second.reader.marks.unreadCount == 12)
        #expect(second.reader.collapse.nodes.map { second.reader.comment(at: $0).id } == ["4"])
    }

    @Test func foldsSavedOnTheWritersQueueAreTheFoldsOfTheirKey() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let place = folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let writer = StateWriter(StateKeeper(folder: place, discussionID: discussion.identity))
        var harness = ReaderHarness(discussion: discussion, columns: 100, rows: 30, store: writer)
        // Each fold change is listed on the queue from the folds as they were at its key.
        try harness.press("CEC")
        let collapsedAll = harness.reader.collapsedKeys
        try harness.press("jjjjo")  // the fourth row is a folded thread: opened
        let afterward = harness.reader.collapsedKeys
        #expect(collapsedAll.count > 1 && afterward != collapsedAll)
        writer.finish()
        #expect(writer.warning == nil)
        #expect(StateKeeper(folder: place, discussionID: discussion.identity).load().collapsedKeys == afterward)
    }

    @Test func undoIsSavedToo() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let place = folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let keeper = StateKeeper(folder: place, discussionID: discussion.identity)
        var harness = ReaderHarness(discussion: discussion, columns: 100, rows: 30, store: keeper)
        try harness.press("MU")
        let again = StateKeeper(folder: place, discussionID: discussion.identity)
        #expect(again.load().readKeys.isEmpty)
    }

    @Test func aStoreThatCannotBeWrittenWarnsOnceAndTheReaderGoesOn() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let place = folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let blocker = place.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let keeper = StateKeeper(folder: blocker.appendingPathComponent("spool"), discussionID: discussion.identity)
        var harness = ReaderHarness(discussion: discussion, columns: 100, rows: 30, store: keeper)
        #expect(harness.message?.isEmpty == false, "the warning is on screen from the start")
        try harness.press("j")
        #expect(harness.reader.marks.unreadCount == 15, "reading goes on in memory")
        try harness.press("j")
        #expect(harness.message == nil, "said once, and gone after it was seen")
    }

    @Test func twoReadersOfOneDiscussionKeepEachOthersFoldsAndMarks() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let place = folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let first = StateKeeper(folder: place, discussionID: discussion.identity)
        let second = StateKeeper(folder: place, discussionID: discussion.identity)
        var one = ReaderHarness(discussion: discussion, columns: 100, rows: 30, saved: first.load(), store: first)
        var two = ReaderHarness(discussion: discussion, columns: 100, rows: 30, saved: second.load(), store: second)
        try one.press("jjjj<Enter>")
        try two.press("jjjjjjj<Enter>")
        try one.press("g")
        try two.press("gjj")
        one.runner.program.saveAll()
        two.runner.program.saveAll()
        let merged = StateKeeper(folder: place, discussionID: discussion.identity).load()
        let folded = Set(discussion.comments.filter { ["4", "5"].contains($0.id) }.map(\.key))
        #expect(merged.collapsedKeys == folded, "4 from one reader, 5 from the other")
        #expect(merged.readKeys.count == 7, "1-4 read by one, 1-5 and 4.1, 4.2 by the other")
    }

    @Test func unfoldingInOneReaderDoesNotUnfoldWhatTheOtherFolded() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let place = folder()
        defer { try? FileManager.default.removeItem(at: place) }
        let first = StateKeeper(folder: place, discussionID: discussion.identity)
        var one = ReaderHarness(discussion: discussion, columns: 100, rows: 30, store: first)
        try one.press("jjjj<Enter><Enter>")
        let second = StateKeeper(folder: place, discussionID: discussion.identity)
        var two = ReaderHarness(discussion: discussion, columns: 100, rows: 30, store: second)
        try two.press("jjjjjjj<Enter>")
        let merged = StateKeeper(folder: place, discussionID: discussion.identity).load()
        #expect(merged.collapsedKeys.count == 1)
    }
}
