import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// Read marks: set as comments are selected (or only by hand), toggled, marked in bulk,
/// undone, and saved through the store as each one changes.
@Suite struct MarksTests {
    var harness: ReaderHarness

    init() throws { harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30) }

    @Test mutating func theArticleHasNoReadMark() throws {
        try harness.press("r")
        #expect(harness.message == "Only messages have read marks; select one.")
        #expect(harness.reader.marks.unreadCount == 16)
    }

    @Test mutating func rOnTheSubtreeMarksOnlyItsComments() throws {
        try harness.press("jjjjR")
        #expect(harness.selectedID == "4")
        #expect(
            harness.message == "Marked 2 comments in this subtree read; U undoes.", "4 itself was read by selecting it")
        #expect(harness.reader.marks.unreadCount == 16 - 4 - 2)
        try harness.press("R")
        #expect(harness.message == "Everything in this subtree was already read.")
    }

    @Test mutating func undoBringsBackExactlyWhatTheBulkMarkChanged() throws {
        try harness.press("jj")
        let before = harness.reader.marks.unreadCount
        try harness.press("M")
        #expect(harness.reader.marks.unreadCount == 0)
        try harness.press("U")
        #expect(harness.reader.marks.unreadCount == before)
        #expect(harness.message == "\(before) comments unread again.")
        #expect(harness.reader.marks.isRead(harness.reader.selected), "what was read before M stays read")
        try harness.press("U")
        #expect(harness.message == "No bulk mark to undo.")
    }

    @Test mutating func undoOfAScatteredBulkMark() throws {
        try harness.press("jjjjjjjj")
        #expect(harness.selectedID == "5.1")
        try harness.press("gjjjr")
        #expect(harness.selectedID == "3" && !harness.reader.marks.isRead(harness.reader.selected))
        try harness.press("M")
        #expect(harness.message == "Marked 9 comments in the discussion read; U undoes.", "3 and 6 to 13")
        try harness.press("U")
        #expect(harness.message == "9 comments unread again.")
        #expect(!harness.reader.marks.isRead(3) && harness.reader.marks.isRead(4) && !harness.reader.marks.isRead(9))
        #expect(harness.reader.marks.unreadCount == 9)
    }

    @Test func manualMarkingLeavesSelectionAlone() throws {
        var manual = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30,
            options: ReaderOptions(marksReadOnSelect: false, now: ReaderHarness.now))
        try manual.press("jjjj")
        #expect(manual.reader.marks.unreadCount == 16)
        try manual.press("r")
        #expect(manual.reader.marks.unreadCount == 15)
        #expect(manual.message == "Marked read.")
        try manual.press("<Tab>")
        #expect(manual.selectedID == "4.1", "Tab goes to the next unread")
        #expect(manual.reader.marks.unreadCount == 15, "and does not read it")
    }

    @Test func everyChangeIsSavedAsItHappens() throws {
        let store = RecordingStore()
        var saving = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30, store: store)
        try saving.press("jj")
        #expect(store.readChanges.count == 2)
        try saving.press("M")
        #expect(store.readChanges.count == 16)
        try saving.press("<Enter>")
        #expect(store.foldSaves.isEmpty, "a leaf has nothing to fold")
        try saving.press("g<Enter>")
        #expect(store.foldSaves.isEmpty, "the article row does not fold")
        try saving.press("gjjjj<Enter>")
        let four = try #require(saving.reader.discussion.comments.first { $0.id == "4" })
        #expect(store.foldSaves.last?.map(\.key) == [four.key])
        #expect(store.foldSaves.last?.map(\.folded) == [true])
    }

    @Test func savedMarksAndFoldsComeBack() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let keys = Set(discussion.comments.prefix(3).map(\.key))
        let fold = discussion.comments[3].key
        let reopened = ReaderHarness(
            discussion: discussion, columns: 100, rows: 30, saved: SavedState(readKeys: keys, collapsedKeys: [fold]))
        #expect(reopened.reader.marks.unreadCount == 13)
        #expect(reopened.reader.collapse.nodes.count == 1)
        #expect(reopened.reader.rows.count == 15, "comment 4's two replies are folded away")
    }
}
