import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

@Suite struct HandoverTests {
    @Test mutating func yEAndPipeAskTheTerminalSide() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jy")
        #expect(harness.takeCommands() == [.copy(harness.reader.selectedText)])
        #expect(harness.reader.selectedText.hasPrefix("Philip Measures · 2014-10-28 11:24\n\nThis was truly dreadful"))
        #expect(harness.takeCommands() == [], "a command is handed over once")
        try harness.press("e")
        #expect(harness.takeCommands() == [.page(harness.reader.selectedText)])
        try harness.press("|wc -l<Enter>")
        #expect(harness.takeCommands() == [.pipe(command: "wc -l", text: harness.reader.selectedText)])
        try harness.press("|<Esc>")
        #expect(harness.takeCommands() == [] && harness.message == "Pipe cancelled.")
    }
}

@Suite struct LinkTests {
    @Test mutating func uOffersTheAddressAnAuthorsNameLinksTo() throws {
        var harness = try ReaderHarness(fixture: "gduarte-blog-comments-anatomy.md", columns: 120, rows: 30)
        try harness.press("/frgtn<Enter>")
        #expect(harness.reader.selectedText.hasPrefix("frgtn <http://www.frgtn.net> · 2009-01-27 05:01"))
        #expect(harness.articleLines.contains { $0.text.hasSuffix("· http://www.frgtn.net") })
        try harness.press("u")
        #expect(harness.reader.mode == .choosingURL(["http://www.frgtn.net"]))
    }

    @Test func addressesAreFoundWithoutTrailingPunctuation() {
        #expect(
            Reader.urls(in: "See <https://a.example/x?y=1>, and (http://b.example/). Again https://a.example/x?y=1.")
                == ["https://a.example/x?y=1", "http://b.example/"])
        #expect(Reader.urls(in: "no links, not even http:// alone") == [])
    }

    @Test func bracketsTheAddressOpenedStayAndWwwAddressesAreFound() {
        #expect(
            Reader.urls(
                in: "See https://en.wikipedia.org/wiki/Foo_(bar), or (https://en.wikipedia.org/wiki/Baz_(qux)).")
                == ["https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Baz_(qux)"])
        #expect(Reader.urls(in: "[https://a.example/x[1]] then") == ["https://a.example/x[1]"])
        #expect(
            Reader.urls(in: "Visit www.example.org. Or (WWW.Example.com/a).") == [
                "https://www.example.org", "https://WWW.Example.com/a",
            ])
        #expect(Reader.urls(in: "awww.nope and www. alone") == [], "www. inside a word, or with nothing after it")
    }

    @Test mutating func uListsAndADigitOpens() throws {
        let d = try Fixture.web(
            "T\n\n1 Comment\n\n  1. Ann March 1, 2024 at 9:00 am #\n\n    Read https://one.example/a and http://two.example/b please.\n"
        )
        var harness = ReaderHarness(discussion: d, columns: 80, rows: 24)
        try harness.press("u")
        #expect(harness.message == "No web addresses in this comment.", "the article has none")
        try harness.press("ju")
        #expect(harness.reader.mode == .choosingURL(["https://one.example/a", "http://two.example/b"]))
        #expect(harness.screen.textLines.contains { $0.contains("2  http://two.example/b") })
        try harness.press("2")
        #expect(harness.takeCommands() == [.open("http://two.example/b")])
        try harness.press("u<Esc>")
        #expect(harness.reader.mode == .browsing && harness.takeCommands() == [])
    }
}

/// What `y`, `e` and `|` hand over: the selection as plain text.
@Suite struct SelectedTextTests {
    @Test func theArticleIsItsTitleAndText() throws {
        let discussion = Discussion(title: "Title", article: "The text.", format: .web, comments: [])
        let harness = ReaderHarness(discussion: discussion, columns: 80, rows: 24)
        #expect(harness.reader.selectedText == "Title\n\nThe text.\n")
    }

    @Test func aMessageCarriesItsSubject() throws {
        let date = Timestamp(year: 2009, month: 11, day: 17, hour: 15, minute: 28, utcOffsetMinutes: 60)
        let discussion = Discussion(
            title: nil, article: nil, format: .mbox,
            comments: [Comment(id: "<a@b>", author: "Carl", date: date, subject: "Re: hi", body: "Body")])
        var harness = ReaderHarness(discussion: discussion, columns: 80, rows: 24)
        try harness.press("j")
        #expect(harness.reader.selectedText == "Carl · 2009-11-17 15:28+01:00\nRe: hi\n\nBody\n")
    }

    @Test func addressesInsideTextAreFoundOnce() {
        let text = "a https://x.example/p?q=1; b (https://x.example/p?q=1) c http://y.example/”"
        #expect(Reader.urls(in: text) == ["https://x.example/p?q=1", "http://y.example/"])
        #expect(Reader.urls(in: "https:// and http://a") == [], "too short to be addresses")
    }
}
