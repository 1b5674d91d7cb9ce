import SpoolCore
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolReader

/// `O`: threads re-sorted at run time, with marks, folds and the selection kept.
@Suite struct ThreadOrderTests {
    static func threadSubjects(_ reader: Reader) -> [String] {
        var subjects: [String] = []
        var node = reader.tree.firstChild(of: ThreadTree.root)
        while let current = node {
            subjects.append(reader.comment(at: current).subject ?? "")
            node = reader.tree.nextSibling[current] >= 0 ? reader.tree.nextSibling[current] : nil
        }
        return subjects
    }

    @Test mutating func oCyclesAnArchiveBetweenOldestAndNewestFirst() throws {
        let store = RecordingStore()
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(MessagePartsTests.file), columns: 120, rows: 30, store: store)
        #expect(Self.threadSubjects(harness.reader) == ["A later thread", "Logs and a picture"], "opened newest first")
        try harness.press("/Thanks<Enter>")
        let key = harness.reader.comment(at: harness.reader.selected).key
        #expect(harness.reader.marks.isRead(harness.reader.selected))
        try harness.press("O")
        #expect(Self.threadSubjects(harness.reader) == ["Logs and a picture", "A later thread"])
        #expect(harness.message == "Threads oldest activity first; O sorts them again.")
        #expect(harness.reader.comment(at: harness.reader.selected).key == key, "the selection stays")
        #expect(harness.reader.marks.isRead(harness.reader.selected), "and its read mark")
        #expect(harness.reader.marks.unreadCount == 2)
        #expect(harness.screen.textDump.contains("├─ ● 2009-11-17  Logs and a picture  2/1  Alice"))
        try harness.press("O")
        #expect(Self.threadSubjects(harness.reader) == ["A later thread", "Logs and a picture"])
        #expect(
            harness.message == "Threads as the source has them; O sorts them again.",
            "newest first is skipped: the same")
    }

    @Test mutating func foldsSurviveAndOnlyRealFoldChangesAreSaved() throws {
        let store = RecordingStore()
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(MessagePartsTests.file), columns: 120, rows: 30, store: store)
        try harness.press("/Logs<Enter><Enter>")
        #expect(store.foldSaves.count == 1)
        let folded = harness.reader.comment(at: harness.reader.selected).key
        try harness.press("O")
        #expect(harness.reader.collapse.isCollapsed(harness.reader.selected))
        #expect(harness.reader.comment(at: harness.reader.selected).key == folded)
        #expect(store.foldSaves.count == 1, "laying out again is no fold change")
        try harness.press("<Enter>")
        #expect(store.foldSaves.last.map { $0.map(\.key) } == [folded])
        #expect(store.foldSaves.last?.map(\.folded) == [nil], "open again, as the default has it")
    }

    @Test mutating func aWebDiscussionGoesNewestFirstOldestFirstAndBack() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        let source = (1..<harness.reader.tree.count).filter { harness.reader.tree.depth[$0] == 1 }
            .map { harness.reader.comment(at: $0).id }
        try harness.press("O")
        #expect(harness.reader.threadOrder == .newestFirst)
        let dates = (1..<harness.reader.tree.count).filter { harness.reader.tree.depth[$0] == 1 }.map { node in
            (node..<harness.reader.tree.subtreeEnd[node]).compactMap { harness.reader.comment(at: $0).date }.max()
        }
        #expect(dates == dates.sorted { ($0 ?? .init(secondsSinceEpoch: 0)) > ($1 ?? .init(secondsSinceEpoch: 0)) })
        try harness.press("OO")
        #expect(harness.reader.threadOrder == .source)
        #expect(
            (1..<harness.reader.tree.count).filter { harness.reader.tree.depth[$0] == 1 }
                .map { harness.reader.comment(at: $0).id } == source)
    }

    @Test mutating func aLimitAndAFocusSurviveTheNewOrder() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("Lauthor:Edna<Enter>")
        let shown = harness.reader.rows.count
        try harness.press("O")
        #expect(harness.reader.limit?.pattern == "author:Edna")
        #expect(harness.reader.rows.count == shown, "the same comments are shown")
        try harness.press("<Esc>q/Sharon<Enter>z")
        let focus = try #require(harness.reader.narrowedTo)
        let key = harness.reader.comment(at: focus).key
        try harness.press("O")
        #expect(harness.reader.narrowedTo.map { harness.reader.comment(at: $0).key } == key)
    }

    @Test func orderingKeepsEachThreadWhole() throws {
        let d = try Fixture.discussion(Fixture.seed)
        let sorted = d.orderingThreads(.oldestFirst)
        #expect(sorted.comments.count == d.comments.count)
        let tree = ThreadTree(sorted)
        for node in 1..<tree.count {
            let comment = sorted.comments[tree.commentIndex[node]]
            let original = d.comments.firstIndex { $0.key == comment.key }!
            let parentKey = d.comments[original].parent.map { d.comments[$0].key }
            #expect(comment.parent.map { sorted.comments[$0].key } == parentKey, "\(comment.id) keeps its parent")
        }
    }
}
