import SpoolCore
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolReader

/// Thread keys (mutt's `C-n`, `C-p`, `C-r`) and the article row that never folds.
@Suite struct ThreadKeysTests {
    @Test mutating func nextAndPreviousThreadLeaveADeepReplyInOneKey() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("<C-n>")
        #expect(harness.selectedID == "1", "from the article: the first thread")
        try harness.press("/edna<Enter>")
        #expect(harness.selectedID == "4.2")
        try harness.press("<C-n>")
        #expect(harness.selectedID == "5", "one key where p p ] took three")
        try harness.press("<C-p>")
        #expect(harness.selectedID == "4")
        try harness.press("/edna<Enter><C-p>")
        #expect(harness.selectedID == "4", "from inside a thread: its start first")
        try harness.press("^")
        #expect(harness.message == "This is the start of the thread.")
        try harness.press("G^")
        let root = harness.reader.tree.threadRoot[harness.reader.selected]
        #expect(harness.reader.selected == root)
        try harness.press("<C-n>")
        #expect(harness.message == "This is the last thread.")
        try harness.press("g<C-p>")
        #expect(harness.message == "This is the first thread.")
    }

    @Test mutating func markThreadReadReadsItAndMovesOn() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("/edna<Enter>")
        let thread = harness.reader.tree.threadRoot[harness.reader.selected]
        let size = harness.reader.tree.subtreeEnd[thread] - thread
        let unread = harness.reader.marks.unreadCount
        try harness.press("<C-r>")
        for node in thread..<harness.reader.tree.subtreeEnd[thread] { #expect(harness.reader.marks.isRead(node)) }
        #expect(harness.selectedID == "5", "on to the next thread, not read by arriving")
        #expect(!harness.reader.marks.isRead(harness.reader.selected))
        #expect(harness.message?.hasPrefix("Marked") == true && harness.message?.contains("in this thread") == true)
        #expect(harness.reader.marks.unreadCount < unread && size > 1)
        try harness.press("U")
        #expect(harness.reader.marks.unreadCount == unread, "U undoes it")
    }

    @Test mutating func threadKeysPassOverThreadsALimitHides() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("Lauthor:edna<Enter>g<C-n>")
        #expect(harness.selectedID == "4", "threads 1 to 3 have no match")
        try harness.press("<C-n>")
        #expect(harness.selectedID == "5")
        #expect(harness.reader.limit != nil, "the limit stays")
    }

    @Test mutating func theArticleRowDoesNotFold() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        let rows = harness.reader.rows.count
        try harness.press("hh")
        #expect(harness.reader.rows.count == rows && harness.selectedID == nil)
        try harness.press("<Enter>")
        #expect(harness.reader.rows.count == rows)
        #expect(harness.message == "The article row does not fold; C folds every thread.")
        try harness.press("<click:1,0>")
        #expect(harness.reader.rows.count == rows, "nor by a click on its tree lines")
        try harness.press("jhh")
        #expect(harness.reader.rows.count == rows && harness.selectedID == nil, "two h from a top-level leaf")
        #expect(!harness.reader.collapse.isCollapsed(ThreadTree.root))
    }
}

/// `C-d` and `C-u` page the pane that has focus.
@Suite struct PagingFocusTests {
    @Test mutating func pagingKeysPageTheArticleWhenItHasFocus() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 16)
        try harness.press("w")
        #expect(harness.reader.paneFocus == .article)
        let page = max(1, harness.reader.viewport.article.height - 1)
        try harness.press("<C-d>")
        #expect(harness.reader.articleScroll == page && harness.selectedID == nil, "the article paged, not the tree")
        try harness.press("<C-u>")
        #expect(harness.reader.articleScroll == 0)
        try harness.press("w<C-d>")
        #expect(harness.selectedID != nil, "with the tree focused, the tree pages")
    }
}
