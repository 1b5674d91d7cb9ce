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
