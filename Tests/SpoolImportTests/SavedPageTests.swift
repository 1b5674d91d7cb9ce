import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// Saved discussion pages parsed with libxml2, with the corpus counts
/// (Tests/Fixtures/SOURCES-records.md, "html").
@Suite struct SavedPageTests {
    @Test(arguments: [
        ("html/hn-item-48350598-easyhn.html", 124, 36, 7),
        ("html/hn-item-4992617-2013-old-markup.html", 204, 160, 3),
        ("html/hn-item-3412900-2012-page1.html", 97, 37, 3),
        ("html/hn-item-3412900-2012-page2-more.html", 100, 88, 2),
        ("html/hn-item-3412900-2012-page3-last.html", 27, 24, 1),
        ("html/lobsters-story-ktew3s.html", 16, 6, 3),
        ("html/wordpress-gormulus-commentlist-de.html", 45, 20, 2),
        ("html/wordpress-foxyfolksy-comment-list.html", 80, 39, 3),
        ("html/forum-phpbb-myoos-de.html", 1, 1, 0),
        ("html/forum-vbulletin-pocketpc-page34-de.html", 20, 20, 0),
        ("html/forum-xenforo2-handmade.html", 2, 2, 0),
    ])
    func pagesImportWithTheCorpusCounts(file: String, comments: Int, topLevel: Int, maxDepth: Int) throws {
        let d = try Fixture.discussion(file)
        #expect(d.format == .html)
        let tree = ThreadTree(d)
        #expect(d.comments.count == comments)
        #expect(tree.topLevelCount == topLevel)
        #expect((tree.depth.max() ?? 1) - 1 == maxDepth)
        #expect(d.comments.allSatisfy { !$0.author.isEmpty })
        #expect(!d.comments.contains { $0.body.text.contains("<div") || $0.body.text.contains("&#x27;") })
        let forced = try Format.html.importer().parse(try Fixture.bytes(file), file: file)
        #expect(forced.comments.map(\.key) == d.comments.map(\.key))
        // Spool's own JSON gives back the same tree.
        let again = try ExportJSONImporter().parse(Array(d.exportJSON().utf8), file: "again.json")
        #expect(again.format == .html && again.title == d.title)
        #expect(FlatRecordSourcesTests.structure(again) == FlatRecordSourcesTests.structure(d))
    }

    @Test func forumPagesAreFlatDiscussionsWithNamesDatesAndQuotes() throws {
        let phpBB = try Fixture.discussion("html/forum-phpbb-myoos-de.html")
        #expect(phpBB.title == "Was ist Freie Software")
        #expect(phpBB.comments[0].author == "r23")
        #expect(phpBB.comments[0].date == Timestamp(year: 2009, month: 1, day: 21, hour: 5, minute: 42))
        #expect(phpBB.comments[0].body.text.hasPrefix("Was ist Freie Software und warum ist sie wichtig?\nvon Georg"))

        let vBulletin = try Fixture.discussion("html/forum-vbulletin-pocketpc-page34-de.html")
        #expect(vBulletin.title?.hasPrefix("Microsoft beginnt mit der Auslieferung") == true)
        #expect(vBulletin.comments.map(\.author).prefix(3) == ["Predator", "Chatfix", "sunsetkilling"])
        let first = vBulletin.comments[0].body.text
        #expect(first.hasPrefix("> Zitat von TheFreeman"), "a bbcode quote is a quote: \(first)")
        #expect(first.contains("\n\nDas war noch nicht das Update"), "the post's own text is not quoted")
        #expect(!first.contains("$(") && !first.contains("bbcode_container"), "scripts are dropped")
        #expect(vBulletin.comments[1].body.text.contains("Einstellungen"), "ISO-8859-1 read as such")

        let xenForo = try Fixture.discussion("html/forum-xenforo2-handmade.html")
        #expect(xenForo.title == "Which terminal reader for long threads?")
        #expect(xenForo.comments.map(\.author) == ["Ada", "Björn"])
        #expect(xenForo.comments[0].date == Timestamp(secondsSinceEpoch: 1_614_849_300))
        #expect(
            xenForo.comments[0].body.text
                == "I read mailing lists in mutt, but HN threads are hard.\n\nWhat do you use? Tables & entities: École → ok"
        )
        #expect(
            xenForo.comments[1].body.text == """
                > Ada said:

                > What do you use?

                A tree reader. This one <https://example.org/spool> folds quotes.

                key | does
                a | next by author
                """)
    }

    @Test func htmlBodiesAreReadByARealParser() {
        // Entities of HTML 4, a `>` inside a quoted attribute, comments, table cells,
        // `data-href` beside `href`, and a tag left open.
        #expect(HTMLText.plainText("&Eacute;t&eacute; &rarr; &hellip; &amp;") == "Été → … &")
        #expect(
            HTMLText.plainText("<a title=\"a > b\" href=\"https://x.example/\">x</a> after")
                == "x <https://x.example/> after")
        #expect(HTMLText.plainText("before<!-- <p>hidden</p> -->after") == "beforeafter")
        #expect(
            HTMLText.plainText("<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>")
                == "1 | 2\n3 | 4")
        #expect(HTMLText.plainText("<a data-href=\"https://wrong.example/\">x</a>") == "x")
        #expect(HTMLText.plainText("<p>open <b>bold <i>both") == "open bold both")
    }

    @Test func markdownBodiesAreRenderedNotShownRaw() {
        let markdown = """
            > quoted **line**

            Some *emphasis*, `code` and [a link](https://example.org/a).

            - one

            - two, loose

            Code:

                indented code
                  kept

            <script>alert(1)</script>

            A [bad](javascript:alert(1)) link.
            """
        #expect(
            MarkdownBody.plainText(markdown) == """
                > quoted line

                Some emphasis, code and a link <https://example.org/a>.

                • one

                • two, loose

                Code:

                indented code
                  kept

                A bad link.
                """)
        let reddit = try? Fixture.discussion("json/reddit-Python-2xmo63.json")
        let answer = reddit?.comments.first { $0.body.text.hasPrefix("Sorry for the delay") }?.body.text
        #expect(answer?.contains("\n\n> sudo pip install --pre rtv\n\n") == true, "Reddit's body_html: \(answer ?? "")")
    }

    @Test func hackerNewsPagesGiveTitlesDatesAndText() throws {
        let d = try Fixture.discussion("html/hn-item-48350598-easyhn.html")
        #expect(d.title == "Chuwi Minibook X")
        #expect(d.comments[0].author == "winter_blue")
        #expect(d.comments[0].date == Timestamp(secondsSinceEpoch: 1_780_275_076))
        #expect(d.comments[0].body.text.hasPrefix("Used laptops are such a good deal"))
        #expect(d.comments[0].body.text.contains("can't justify"), "entities decoded")
        let more = try Fixture.discussion("html/hn-item-3412900-2012-page2-more.html")
        #expect(more.title == "more comments | Hacker News", "a More link is not the title")
    }

    @Test func wordPressPagesMarkPingbacksAndKeepSites() throws {
        let d = try Fixture.discussion("html/wordpress-gormulus-commentlist-de.html")
        #expect(d.comments.filter { $0.body.text.hasPrefix("(pingback)") }.count == 5)
        #expect(d.authorLinks["photobix"] == "http://photobix.de")
        #expect(d.comments[0].date?.iso8601 == "2012-12-11T11:07:17+01:00")
        #expect(d.title == "„Das wird man ja wohl noch sagen dürfen!“")
    }

    @Test func lobstersPagesNestByTheirLists() throws {
        let d = try Fixture.discussion("html/lobsters-story-ktew3s.html")
        #expect(d.title == "Who does Anubis actually stop?")
        #expect(d.comments[0].author == "zk")
        #expect(d.comments[0].key == .sourceID("lobsters:ba7zs5"), "the same key as the story's JSON would give")
    }

    @Test func aPageOfNoKnownSiteIsStillReadAsText() throws {
        let d = try DiscussionFile.parse(
            bytes: Array("<html><body><p>Just a page.</p></body></html>".utf8), file: "page.html")
        #expect(d.format == .web)
    }
}
