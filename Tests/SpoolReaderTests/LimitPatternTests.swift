import SpoolCore
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

/// The limit language: words that must all hold, keys, quotes, negation and alternatives.
@Suite struct LimitPatternTests {
    private func conditions(_ text: String) throws -> [[LimitCondition]] { try LimitPattern.parse(text).alternatives }

    @Test func wordsKeysAndStatesAreReadOnce() throws {
        #expect(
            try conditions("unread NEW read") == [
                [
                    .init(negated: false, test: .unread), .init(negated: false, test: .new),
                    .init(negated: false, test: .read),
                ]
            ])
        #expect(
            try conditions("after:2014-10-29") == [
                [.init(negated: false, test: .after(Timestamp(year: 2014, month: 10, day: 29)))]
            ])
        #expect(
            try conditions("before:2014-11") == [
                [.init(negated: false, test: .before(Timestamp(year: 2014, month: 11, day: 1)))]
            ])
        #expect(try conditions("author:Edna") == [[.init(negated: false, test: .author(TextMatcher("edna")))]])
        #expect(try conditions("from:Edna") == conditions("author:edna"), "from: is author:")
        #expect(try conditions("subject:Patch") == [[.init(negated: false, test: .subject(TextMatcher("patch")))]])
        #expect(try conditions("Ofsted") == [[.init(negated: false, test: .text(TextMatcher("Ofsted")))]])
        #expect(
            try conditions("https://x.example") == [
                [.init(negated: false, test: .text(TextMatcher("https://x.example")))]
            ])
    }

    @Test func quotesNegationAndAlternatives() throws {
        #expect(
            try conditions("author:\"Sharon Shoesmith\"") == [
                [.init(negated: false, test: .author(TextMatcher("sharon shoesmith")))]
            ])
        #expect(
            try conditions("\"social worker\"") == [[.init(negated: false, test: .text(TextMatcher("social worker")))]])
        #expect(
            try conditions("author:Ruth\u{A0}Smith") == conditions("author:\"Ruth Smith\""),
            "older f patterns still read")
        #expect(
            try conditions("-unread !new -author:x") == [
                [
                    .init(negated: true, test: .unread), .init(negated: true, test: .new),
                    .init(negated: true, test: .author(TextMatcher("x"))),
                ]
            ])
        #expect(try conditions("author:edna | author:vera unread").count == 2)
        #expect(
            try conditions("say \"a \\\"b\\\"\"") == [
                [
                    .init(negated: false, test: .text(TextMatcher("say"))),
                    .init(negated: false, test: .text(TextMatcher("a \"b\""))),
                ]
            ])
        #expect(try LimitPattern.parse("   ").isEmpty)
    }

    @Test func malformedValuesAreErrorsThatNameThem() {
        for (text, message) in [
            (
                "after:2014-13-45",
                "after:2014-13-45 is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY), as in after:2014-10-28"
            ),
            (
                "before:yesterday",
                "before:yesterday is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY), as in before:2014-10-28"
            ),
            (
                "after:2014-02-30",
                "after:2014-02-30 is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY), as in after:2014-10-28"
            ),
            ("author:", "author: needs a name, as in author:Ann"),
            ("a | | b", "| needs a condition on each side"),
            ("a |", "| needs a condition on each side"),
            ("author:\"Ann", "the quote opened at column 8 is not closed"),
        ] {
            #expect(throws: LimitPatternError(message), "\(text)") { try LimitPattern.parse(text) }
        }
    }
}

/// The language in the reader: what it keeps, how context rows look, errors in the prompt.
@Suite struct LimitLanguageReaderTests {
    @Test mutating func alternativesNegationAndDatesSelectComments() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("Lauthor:edna | author:vera<Enter>")
        #expect(harness.reader.limit?.matchCount == 3)
        try harness.press("L<C-u>-author:edna -author:vera -author:sharon<Enter>")
        let all = harness.reader.tree.messageCount
        #expect(harness.reader.limit?.matchCount == all - 3 - 3)
        try harness.press("L<C-u>author:\"Sharon Shoesmith\"<Enter>")
        #expect(harness.reader.limit?.matchCount == 3)
        try harness.press("L<C-u>before:2014-10-29<Enter>")
        let before = harness.reader.limit?.matchCount ?? 0
        try harness.press("L<C-u>after:2014-10-29<Enter>")
        #expect(before + (harness.reader.limit?.matchCount ?? 0) == all, "before and after split the comments")
    }

    @Test mutating func aMalformedPatternStaysInThePromptWithTheReason() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 120, rows: 30)
        try harness.press("Lafter:2014-13-45<Enter>")
        #expect(harness.reader.prompt?.line.text == "after:2014-13-45")
        #expect(harness.reader.limit == nil)
        #expect(harness.screen.textLines.last?.contains("after:2014-13-45 is not a date") == true)
        try harness.press("<C-u>after:2014-10-01<Enter>")
        #expect(harness.reader.prompt == nil && harness.reader.limit != nil)
    }

    @Test mutating func thePromptShowsTheSyntaxHint() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 200, rows: 30)
        try harness.press("L")
        #expect(harness.screen.textLines.last?.contains(LimitPattern.hint) == true)
    }

    @Test mutating func rowsKeptAsContextAreDrawnInTheContextRole() throws {
        let theme = Theme.monochrome
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("Lauthor:edna<Enter>")
        let limit = try #require(harness.reader.limit)
        let rows = harness.reader.rows
        let context = try #require((0..<rows.count).first { rows[$0] != 0 && !limit.matched[rows[$0]] })
        let match = try #require((0..<rows.count).first { limit.matched[rows[$0]] })
        let screen = harness.screen
        let y = { (row: Int) in harness.reader.viewport.tree.y + row - harness.reader.treeTop }
        let styles = { (row: Int) in (0..<screen.width).map { screen[$0, y(row)].style } }
        #expect(styles(context).contains(theme[.treeContext]))
        #expect(!styles(match).contains(theme[.treeContext]))
        #expect(theme[.treeContext] != theme[.treeAuthor])
    }

    @Test mutating func fQuotesANameWithSpaces() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jjjjf")
        #expect(harness.reader.limit?.pattern == "author:\"Sharon Shoesmith\"")
        #expect(harness.reader.limit?.matchCount == 3)
    }
}
