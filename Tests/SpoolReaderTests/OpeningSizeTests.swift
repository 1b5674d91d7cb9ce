import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// The reader opens for the real screen: an archive starts folded only when its threads
/// do not fit the tree pane of that screen.
@Suite struct OpeningSizeTests {
    @Test func aTallScreenShowsEveryThreadOpen() throws {
        let harness = ReaderHarness(
            discussion: try Fixture.discussion("mbox/notmuch-list-2009.mbox"), columns: 200, rows: 60)
        #expect(harness.reader.collapse.nodes.isEmpty, "24 threads fit 59 rows: nothing folded")
        #expect(harness.reader.rows.count == 55)
    }

    @Test func aSmallScreenStartsFoldedToOneRowAThread() throws {
        let harness = ReaderHarness(
            discussion: try Fixture.discussion("mbox/notmuch-list-2009.mbox"), columns: 80, rows: 24)
        #expect(!harness.reader.collapse.nodes.isEmpty)
        #expect(harness.reader.rows.count == 25, "the archive row and one row a thread")
    }

    @Test func theOpeningScreenDoesNotDependOnAResizeBeforeTheFirstKey() throws {
        let discussion = try Fixture.discussion("mbox/notmuch-list-2009.mbox")
        var resized = ReaderHarness(discussion: discussion, columns: 80, rows: 24)
        try resized.press("<resize:200x60>")
        let direct = ReaderHarness(discussion: discussion, columns: 200, rows: 60)
        #expect(direct.screen.textLines.count == 60)
        #expect(resized.reader.viewport.rows == 60)
        #expect(direct.reader.rows.count != resized.reader.rows.count, "folds are chosen once, at the opening size")
    }
}
