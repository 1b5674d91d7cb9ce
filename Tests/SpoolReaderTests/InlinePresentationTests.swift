import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// Inline mode: the article is the first block whatever is selected, the selection stays
/// in view, and there is no article pane to give focus to.
@Suite struct InlinePresentationTests {
    var harness: ReaderHarness

    init() throws { harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 24) }

    @Test mutating func theArticleStaysTheFirstBlock() throws {
        try harness.press("ij")
        #expect(harness.selectedID == "1")
        let lines = harness.screen.textLines
        #expect(lines.first?.contains("Baby P: The Untold Story") == true, "\(lines)")
        #expect(!(lines.first?.contains("Philip Measures") ?? true), "not the selected comment in the article's place")
    }

    @Test mutating func jMovesTheSelectionEvenAfterTheArticleHadFocus() throws {
        try harness.press("jwij")
        #expect(harness.reader.paneFocus == .tree)
        #expect(harness.selectedID == "2")
        try harness.press("j")
        #expect(harness.selectedID == "3")
        #expect(harness.message != "End of this comment.")
    }

    @Test mutating func wSaysThereIsOneScrollAndChangesNothing() throws {
        try harness.press("iw")
        #expect(harness.message == "Inline mode has one scroll; i goes back to the panes.")
        #expect(harness.reader.isInline && harness.reader.paneFocus == .tree)
    }

    @Test mutating func theSelectionStaysInViewAsItMovesDown() throws {
        try harness.press("i")
        for step in 1...12 {
            try harness.press("j")
            let author = harness.reader.comment(at: harness.reader.selected).author
            let cursor = try #require(harness.screen.cursor, "step \(step)")
            #expect(
                harness.screen.textLines[cursor.y].contains(author),
                "step \(step): the header of \(author) is on screen")
        }
    }

    @Test mutating func clickingTheArticlePaneThenInlineLeavesNoArticleFocus() throws {
        try harness.press("<click:5,20>")
        #expect(harness.reader.paneFocus == .article)
        try harness.press("ij")
        #expect(harness.reader.paneFocus == .tree && harness.selectedID == "1")
    }
}
