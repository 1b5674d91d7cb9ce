import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

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

    @Test func anAuthorGivenAsALinkKeepsItsAddress() throws {
        let d = try Fixture.discussion("gduarte-blog-comments-anatomy.md")
        #expect(d.authorLinks["frgtn"] == "http://www.frgtn.net")
        #expect(d.authorLinks["web development"] == "http://www.webdigi.co.uk", "a header wrapped over two lines")
        #expect(d.authorLinks["Gustavo Duarte"] == "http://duartes.org/gustavo/blog")
        let plain = try #require(d.comments.first { !d.authorLinks.keys.contains($0.author) })
        #expect(d.authorLinks[plain.author] == nil)
        #expect(WebCommentHeader.authorLink("[x](javascript:alert(1)) on") == nil, "only web addresses")
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

/// Markdown exports of blog comments: escapes and short @mentions.
@Suite struct MarkdownBlogDetailsTests {
    @Test func everyBackslashEscapedPunctuationLosesItsBackslash() {
        #expect(MarkdownText.inline("Great\\~\\~\\~ about \\~50 \\$5 a\\:b") == "Great~~~ about ~50 $5 a:b")
        #expect(
            MarkdownText.inline("el\\_bot and C:\\path") == "el_bot and C:\\path", "a backslash before a letter stays")
    }

    @Test func aShortMentionNestsUnderTheAuthorWhoseNameStartsWithIt() {
        var comments = [
            Comment(id: "1", author: "AntonioCS", date: nil, body: "First."),
            Comment(id: "2", author: "Bea", date: nil, body: "Second."),
            Comment(id: "3", author: "Cy", date: nil, body: "@Antonio: agreed."),
            Comment(id: "4", author: "Dee", date: nil, body: "@bea, and @Cy: both."),
        ]
        MentionThreading.link(&comments, mentions: comments.map { MentionThreading.mention(in: $0.body.text) })
        #expect(comments.map(\.parent) == [nil, nil, 0, 1], "the first mention decides")
    }
}
