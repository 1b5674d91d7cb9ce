import SpoolCore
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

/// Prompts in the reader: editing, history, repeating the last search, saving what was typed.
@Suite struct PromptHistoryTests {
    @Test mutating func anEmptySearchRepeatsTheLastOneFromAfterTheSelection() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("/edna<Enter>")
        #expect(harness.selectedID == "4.2")
        try harness.press("/")
        #expect(harness.screen.textLines.last?.contains("Enter: search again for edna") == true)
        try harness.press("<Enter>")
        #expect(harness.selectedID == "5.1", "the next match, as n finds it")
        #expect(harness.message == "match 2 of 2")
        #expect(harness.reader.marks.isRead(harness.reader.selected), "landing on it reads it")
    }

    @Test mutating func anEmptySearchWithNoHistorySaysSo() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("/<Enter>")
        #expect(harness.message == "No search yet: type what to look for after /.")
        #expect(harness.selectedID == nil)
    }

    @Test mutating func upRecallsEarlierSearchesAndSearchesThem() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("/Vera<Enter>/edna<Enter>")
        try harness.press("<Home>/<Up><Up>")
        #expect(harness.reader.prompt?.line.text == "Vera")
        #expect(harness.reader.search.query == "Vera", "a recalled entry is searched as typed")
        try harness.press("<Down><Down>")
        #expect(harness.reader.prompt?.line.text == "")
    }

    @Test mutating func thePipePromptOffersTheLastCommand() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("j|wc -l<Enter>")
        #expect(harness.takeCommands().count == 1)
        try harness.press("|")
        #expect(harness.reader.prompt?.line.text == "wc -l")
        #expect(harness.screen.textLines.last?.hasPrefix("Pipe to: wc -l") == true)
        try harness.press("<C-u>cat<Enter>")
        #expect(harness.takeCommands().first == .pipe(command: "cat", text: harness.reader.selectedText))
    }

    @Test mutating func historyComesFromTheSavedStateAndEntriesAreSaved() throws {
        let store = RecordingStore()
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30,
            saved: SavedState(promptHistory: ["limit": ["author:edna", "unread"]]), store: store)
        try harness.press("L<C-u><Up>")
        #expect(harness.reader.prompt?.line.text == "unread")
        try harness.press("<Up><Enter>")
        #expect(harness.reader.limit?.pattern == "author:edna")
        try harness.press("/Vera<Enter>")
        #expect(store.historyEntries.map { "\($0.kind) \($0.entry)" } == ["limit author:edna", "search Vera"])
    }

    @Test mutating func theCaretEditsInTheMiddleOfALimit() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("Lauthor:Brian s. Waldron<M-b><C-k>edna<Home><C-f><C-f><C-f><C-f><C-f><C-f><C-f>")
        #expect(harness.reader.prompt?.line.text == "author:Brian s. edna")
        #expect(harness.screen.cursor == Position(x: "Limit to: author:".count, y: 29))
        try harness.press("<C-k>edna<Enter>")
        #expect(harness.reader.limit?.pattern == "author:edna")
    }
}
