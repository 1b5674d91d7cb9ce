import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

/// The reader driven by keys on the seed discussion, as `spool render --keys` drives it.
@Suite struct NavigationTests {
    var harness: ReaderHarness

    init() throws { harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30) }

    @Test func startsOnTheArticleWithEverythingUnread() {
        #expect(harness.selectedID == nil)
        #expect(harness.reader.marks.unreadCount == 16)
        #expect(harness.reader.rows.count == 17)
    }

    @Test mutating func sameAuthorJumpWrapsAndSaysWhereItIs() throws {
        try harness.press("jjj")
        #expect(harness.selectedID == "3")
        try harness.press("a")
        #expect(harness.selectedID == "4")
        #expect(harness.message == "2 of 3 by Sharon Shoesmith")
        try harness.press("a")
        #expect(harness.selectedID == "11")
        #expect(harness.message == "3 of 3 by Sharon Shoesmith")
        try harness.press("a")
        #expect(harness.selectedID == "3")
        #expect(harness.message == "1 of 3 by Sharon Shoesmith")
        try harness.press("A")
        #expect(harness.selectedID == "11")
    }

    @Test mutating func sameAuthorJumpExpandsWhatHidesTheTarget() throws {
        try harness.press("jjjjjj")
        #expect(harness.selectedID == "4.2", "Edna wrote 4.2 and 5.1")
        try harness.press("j<Enter>")
        #expect(harness.selectedID == "5" && harness.reader.collapse.isCollapsed(harness.reader.selected))
        let hidden = harness.reader.rows.count
        try harness.press("ka")
        #expect(harness.selectedID == "5.1", "a goes to Edna's next comment, folded away under 5")
        #expect(harness.message == "2 of 2 by Edna")
        #expect(harness.reader.rows.row(of: harness.reader.selected) != nil, "the fold that hid it opened")
        #expect(harness.reader.rows.count > hidden)
    }

    @Test mutating func collapseShowsTheHiddenCountAndExpandRestores() throws {
        try harness.press("jjjj")
        #expect(harness.selectedID == "4")
        try harness.press("<Enter>")
        #expect(harness.reader.rows.count == 15)
        #expect(harness.screen.textLines.contains { $0.contains("Sharon Shoesmith  2014-10-28 [+2, 2 unread]") })
        try harness.press("o")
        #expect(harness.reader.rows.count == 17)
    }

    @Test mutating func hAndLWalkTheTree() throws {
        try harness.press("jjjjj")
        #expect(harness.selectedID == "4.1")
        try harness.press("h")
        #expect(harness.selectedID == "4", "a leaf goes to its parent")
        try harness.press("h")
        #expect(harness.reader.collapse.isCollapsed(harness.reader.selected), "an open node collapses")
        try harness.press("h")
        #expect(harness.selectedID == nil, "a collapsed node goes to its parent, the article")
        try harness.press("jjjjl")
        #expect(harness.selectedID == "4" && !harness.reader.collapse.isCollapsed(harness.reader.selected))
        try harness.press("l")
        #expect(harness.selectedID == "4.1")
    }

    @Test mutating func parentAndSiblingMoves() throws {
        try harness.press("jjjjjj")
        #expect(harness.selectedID == "4.2")
        try harness.press("[")
        #expect(harness.selectedID == "4.1")
        try harness.press("]")
        #expect(harness.selectedID == "4.2")
        try harness.press("]")
        #expect(harness.message == "No next sibling.")
        try harness.press("p")
        #expect(harness.selectedID == "4")
        try harness.press("]")
        #expect(harness.selectedID == "5")
        try harness.press("p")
        #expect(harness.selectedID == nil)
        try harness.press("p")
        #expect(harness.message == "This is the top of the discussion.")
    }

    @Test mutating func selectingMarksReadAndRTogglesIt() throws {
        try harness.press("jj")
        #expect(harness.reader.marks.unreadCount == 14)
        try harness.press("r")
        #expect(harness.reader.marks.unreadCount == 15)
        #expect(harness.message == "Marked unread.")
        let store = RecordingStore()
        var saving = ReaderHarness(discussion: harness.reader.discussion, columns: 100, rows: 30, store: store)
        try saving.press("jjr")
        #expect(store.readChanges.count == 3, "each change of a mark is saved as it happens")
        #expect(saving.reader.marks.unreadCount == 15)
    }

    @Test mutating func tabGoesToTheNextUnreadAndWraps() throws {
        try harness.press("<Tab>")
        #expect(harness.selectedID == "1")
        try harness.press("G<Tab>")
        #expect(harness.selectedID == "2", "wraps past the end to the first unread")
        try harness.press("<S-Tab>")
        #expect(harness.selectedID == "12")
    }

    @Test mutating func catchUpAndUndo() throws {
        try harness.press("jjjj")
        #expect(harness.reader.marks.unreadCount == 12)
        try harness.press("R")
        #expect(harness.reader.marks.unreadCount == 10, "4.1 and 4.2 are marked with their parent")
        try harness.press("M")
        #expect(harness.reader.marks.unreadCount == 0)
        #expect(harness.message == "Marked 10 comments in the discussion read; U undoes.")
        try harness.press("U")
        #expect(harness.reader.marks.unreadCount == 10)
        try harness.press("U")
        #expect(harness.message == "No bulk mark to undo.")
    }

    @Test mutating func spaceAtTheEndOfACommentGoesToTheNextUnread() throws {
        harness = try ReaderHarness(fixture: Fixture.seed, columns: 60, rows: 20)
        try harness.press("j")
        #expect(harness.selectedID == "1")
        let long = harness.articleLines.count
        #expect(long > harness.reader.viewport.article.height, "comment 1 is longer than the pane")
        try harness.press("<Space>")
        #expect(harness.reader.articleScroll > 0)
        var presses = 1
        while harness.selectedID == "1" && presses < 20 {
            try harness.press("<Space>")
            presses += 1
        }
        #expect(harness.selectedID == "2")
        #expect(presses > 2, "the comment was paged through before moving on")
        #expect(harness.reader.articleScroll == 0)
    }

    @Test mutating func focusOnTheArticleMakesJScrollIt() throws {
        harness = try ReaderHarness(fixture: Fixture.seed, columns: 60, rows: 20)
        try harness.press("jwjj")
        #expect(harness.selectedID == "1")
        #expect(harness.reader.articleScroll == 2)
        try harness.press("<Esc>j")
        #expect(harness.selectedID == "2")
    }

    @Test mutating func layoutSwitchesAndResizeKeepsTheSelectionOnScreen() throws {
        #expect(harness.reader.viewport.orientation == .stacked)
        try harness.press("v")
        #expect(harness.reader.viewport.orientation == .sideBySide)
        try harness.press("G<resize:30x5>")
        #expect(harness.reader.viewport.orientation == .stacked, "too narrow for side by side")
        let row = try #require(harness.reader.rows.row(of: harness.reader.selected))
        #expect(row >= harness.reader.treeTop && row < harness.reader.treeTop + harness.reader.viewport.tree.height)
        for size in ["1x1", "0x0", "2x1", "1x3", "500x200", "3x2"] {
            try harness.press("<resize:\(size)>jk<Space>?")
            _ = harness.screen
            try harness.press("q")
        }
    }

    @Test mutating func helpListsTheLiveKeyMap() throws {
        var remapped = KeyMap.standard.bindings
        remapped[.character("x")] = .nextSameAuthor
        harness = ReaderHarness(
            discussion: harness.reader.discussion, columns: 100, rows: 50, keyMap: KeyMap(bindings: remapped))
        try harness.press("?")
        #expect(harness.reader.isShowingHelp)
        let text = harness.screen.textDump
        #expect(text.contains("a x"))
        #expect(text.contains("next comment by the same author"))
        try harness.press("q")
        #expect(!harness.reader.isShowingHelp)
        let quit = try harness.press("q")
        #expect(quit.quit)
    }

    @Test func readKeysRestoreMarks() throws {
        let d = try Fixture.discussion(Fixture.seed)
        let keys: Set<StableKey> = [d.comments[0].key, d.comments[5].key]
        let h = ReaderHarness(discussion: d, columns: 80, rows: 24, saved: SavedState(readKeys: keys))
        #expect(h.reader.marks.unreadCount == 14)
        #expect(h.reader.readKeys == keys)
    }

    @Test func importerNoticesShowInTheStatusLine() throws {
        let d = try Fixture.web("T\n\n3 Comments\n\n  1. Ann June 1, 2022 at 8:00 am #\n\n    x\n")
        let h = ReaderHarness(discussion: d, columns: 80, rows: 10)
        #expect(h.screen.textLines.last?.contains("The page says 3 responses; 1 comments were found.") == true)
    }
}

@Suite struct DeepNestingTests {
    @Test func deepRowsShowTheirDepthInsteadOfRunningOffScreen() throws {
        let chain = Discussion(
            title: "Deep", article: nil, format: .web,
            comments: (0..<30).map {
                Comment(id: "\($0)", author: "u\($0)", date: nil, body: "b", parent: $0 == 0 ? nil : $0 - 1)
            })
        var harness = ReaderHarness(discussion: chain, columns: 40, rows: 10)
        try harness.press("G")
        let lines = harness.screen.textLines
        let selectedRow = try #require(lines.first { $0.contains("u29") })
        #expect(selectedRow.hasPrefix("‹30›"))
        #expect(selectedRow.contains("● u29") || selectedRow.contains("  u29"))
    }
}
