import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// While a query is typed its match is shown, not read; Enter lands on it; Esc goes back.
@Suite struct SearchPreviewTests {
    var harness: ReaderHarness

    init() throws { harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30) }

    @Test mutating func typingShowsTheMatchWithoutMarkingAnythingRead() throws {
        try harness.press("j")
        let unread = harness.reader.marks.unreadCount
        try harness.press("/Vera")
        #expect(harness.reader.isSearching)
        #expect(harness.reader.comment(at: harness.reader.selected).author == "Vera")
        #expect(harness.reader.marks.unreadCount == unread, "nothing is marked read while typing")
        #expect(harness.screen.textLines.contains { $0.contains("Vera") })
    }

    @Test mutating func escGoesBackToWhereTheSearchBegan() throws {
        try harness.press("jj")
        let origin = harness.selectedID
        let unread = harness.reader.marks.unreadCount
        try harness.press("/Vera<Esc>")
        #expect(harness.selectedID == origin)
        #expect(harness.reader.marks.unreadCount == unread)
        #expect(harness.message == "Search cancelled.")
        #expect(!harness.reader.isSearching)
    }

    @Test mutating func escRestoresFoldsTheMatchOpened() throws {
        try harness.press("C")
        let rows = harness.reader.rows.count
        try harness.press("/maria")
        #expect(harness.reader.rows.count > rows, "the preview opened the folded thread")
        try harness.press("<Esc>")
        #expect(harness.reader.rows.count == rows, "Esc folds it again")
        #expect(harness.selectedID == nil)
    }

    @Test mutating func enterLandsOnTheMatchAndReadsIt() throws {
        let unread = harness.reader.marks.unreadCount
        try harness.press("/Vera<Enter>")
        #expect(harness.reader.comment(at: harness.reader.selected).author == "Vera")
        #expect(harness.reader.marks.unreadCount == unread - 1)
        #expect(harness.reader.marks.isRead(harness.reader.selected))
    }

    @Test mutating func aQueryThatStopsMatchingGoesBackToTheOrigin() throws {
        try harness.press("j/Vera")
        #expect(harness.reader.comment(at: harness.reader.selected).author == "Vera")
        try harness.press("zzzz")
        #expect(harness.selectedID == "1", "no match: the view is where the search began")
        #expect(harness.screen.textLines.last?.contains("0 matches") == true)
    }
}
