import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolView

/// Linear mode headless: the lines it would write for keys (`spool render --linear`).
@Suite struct LinearProgramTests {
    static func transcript(_ keys: String, options: ReaderOptions = ReaderOptions(now: ReaderHarness.now)) throws
        -> [String]
    {
        let harness = ReaderHarness(
            discussion: try Fixture.discussion("lobsters/lobsters-tdfoqh-2025-depth.json"), columns: 100, rows: 24,
            options: options)
        var linear = LinearProgram(harness.runner.program)
        return linear.transcript(of: try KeyNotation.parse(keys), columns: 100)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func theOpeningThenALineAMove() throws {
        let lines = try Self.transcript("j<Tab>lpq")
        #expect(
            Array(lines.prefix(5)) == [
                "Spool, linear mode: a line a move; Enter reads, Tab: next unread, ?: keys, q quits.",
                "Ranking comments by sum of replies' scores: 10 comments, 10 unread.",
                "Article: Ranking comments by sum of replies' scores, 10 comments",
                "top level, unread, dpercy, 2022-07-22, 17 points, 3 lines: Maybe take the max, instead of the sum?…",
                "top level, unread, friendlysock, 2022-07-23, 8 points, 1 line: For better or worse, the deeper you…",
            ])
        #expect(lines[5].hasPrefix("reply, level 2, unread, original poster, gioele, 2022-07-23, 2 points, 5 lines:"))
        #expect(lines[6].hasPrefix("top level, friendlysock, 2022-07-23"), "p goes to the parent, read now")
        #expect(lines.count == 8)
        #expect(lines.last == "", "q quits: nothing more")
    }

    @Test func enterPrintsTheCommentAndPromptsEcho() throws {
        let lines = try Self.transcript("jj<Enter>Lgio<BS><BS>xyz<Enter>L<C-u><Enter>")
        let end = try #require(lines.firstIndex(of: "End of the comment."))
        #expect(lines[4...end].contains("2022-07-23 01:04:43-05:00 · #m3wyu5 · 8 points · 1 reply below"))
        #expect(lines[end + 1] == "Limit to: gxyz", "typed, two taken back, typed again")
        #expect(lines[end + 2] == "Nothing matches gxyz; L then Enter shows everything.")
        #expect(lines.contains("Showing all comments."))
    }

    @Test func theKeyListIsPrintedAndClosed() throws {
        let lines = try Self.transcript("?j")
        #expect(lines.contains(" Moving"))
        let end = try #require(lines.firstIndex(of: "End of the key list."))
        #expect(lines[end + 1].hasPrefix("top level, unread, dpercy"), "the next key moves again")
    }

    @Test func mutedCommentsAreOneShortLine() throws {
        var options = ReaderOptions(now: ReaderHarness.now)
        options.mutedAuthors = ["dpercy"]
        let lines = try Self.transcript("j", options: options)
        #expect(lines[3] == "top level, [muted: dpercy]")
    }
}
