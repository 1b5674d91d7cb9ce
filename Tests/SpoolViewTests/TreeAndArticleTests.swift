import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolView

/// The tree rows and the article text of a small discussion written here, as literal lines.
@Suite struct TreeAndArticleTests {
    static let now = ReaderHarness.now

    static var discussion: Discussion {
        let morning = Timestamp(year: 2026, month: 11, day: 25, hour: 9, minute: 0, utcOffsetMinutes: 0)
        let earlier = Timestamp(year: 2026, month: 11, day: 20, hour: 9, minute: 0, utcOffsetMinutes: 0)
        return Discussion(
            title: "Tiny", article: "The article text.", articleAuthor: "Ann", format: .web,
            comments: [
                Comment(id: "1", author: "Ann", date: morning, body: "First   words\n\nof the first comment"),
                Comment(id: "1.1", author: "Bob", date: earlier, body: "A reply to Ann", parent: 0),
                Comment(id: "1.1.1", author: "Ann", date: nil, body: "Thanks, Bob", parent: 1),
                Comment(id: "2", author: "Cy", date: nil, body: "Another thread"),
            ])
    }

    private func harness(_ keys: String = "", columns: Int = 60, rows: Int = 20) throws -> ReaderHarness {
        var harness = ReaderHarness(discussion: Self.discussion, columns: columns, rows: rows)
        try harness.press(keys)
        return harness
    }

    @Test func rowsShowGuidesMarksAuthorsAgesAndPreviews() throws {
        let lines = try harness().screen.textLines
        #expect(
            Array(lines.prefix(5)) == [
                "Tiny  4 comments",
                "├─ ● Ann  3h  First words of the first comment",
                "│  └─ ● Bob  5d  A reply to Ann",
                "│     └─ ● Ann  Thanks, Bob",
                "└─ ● Cy  Another thread",
            ])
    }

    @Test func aFoldedRowCountsWhatItHides() throws {
        let lines = try harness("j<Enter>").screen.textLines
        #expect(lines[1] == "├─   Ann  3h [+2, 2 unread]  First words of the first commen", "cut at the edge")
        #expect(lines[2] == "└─ ● Cy  Another thread")
    }

    @Test func theOriginalPostersRowsAreMarked() throws {
        let harness = try harness()
        let screen = harness.screen
        let theme = Theme.monochrome
        #expect(screen[5, 1].style == theme[.treeOP])
        #expect(screen[11, 3].style == theme[.treeOP], "Ann wrote the article, so her reply is the OP's")
        #expect(screen[8, 2].style == theme[.treeUnread], "Bob's is an unread comment like any other")
    }

    @Test func theArticleShowsTitleCountsAndText() throws {
        let lines = try harness().articleLines.map(\.text)
        #expect(lines == ["Tiny", "Ann · 4 comments", "", "The article text."])
    }

    @Test func aCommentsHeaderSaysWhenWhoAndWhere() throws {
        let lines = try harness("jj").articleLines.map(\.text)
        #expect(lines == ["Bob", "2026-11-20 09:00Z · #1.1 · reply to Ann · 1 reply below", "", "A reply to Ann"])
    }

    @Test func anEmptyCommentSaysSo() throws {
        let discussion = Discussion(
            title: "T", article: nil, format: .web, comments: [Comment(id: "1", author: "Dee", date: nil, body: "")])
        var harness = ReaderHarness(discussion: discussion, columns: 60, rows: 12)
        try harness.press("j")
        #expect(harness.articleLines.map(\.text) == ["Dee", "#1", "", "(empty comment)"])
    }

    @Test func plainModeSaysEverythingInWords() throws {
        var plain = ReaderHarness(
            discussion: Self.discussion, columns: 80, rows: 20, options: ReaderOptions(now: Self.now, plain: true))
        try plain.press("jj")
        let lines = plain.screen.textLines
        #expect(
            lines[1] == "  top level, original poster, Ann, 3h: First words of the first comment", "read on the way")
        #expect(lines[2] == "> reply, level 2, Bob, 5d: A reply to Ann")
        #expect(lines[3] == "  reply, level 3, unread, original poster, Ann: Thanks, Bob")
    }

    @Test func theInlineScrollPutsEveryBodyUnderItsHeader() throws {
        let lines = try harness("i", columns: 50, rows: 20).screen.textLines
        #expect(lines.first == " Tiny")
        let header = try #require(lines.firstIndex { $0.hasPrefix("├─ ● Ann") })
        #expect(lines[header + 1].trimmingCharacters(in: .whitespaces) == "First   words")
        #expect(lines.contains { $0.hasPrefix("│  └─ ● Bob  2026-11-20 09:00") })
    }
}
