import SpoolCore
import SpoolImport
import SpoolTestSupport
import Testing

/// The Markdown blog exports (gduarte-blog-comments-*.md), real pages from the corpus.
@Suite struct WebPageImporterMarkdownTests {
    @Test(arguments: [("gduarte-blog-comments-cache.md", 26), ("gduarte-blog-comments-anatomy.md", 189)])
    func everyStatedResponseIsFound(file: String, count: Int) throws {
        let d = try Fixture.discussion(file)
        #expect(d.comments.count == count)
        #expect(d.notices.isEmpty)
    }

    @Test func titleComesFromTheBoldCountLine() throws {
        let d = try Fixture.discussion("gduarte-blog-comments-cache.md")
        #expect(d.title == "Cache: a place for concealment and safekeeping")
        #expect(d.article == nil)
    }

    @Test func wrappedHeadersAndLinkAuthorsAreJoined() throws {
        let d = try Fixture.discussion("gduarte-blog-comments-cache.md")
        let dave = try #require(d.comments.first { $0.author == "Dave" })
        #expect(dave.date?.iso8601 == "2009-01-14T14:44", "the `pm` on the next line counts")
        #expect(d.comments[6].author == "Ya-tou & me » Blog Archive » Anatomy of a Program in Memory")
        #expect(d.comments[6].date?.iso8601 == "2009-02-19T01:44")
    }

    @Test func softWrappedLinesJoinAndEscapesResolve() throws {
        let d = try Fixture.discussion("gduarte-blog-comments-cache.md")
        let dave = try #require(d.comments.first { $0.author == "Dave" })
        #expect(
            dave.body.text.hasPrefix(
                "You might also point out that in addition to fully-associated and set-associative, caches"))
        #expect(dave.body.text.contains("select the *exact* location"))
        #expect(dave.body.text.components(separatedBy: "\n\n").count == 3)
    }

    @Test func mentionRepliesHangUnderTheLatestEarlierCommentByThatName() throws {
        let d = try Fixture.discussion("gduarte-blog-comments-cache.md")
        let dave = try #require(d.comments.firstIndex { $0.author == "Dave" })
        let maverick = try #require(d.comments.firstIndex { $0.author == "maverick" })
        let replyToDave = try #require(d.comments.first { $0.body.text.hasPrefix("@Dave:") })
        let replyToMaverick = try #require(d.comments.first { $0.body.text.hasPrefix("@maverick:") })
        #expect(replyToDave.parent == dave)
        #expect(replyToMaverick.parent == maverick)
        #expect(replyToMaverick.id == "11", "the printed number stays the id, so the source order is reachable")
    }
}
