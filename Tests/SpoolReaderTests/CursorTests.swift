import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// The screen carries the cursor where the reader's attention is, for screen readers and
/// braille displays: the selected row, the article with focus, a prompt's caret.
@Suite struct CursorTests {
    var harness: ReaderHarness

    init() throws { harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30) }

    @Test mutating func theCursorIsOnTheSelectedRowAfterTheTreeLines() throws {
        #expect(harness.screen.cursor == Position(x: 0, y: 0), "the article row")
        try harness.press("jj")
        let screen = harness.screen
        let cursor = try #require(screen.cursor)
        #expect(cursor.y == 2)
        #expect(screen.textLines[2].hasPrefix("├─ "))
        #expect(cursor.x == 3, "the first text cell after the tree lines")
    }

    @Test mutating func theCursorFollowsTheTreeScroll() throws {
        try harness.press("G")
        let cursor = try #require(harness.screen.cursor)
        let row = try #require(harness.reader.rows.row(of: harness.reader.selected))
        #expect(cursor.y == row - harness.reader.treeTop)
    }

    @Test mutating func theArticleWithFocusHasTheCursorOnItsFirstLine() throws {
        try harness.press("jw")
        let cursor = try #require(harness.screen.cursor)
        #expect(cursor == Position(x: harness.reader.viewport.article.x + 1, y: harness.reader.viewport.article.y))
    }

    @Test mutating func aPromptHasTheCursorAtItsCaret() throws {
        try harness.press("/edn")
        let cursor = try #require(harness.screen.cursor)
        #expect(cursor == Position(x: 4, y: 29), "after \"/edn\" on the status line")
        try harness.press("<Esc>L")
        #expect(harness.screen.cursor == Position(x: 10, y: 29), "after \"Limit to: \"")
    }

    @Test mutating func aTinyScreenNeverPutsTheCursorOutside() throws {
        try harness.press("<resize:1x1>jjj")
        if let cursor = harness.screen.cursor { #expect(cursor.x == 0 && cursor.y == 0) }
        try harness.press("<resize:0x0>")
        #expect(harness.screen.cursor == nil)
    }
}
