import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

@Suite struct MouseTests {
    @Test mutating func clicksSelectFoldAndFocusAndTheWheelScrollsThePaneUnderIt() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("<click:20,4>")
        #expect(harness.selectedID == "4")
        try harness.press("<click:1,4>")
        #expect(harness.reader.collapse.isCollapsed(harness.reader.selected), "a click on the tree lines folds")
        try harness.press("<click:1,4>")
        #expect(!harness.reader.collapse.isCollapsed(harness.reader.selected), "and unfolds")
        let unread = harness.reader.marks.unreadCount
        try harness.press("<wheeldown:10,2>")
        #expect(harness.reader.treeTop == 3, "the wheel over the tree scrolls it")
        #expect(harness.selectedID == "4", "the selection is still on screen, so it stays")
        #expect(harness.reader.marks.unreadCount == unread)
        try harness.press("<wheelup:10,2>jjj")
        #expect(harness.reader.treeTop == 0 && harness.selectedID == "5")
        let article = harness.reader.viewport.article
        try harness.press("<wheeldown:\(article.x + 2),\(article.y + 1)>")
        #expect(harness.reader.articleScroll == 3, "the wheel over the article scrolls it")
        try harness.press("<click:\(article.x + 2),\(article.y + 1)>")
        #expect(harness.reader.paneFocus == .article)
        try harness.press("<click:20,1>")
        #expect(harness.reader.paneFocus == .tree && harness.selectedID == "1")
    }

    @Test func mouseNotationRoundTrips() throws {
        #expect(
            try KeyNotation.parse("<click:3,4><wheelup:0,0><wheeldown:9,9>") == [
                .mouse(.click, column: 3, row: 4), .mouse(.wheelUp, column: 0, row: 0),
                .mouse(.wheelDown, column: 9, row: 9),
            ])
        #expect(KeyNotation.name(of: .mouse(.click, column: 3, row: 4)) == "click:3,4")
        #expect(throws: KeyNotation.ParseError.self) { try KeyNotation.parse("<click:3>") }
        let (config, problems) = ReaderConfig.parse(toml: "mouse = false\n", file: "c.toml")
        #expect(problems.isEmpty && config.mouse == false)
    }
}

@Suite struct InlineMouseTests {
    @Test mutating func theWheelScrollsTheInlineViewAndClicksAreIgnored() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 90, rows: 22)
        try harness.press("i<click:5,5>")
        #expect(harness.selectedID == nil)
        let unread = harness.reader.marks.unreadCount
        for _ in 0..<10 { try harness.press("<wheeldown:5,5>") }
        #expect(harness.selectedID != nil, "scrolling moved the top comment, which becomes the selection")
        #expect(harness.reader.marks.unreadCount == unread, "the wheel reads nothing")
    }
}

/// Clicks and the wheel where nothing is, and on scrolled trees.
@Suite struct MouseEdgeTests {
    @Test mutating func clicksBelowTheLastRowOrOnTheDividerDoNothing() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 60)
        try harness.press("jj")
        let tree = harness.reader.viewport.tree
        try harness.press("<click:5,\(tree.maxY - 1)>")
        #expect(harness.selectedID == "2", "no row is drawn there: 17 rows, \(tree.height) high")
        try harness.press("<click:5,\(tree.maxY)>")
        #expect(harness.selectedID == "2" && harness.reader.paneFocus == .tree, "the divider")
        try harness.press("<click:5,59>")
        #expect(harness.selectedID == "2", "the status line")
    }

    @Test mutating func aClickOnAScrolledTreeSelectsTheRowDrawnThere() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 12)
        try harness.press("G")
        let top = harness.reader.treeTop
        #expect(top > 0)
        try harness.press("<click:20,0>")
        #expect(harness.reader.selected == harness.reader.rows[top])
    }

    @Test mutating func theWheelAtTheTopOfTheTreeStaysThere() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("<wheelup:5,1>")
        #expect(harness.selectedID == nil && harness.reader.treeTop == 0)
    }

    @Test mutating func theWheelNeverMarksReadAndCarriesTheSelectionAlongUnread() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 20)
        let unread = harness.reader.marks.unreadCount
        let height = harness.reader.viewport.tree.height
        for _ in 0..<3 { try harness.press("<wheeldown:5,1>") }
        #expect(harness.reader.treeTop == min(9, harness.reader.rows.count - height))
        #expect(harness.reader.rows.row(of: harness.reader.selected) == harness.reader.treeTop, "the top row on screen")
        #expect(harness.reader.marks.unreadCount == unread, "nothing was read by scrolling")
        #expect(!harness.reader.marks.isRead(harness.reader.selected))
        try harness.press("j")
        #expect(harness.reader.marks.unreadCount == unread - 1, "keys still read")
    }

    @Test mutating func aClickOnTheSelectedRowTogglesItsFold() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jjjj<click:40,4>")
        #expect(harness.selectedID == "4")
        #expect(harness.reader.collapse.isCollapsed(harness.reader.selected))
        try harness.press("<click:40,4>")
        #expect(!harness.reader.collapse.isCollapsed(harness.reader.selected))
    }

    @Test func clicksSaveWhatTheyChange() throws {
        let store = RecordingStore()
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30, store: store)
        try harness.press("<click:20,4>")
        #expect(store.readChanges.count == 1)
        try harness.press("<click:1,4>")
        #expect(store.foldSaves.count == 1)
    }
}
