import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

@Suite struct InlineModeTests {
    @Test mutating func everyCommentUnderItsHeaderWithTheSameKeys() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 90, rows: 22)
        try harness.press("i")
        #expect(harness.reader.isInline)
        try harness.press("jjj")
        let lines = harness.screen.textLines
        #expect(
            lines.contains { $0.hasPrefix("├─   Sharon Shoesmith  2014-10-28 12:27") },
            "the selected header is on screen")
        #expect(
            lines.contains { $0.hasPrefix("    I felt that the documentary was simply amazing.") },
            "its body sits under it")
        #expect(harness.reader.marks.unreadCount == 13, "moving reads as before")
        try harness.press("j<Enter>")
        #expect(harness.screen.textDump.contains("[+2 replies folded]"))
        let before = harness.reader.selected
        try harness.press("<Space><Space>")
        #expect(
            harness.reader.selected > before, "Space scrolls the whole view and the top comment becomes the selection")
        try harness.press("i")
        #expect(!harness.reader.isInline && harness.screen.textDump.contains("────"))
    }

    @Test mutating func aTinyScreenAndResizeNeverBreakIt() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 90, rows: 22)
        try harness.press("iG<resize:1x1>k<resize:5x3>b<Space><resize:200x60>g")
        _ = harness.screen
        #expect(harness.selectedID == nil)
    }
}

@Suite struct InlineBoundsTests {
    @Test mutating func inlineModeWrapsOnlyTheStartOfAHugeBody() throws {
        let big = Discussion(
            title: "T", article: nil, format: .web,
            comments: [Comment(id: "1", author: "a", date: nil, body: String(repeating: "word ", count: 400_000))])
        var harness = ReaderHarness(discussion: big, columns: 80, rows: 24)
        try harness.press("ij")
        let lines = harness.runner.program.view.inlineLines(of: 1, for: harness.reader)
        #expect(lines.contains { $0.text.contains("KB more not shown") })
        #expect(!harness.screen.textLines.isEmpty)
    }
}

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

/// Scrolling the inline view by pages and lines: the comment at the top is the selection.
@Suite struct InlineScrollTests {
    @Test mutating func spaceAndBPageTheScroll() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 12)
        try harness.press("i")
        #expect(harness.reader.presentation == .inline(top: 0, offset: 0))
        try harness.press("<Space>")
        #expect(harness.reader.presentation == .inline(top: 0, offset: 10), "a page is the height less one")
        try harness.press("b")
        #expect(harness.reader.presentation == .inline(top: 0, offset: 0))
        try harness.press("b")
        #expect(harness.reader.presentation == .inline(top: 0, offset: 0), "the top stays the top")
    }

    @Test mutating func scrollingPastACommentSelectsTheNextAndReadsIt() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 12)
        try harness.press("i")
        for _ in 0..<12 { try harness.press("<Space>") }
        guard case .inline(let top, _) = harness.reader.presentation else {
            Issue.record("inline mode was left")
            return
        }
        #expect(top > 0)
        #expect(harness.reader.selected == harness.reader.rows[top])
        #expect(harness.reader.marks.isRead(harness.reader.selected))
    }

    @Test mutating func jAndKLineByLine() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 12)
        try harness.press("iJJJ")
        #expect(harness.reader.presentation == .inline(top: 0, offset: 3))
        try harness.press("K")
        #expect(harness.reader.presentation == .inline(top: 0, offset: 2))
    }

    @Test mutating func theEndOfTheScrollStopsOnTheLastComment() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 12)
        try harness.press("i")
        for _ in 0..<400 { try harness.press("<Space>") }
        #expect(harness.selectedID == "13")
        guard case .inline(let top, let offset) = harness.reader.presentation else { return }
        #expect(top == harness.reader.rows.count - 1)
        #expect(
            offset < harness.runner.program.view.inlineLines(of: harness.reader.selected, for: harness.reader).count)
    }

    @Test mutating func leavingInlineModeKeepsTheSelection() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 12)
        try harness.press("ijjji")
        #expect(harness.selectedID == "3" && !harness.reader.isInline)
        #expect(harness.message == "Tree and article panes.")
    }
}
