import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolView

/// Long quoted blocks and signatures fold to a line (`fold_quotes`, `fold_signatures`),
/// `T` shows them, `S` skips to the new text after the next quote.
@Suite struct QuoteFoldingTests {
    static let body = """
        On Monday, Ann wrote:
        > one
        > two
        > > three
        > four
        > five
        > six
        New text here.

        > short
        > quote
        More new text.
        --\u{20}
        Bob
        bob@example.org
        """

    private func harness(_ options: ReaderOptions = ReaderOptions(now: ReaderHarness.now), rows: Int = 40)
        -> ReaderHarness
    {
        let comment = Comment(
            id: "1", key: .sourceID("t:1"), author: "Bob", date: nil, body: Self.body, parent: nil)
        let discussion = Discussion(title: "Quotes", article: "A", format: .web, comments: [comment])
        return ReaderHarness(discussion: discussion, columns: 60, rows: rows, options: options)
    }

    /// The body's lines as the article pane draws them, after the author and meta lines.
    private func bodyLines(_ harness: ReaderHarness) -> [String] {
        Array(harness.articleLines.map(\.text).drop { $0 != "" }.dropFirst())
    }

    @Test func aClickOnAFoldLineShowsWhatItHides() throws {
        var harness = harness()
        try harness.press("j")
        let lines = harness.articleLines
        let fold = try #require(lines.firstIndex { $0.text == "[> 6 quoted lines · T shows them]" })
        #expect(lines[fold].isFold && !lines[fold - 1].isFold)
        let area = harness.reader.viewport.article
        try harness.press("<click:\(area.x + 3),\(area.y + fold - harness.reader.articleScroll)>")
        #expect(harness.reader.showsQuotedText, "the click showed the quotes")
        #expect(bodyLines(harness).contains("> > three"))
        try harness.press("<click:\(area.x + 3),\(area.y)>")
        #expect(harness.reader.showsQuotedText, "a click on text is only focus")
        #expect(harness.reader.paneFocus == .article)
    }

    @Test func longQuotesAndTheSignatureFoldUntilTShowsThem() throws {
        var harness = harness()
        try harness.press("j")
        #expect(
            bodyLines(harness) == [
                "On Monday, Ann wrote:", "[> 6 quoted lines · T shows them]", "New text here.", "", "> short",
                "> quote", "More new text.", "[-- signature, 2 lines · T shows it]",
            ])
        #expect(harness.articleLines.first { $0.text.hasPrefix("[> 6") }?.role == .articleQuote)
        #expect(harness.articleLines.last?.role == .articleMeta)
        try harness.press("T")
        #expect(harness.message == "Quoted text and signatures shown; T folds them.")
        let shown = bodyLines(harness)
        #expect(
            shown.count == 15 && shown.contains("> > three") && shown.suffix(3) == ["--", "Bob", "bob@example.org"])
        #expect(harness.articleLines.suffix(3).allSatisfy { $0.role == .articleMeta }, "a signature is dimmed")
        try harness.press("T")
        #expect(bodyLines(harness).count == 8)
        #expect(harness.message == "Long quotes and signatures folded; T shows them.")
    }

    @Test func settingsOpenWithQuotesShownOrTheSignatureKept() throws {
        var options = ReaderOptions(now: ReaderHarness.now)
        options.foldsQuotes = false
        var shown = harness(options)
        try shown.press("j")
        #expect(bodyLines(shown).count == 15)
        options.foldsQuotes = true
        options.foldsSignatures = false
        var signed = harness(options)
        try signed.press("j")
        #expect(bodyLines(signed).suffix(3) == ["--", "Bob", "bob@example.org"])
        #expect(bodyLines(signed).contains("[> 6 quoted lines · T shows them]"))
    }

    @Test func sSkipsToTheNewTextAfterEachQuote() throws {
        var harness = harness(rows: 13)
        try harness.press("jT")
        let lines = harness.articleLines.map(\.text)
        let first = try #require(lines.firstIndex(of: "New text here."))
        let second = try #require(lines.firstIndex(of: "More new text."))
        #expect(ArticleText.nextNewText(in: harness.articleLines, from: 0) == first)
        #expect(ArticleText.nextNewText(in: harness.articleLines, from: first + 1) == second)
        #expect(ArticleText.nextNewText(in: harness.articleLines, from: second + 1) == nil)
        let height = harness.reader.viewport.article.height
        #expect(lines.count - height > first, "the pane is short enough to scroll to the first new text")
        try harness.press("S")
        #expect(harness.reader.articleScroll == first)
        try harness.press("S")
        #expect(harness.reader.articleScroll == min(second, lines.count - height))
        try harness.press("S")
        #expect(harness.message == "End of this comment: the rest of its new text is on screen.")
        try harness.press("g")
        #expect(harness.selectedID == nil)
        try harness.press("S")
        #expect(harness.message == "No new text after a quote below here.")
    }
}
