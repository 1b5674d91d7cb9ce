import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolView

/// Each pane drawn alone into a small screen from the narrow values it takes, compared with
/// literal lines.
@Suite struct StatusLinePaneTests {
    let pane = StatusLine(theme: .monochrome)

    private func line(_ content: StatusLine.Content, width: Int) -> (String, Position?) {
        var screen = Screen(width: width, height: 1)
        pane.render(content, in: screen.bounds, on: &screen)
        return (screen.textLines[0], screen.cursor)
    }

    @Test func theLocationSaysWhereTheReaderIs() {
        let location = StatusLine.Location(
            row: 3, rows: 17, unread: 14, new: 2, limit: "author:Edna", author: "Edna", shownPercent: "article 40%",
            message: "match 1 of 2")
        let (text, cursor) = line(.location(location), width: 100)
        #expect(
            text
                == " 3/17  14 unread, 2 new  [limit: author:Edna]  Edna  article 40%  match 1 of 2       ?:help  q:quit"
        )
        #expect(cursor == nil, "the status line takes the cursor only for a prompt")
    }

    @Test func atFortyColumnsTheMessageWinsOverTheDetails() {
        let location = StatusLine.Location(
            row: 2, rows: 3, unread: 1, author: "Sharon Shoesmith", shownPercent: "article 40%",
            message: "2 of 3 by Sharon Shoesmith")
        #expect(line(.location(location), width: 40).0 == " 2/3  1 unread  2 of 3 by Sharon Shoesm…")
        let quiet = StatusLine.Location(
            row: 2, rows: 3, unread: 1, author: "Sharon Shoesmith", shownPercent: "article 40%")
        #expect(line(.location(quiet), width: 40).0 == " 2/3  1 unread  Sharon Shoesmith")
    }

    @Test func theHintShowsTheKeysBound() {
        var location = StatusLine.Location(row: 1, rows: 2, unread: 0)
        location.helpKey = "F1"
        location.quitKey = "x"
        #expect(line(.location(location), width: 40).0 == " 1/2  0 unread          F1:help  x:quit")
    }

    @Test func theHintGivesWayToTheMessage() {
        let location = StatusLine.Location(
            row: 1, rows: 2, unread: 0, message: "A long message that fills the narrow line")
        #expect(line(.location(location), width: 50).0 == " 1/2  0 unread  A long message that fills the nar…")
        #expect(
            line(.location(StatusLine.Location(row: 1, rows: 2, unread: 0)), width: 40).0
                == " 1/2  0 unread           ?:help  q:quit")
    }

    @Test func aPromptShowsItsTextACaretAndTheCursorThere() {
        let (text, cursor) = line(
            .prompt(label: "/", beforeCaret: "edn", afterCaret: "", trailer: "   2 matches"), width: 40)
        #expect(text == "/edn    2 matches")
        #expect(cursor == Position(x: 4, y: 0))
    }

    @Test func aCaretInsideTheLineStandsOnItsCharacter() {
        let (text, cursor) = line(.prompt(label: "/", beforeCaret: "ed", afterCaret: "na", trailer: ""), width: 40)
        #expect(text == "/edna")
        #expect(cursor == Position(x: 3, y: 0))
    }

    @Test func aPromptLongerThanTheLineKeepsTheCaretOnIt() {
        let (text, cursor) = line(
            .prompt(label: "Pipe to: ", beforeCaret: "grep -i something | wc", afterCaret: "", trailer: ""), width: 14)
        #expect(text == "Pipe to: … wc")
        #expect(cursor == Position(x: 13, y: 0))
        let (start, atStart) = line(
            .prompt(label: "Pipe to: ", beforeCaret: "", afterCaret: "grep -i something | wc", trailer: ""), width: 14)
        #expect(start == "Pipe to: grep")
        #expect(atStart == Position(x: 9, y: 0))
    }

    @Test func theContentComesFromTheReadersMode() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jj")
        #expect(
            StatusLine.content(for: harness.reader, shownPercent: nil)
                == .location(
                    StatusLine.Location(row: 3, rows: 17, unread: 14, author: harness.reader.comment(at: 2).author)))
        try harness.press("L")
        #expect(
            StatusLine.content(for: harness.reader, shownPercent: nil)
                == .prompt(label: "Limit to: ", beforeCaret: "", afterCaret: "", trailer: "   " + LimitPattern.hint))
        try harness.press("<Esc>/zzz")
        #expect(
            StatusLine.content(for: harness.reader, shownPercent: nil)
                == .prompt(label: "/", beforeCaret: "zzz", afterCaret: "", trailer: "   0 matches"))
    }
}

@Suite struct ArticlePaneTests {
    let pane = ArticlePane(theme: .monochrome)
    let lines = [
        ArticleLine(text: "Edna", role: .articleAuthor),
        ArticleLine(text: "2014-10-28 · #4.2", role: .articleMeta),
        ArticleLine(text: "", role: .articleText),
        ArticleLine(text: "> quoted line", role: .articleQuote),
        ArticleLine(text: "see https://example.org/x now", role: .articleText),
    ]

    private func draw(scroll: Int, hasFocus: Bool = false, query: String = "", height: Int = 3) -> Screen {
        var screen = Screen(width: 24, height: height)
        pane.render(lines, scroll: scroll, hasFocus: hasFocus, query: query, in: screen.bounds, on: &screen)
        return screen
    }

    @Test func linesAreDrawnFromTheScrollWithAMargin() {
        #expect(draw(scroll: 0).textLines == [" Edna", " 2014-10-28 · #4.2", ""])
        #expect(draw(scroll: 3).textLines == [" > quoted line", " see https://example.or", ""])
    }

    @Test func aScrollPastTheEndDrawsNothingButTheBackground() {
        #expect(draw(scroll: 9).textLines == ["", "", ""])
    }

    @Test func focusPutsTheCursorOnTheFirstLine() {
        #expect(draw(scroll: 1, hasFocus: true).cursor == Position(x: 1, y: 0))
        #expect(draw(scroll: 1).cursor == nil)
    }

    @Test func quotesURLsAndMatchesHaveTheirRoles() {
        let theme = Theme.monochrome
        let screen = draw(scroll: 3, query: "quoted")
        #expect(screen[3, 0].style == theme[.searchMatch], "the match")
        #expect(screen[10, 0].style == theme[.articleQuote], "the rest of the quote")
        #expect(screen[6, 1].style == theme[.articleURL], "the address")
        #expect(screen[2, 1].style == theme[.articleText])
    }
}

@Suite struct OverlayPaneTests {
    @Test func helpListsTheBindingsWithTheirSummariesAndNames() throws {
        let reader = try ReaderHarness(fixture: Fixture.seed, columns: 60, rows: 8).reader
        var screen = Screen(width: 60, height: 8)
        HelpOverlay(theme: .monochrome, glyphs: .unicode).render(reader, help: HelpState(), on: &screen)
        let lines = screen.textLines
        #expect(lines[0] == " Keys: j/k C-d G scroll, / filters, q or ? closes  lines 1-6")
        #expect(lines[1] == " Moving")
        #expect(lines[2] == "  j Down         next comment (scroll the article when it")
        #expect(lines[3] == "                 has focus)  [next-comment]")
        #expect(screen.cursor == Position(x: 1, y: 0))
    }

    @Test func helpScrollsItsList() throws {
        let reader = try ReaderHarness(fixture: Fixture.seed, columns: 60, rows: 8).reader
        var first = Screen(width: 60, height: 8)
        HelpOverlay(theme: .monochrome, glyphs: .unicode).render(reader, help: HelpState(), on: &first)
        var scrolled = Screen(width: 60, height: 8)
        HelpOverlay(theme: .monochrome, glyphs: .unicode).render(reader, help: HelpState(scroll: 1), on: &scrolled)
        #expect(scrolled.textLines[1] == first.textLines[2])
    }

    @Test func theAddressListIsNumbered() {
        var screen = Screen(width: 50, height: 6)
        ChoiceOverlay(theme: .monochrome).render(urls: ["https://one.example/a", "http://two.example/b"], on: &screen)
        #expect(
            screen.textLines == [
                "    Open which address? (1-2, other keys close)",
                "",
                "    1  https://one.example/a",
                "    2  http://two.example/b",
                "",
                "",
            ])
    }

    @Test func overlaysFitATinyScreen() throws {
        let reader = try ReaderHarness(fixture: Fixture.seed, columns: 60, rows: 8).reader
        var screen = Screen(width: 3, height: 2)
        HelpOverlay(theme: .monochrome, glyphs: .unicode).render(reader, help: HelpState(scroll: 99), on: &screen)
        ChoiceOverlay(theme: .monochrome).render(urls: ["https://x.example"], on: &screen)
        #expect(screen.textLines == ["", ""])
    }
}

@Suite struct LibraryPaneTests {
    static let entries = [
        LibraryEntry(title: "Baby P", source: "baby-p.txt", comments: 16, unread: 3, new: 2, lastRead: nil),
        LibraryEntry(title: "notmuch 2009", source: "notmuch.mbox", comments: 53, unread: 0, lastRead: 1_764_000_000),
    ]

    @Test func oneRowADiscussionWithItsCounts() {
        let library = Library(entries: Self.entries, columns: 70, rows: 5)
        let screen = LibraryView(theme: .monochrome, now: ReaderHarness.now).render(library)
        #expect(
            screen.textLines == [
                "Library: 2 discussions              comments  unread   new  last read",
                "> Baby P  baby-p.txt                      16       3     2  never",
                "  notmuch 2009  notmuch.mbox              53       -     -  2025-11-24",
                "",
                " 1/2  Enter opens · / filters · O sorts · ? keys · q quits",
            ])
    }

    @Test func oneDiscussionIsSingularAndFilesLeftOutAreSaidUntilAKey() {
        var library = Library(
            entries: [Self.entries[0]], columns: 70, rows: 4, notice: "Left out, not discussions Spool can read: x.bin")
        let view = LibraryView(theme: .monochrome, now: ReaderHarness.now)
        #expect(view.render(library).textLines[0].hasPrefix("Library: 1 discussion "))
        #expect(view.render(library).textLines[3] == " 1/1  Left out, not discussions Spool can read: x.bin")
        _ = library.handle(.character("j"))
        #expect(view.render(library).textLines[3].hasPrefix(" 1/1  Enter opens"))
    }

    @Test func theProgramQuitsToOpenTheChosenDiscussion() {
        let library = Library(entries: Self.entries, columns: 70, rows: 5)
        var program = LibraryProgram(library: library, view: LibraryView(theme: .monochrome, now: ReaderHarness.now))
        #expect(program.handle(.key(.character("j"))) == .redraw)
        #expect(program.handle(.key(.enter)).quit)
        #expect(program.chosen == 1)
        program.returned(
            updating: 1, with: LibraryEntry(title: "notmuch 2009", source: "n", comments: 53, unread: 9, lastRead: nil))
        #expect(program.chosen == nil && program.library.entries[1].unread == 9)
        #expect(program.handle(.key(.character("q"))).quit && program.chosen == nil)
        #expect(!program.hasPendingWork && program.handle(.notice("ignored")) == .none)
    }
}

/// A reply's row shows its own words.
@Suite struct RowPreviewTests {
    @Test func previewsSkipAttributionQuotesAndSignatures() {
        let body = """
            On Tue, 17 Nov 2009 13:24:01 -0800, Carl Worth
            <cworth@cworth.org> wrote:
            > Welcome to notmuch!
            >
            > Quoted again.

            Definitely. Thanks for the patch.
            -- 
            Carl
            """
        #expect(TreePane.preview(of: body, columns: 40).hasPrefix("Definitely. Thanks for the patch."))
        #expect(TreePane.preview(of: "Ann wrote:\n> only quotes\n", columns: 40) == "Ann wrote: > only quotes")
        #expect(TreePane.preview(of: "Le 3 mars, Jean a écrit :\n> x\nOui.", columns: 40) == "Oui.")
        #expect(!TreePane.preview(of: "text\n-- \nsignature", columns: 40).contains("signature"))
    }
}
