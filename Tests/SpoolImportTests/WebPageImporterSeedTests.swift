import Foundation
import SpoolCore
import SpoolImport
import SpoolTestSupport
import Testing

/// The seed document: the exact structure issue 2 asks for.
@Suite struct WebPageImporterSeedTests {
    let discussion: Discussion

    init() throws { discussion = try Fixture.discussion(Fixture.seed) }

    @Test func titleIsTheFirstLine() {
        #expect(discussion.title == "Baby P: The Untold Story ‘A shocking catalogue of cover ups’")
        #expect(discussion.format == .web)
    }

    @Test func articleRunsUpToTheCountLine() throws {
        let article = try #require(discussion.article)
        #expect(article.hasPrefix("A collection of reactions and thoughts"))
        #expect(article.hasSuffix("More from Community Care"))
        #expect(!article.contains("16 Responses"))
        #expect(article.contains("‘Baby P: \u{A0}The Untold Story’"), "the non-breaking space is kept")
    }

    @Test func sixteenCommentsThirteenTopLevel() {
        #expect(discussion.comments.count == 16)
        #expect(discussion.comments.filter { $0.parent == nil }.count == 13)
        #expect(discussion.notices.isEmpty)
    }

    @Test func outlineMatchesThePage() {
        #expect(
            discussion.outline == """
                Baby P: The Untold Story ‘A shocking catalogue of cover ups’
                ├─ Philip Measures  2014-10-28T11:24
                ├─ Brian s. Waldron  2014-10-28T11:52
                ├─ Sharon Shoesmith  2014-10-28T12:27
                ├─ Sharon Shoesmith  2014-10-28T12:33
                │  ├─ Maria Jose Becerra Martinez  2014-10-28T16:21
                │  └─ Edna  2014-10-29T00:02
                ├─ Dr David Hill  2014-10-28T15:00
                │  └─ Edna  2014-10-28T23:36
                ├─ IAS2014  2014-10-28T15:30
                ├─ Philip Measures  2014-10-28T16:16
                ├─ Brian s. Waldron  2014-10-28T16:37
                ├─ Ruth Smith, editor of Community Care  2014-10-28T17:07
                ├─ CP social worker north west  2014-10-28T22:05
                ├─ Sharon Shoesmith  2014-10-28T23:02
                ├─ Bernie  2014-10-28T23:07
                └─ Vera  2014-10-31T14:57
                """)
    }

    @Test func idsAreNumbersAndPositionPaths() {
        let ids = discussion.comments.map(\.id)
        #expect(ids == ["1", "2", "3", "4", "4.1", "4.2", "5", "5.1", "6", "7", "8", "9", "10", "11", "12", "13"])
    }

    @Test func nameLineAboveTheHeaderStaysOutOfTheBody() throws {
        let ruth = try #require(discussion.comments.first { $0.id == "9" })
        #expect(ruth.author == "Ruth Smith, editor of Community Care")
        #expect(ruth.body.text.hasPrefix("Hi Sharon,\nI thought that it was such a powerful"))
        #expect(ruth.body.text.hasSuffix("Ruth, editor of Community Care"))
    }

    @Test func bodiesKeepParagraphsAndLoseIndentation() throws {
        let first = discussion.comments[0]
        #expect(first.body.text.hasPrefix("This was truly dreadful – an example"))
        #expect(first.body.text.components(separatedBy: "\n\n").count == 7)
        #expect(!first.body.text.contains("\n\n\n"))
        for comment in discussion.comments {
            #expect(!comment.body.text.hasPrefix(" "), "\(comment.id) keeps source indentation")
            #expect(!comment.body.text.contains("\n "), "\(comment.id) keeps source indentation")
        }
        let edna = try #require(discussion.comments.first { $0.id == "4.2" })
        #expect(edna.body.text.contains("purported profession.\nThat is why the public distrust"))
        #expect(edna.body.text.contains("‘protection industry’"))
    }

    @Test func keysAreDistinctAndStable() throws {
        let keys = Set(discussion.comments.map(\.key))
        #expect(keys.count == 16)
        let again = try Fixture.discussion(Fixture.seed)
        #expect(again.comments.map(\.key) == discussion.comments.map(\.key))
    }
}
