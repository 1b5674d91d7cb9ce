import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// Lobsters, Discourse, Mastodon and GitHub files from the corpus (Tests/Fixtures/
/// SOURCES-records.md): each imports with the counts the corpus states, sniffed by content.
@Suite struct FlatRecordSourcesTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String
        let format: Format
        let comments: Int
        let topLevel: Int
        let maxDepth: Int
        var testDescription: String { file }
    }

    static let expected: [Expected] = [
        Expected(
            file: "lobsters/lobsters-tdfoqh-2025-depth.json", format: .lobsters, comments: 10, topLevel: 6, maxDepth: 2),
        Expected(
            file: "lobsters/lobsters-tdfoqh-2022-indent-level.json", format: .lobsters, comments: 7, topLevel: 4,
            maxDepth: 2),
        Expected(
            file: "lobsters/lobsters-d9ucpe-2021-no-parent-field.json", format: .lobsters, comments: 7, topLevel: 6,
            maxDepth: 1),
        Expected(
            file: "lobsters/lobsters-donlgu-2018-thieurom.json", format: .lobsters, comments: 3, topLevel: 2,
            maxDepth: 1),
        Expected(
            file: "discourse/discourse-api-gem-topic.json", format: .discourse, comments: 3, topLevel: 3, maxDepth: 0),
        Expected(
            file: "discourse/discourse-cf-t2144-posts.json", format: .discourse, comments: 19, topLevel: 8, maxDepth: 4),
        Expected(
            file: "discourse/discourse-cf-t2108-page-at-452.json", format: .discourse, comments: 20, topLevel: 6,
            maxDepth: 7),
        Expected(
            file: "mastodon/mastodon-social-109294719267373593-context-2022.json", format: .mastodon, comments: 127,
            topLevel: 105, maxDepth: 6),
        Expected(
            file: "mastodon/mastodon-social-109294719267373593-context-2025.json", format: .mastodon, comments: 59,
            topLevel: 43, maxDepth: 6),
        Expected(
            file: "mastodon/mastodon-tchncs-109303266941599451-context-2022.json", format: .mastodon, comments: 6,
            topLevel: 2, maxDepth: 2),
        Expected(
            file: "mastodon/mastodon-social-109294719267373593-status-2022.json", format: .mastodon, comments: 0,
            topLevel: 0, maxDepth: 0),
        Expected(
            file: "github/github-gist-3342247-comments-page1.json", format: .github, comments: 100, topLevel: 100,
            maxDepth: 0),
        Expected(
            file: "github/github-gist-3342247-comments-page2.json", format: .github, comments: 31, topLevel: 31,
            maxDepth: 0),
        Expected(
            file: "github/github-pr-review-comments-in-reply-to.json", format: .github, comments: 3, topLevel: 1,
            maxDepth: 1),
        Expected(
            file: "github/github-github3py-pr235-review-comments.json", format: .github, comments: 3, topLevel: 3,
            maxDepth: 0),
        // 10 issues and 3 pull requests, 16 + 2 comments, 2 reviews, 1 review comment.
        Expected(
            file: "github/github-graphql-sourcecred-example-github.json", format: .github, comments: 34, topLevel: 13,
            maxDepth: 2),
    ]

    @Test(arguments: expected)
    func countsMatchTheCorpus(_ expected: Expected) throws {
        let d = try Fixture.discussion(expected.file)
        #expect(d.format == expected.format)
        let tree = ThreadTree(d)
        #expect(d.comments.count == expected.comments)
        #expect(tree.topLevelCount == expected.topLevel)
        #expect((tree.depth.max() ?? 1) - 1 == expected.maxDepth || expected.comments == 0)
        #expect(Set(d.comments.map(\.key)).count == d.comments.count, "every comment has its own key")
        #expect(d.comments.allSatisfy { !$0.author.isEmpty && $0.date != nil })
        // The same tree by --from as by sniffing.
        let forced = try expected.format.importer().parse(try Fixture.bytes(expected.file), file: expected.file)
        #expect(forced.comments.map(\.key) == d.comments.map(\.key))
        // Spool's own JSON gives back the same tree.
        let again = try ExportJSONImporter().parse(Array(d.exportJSON().utf8), file: "again.json")
        #expect(again.format == expected.format && again.title == d.title)
        #expect(Self.structure(again) == Self.structure(d))
    }

    /// Each comment in reading order with its parent's position and its key and text.
    static func structure(_ d: Discussion) -> [String] {
        let tree = ThreadTree(d)
        return (1..<max(tree.count, 1)).map { node in
            let c = d.comments[tree.commentIndex[node]]
            return "\(tree.parent[node])|\(c.author)|\(c.date?.iso8601 ?? "-")|\(c.key)|\(c.body)"
        }
    }

    @Test func lobstersTakesUsersAsNamesOrObjectsAndDatesWithTheirOffset() throws {
        let newer = try Fixture.discussion("lobsters/lobsters-tdfoqh-2025-depth.json")
        let older = try Fixture.discussion("lobsters/lobsters-tdfoqh-2022-indent-level.json")
        #expect(newer.comments[0].author == "dpercy" && older.comments[0].author == "dpercy")
        #expect(newer.articleAuthor == "gioele" && older.articleAuthor == "gioele")
        #expect(newer.comments[0].date?.iso8601 == "2022-07-22T14:04:36-05:00")
        #expect(newer.title == "Ranking comments by sum of replies' scores")
        #expect(
            newer.comments[0].key == older.comments[0].key, "the same comment keeps its read mark across API shapes")
    }

    @Test func aDiscourseWindowSaysWhatIsMissing() throws {
        let window = try Fixture.discussion("discourse/discourse-cf-t2108-page-at-452.json")
        #expect(window.notices.contains("20 of 446 posts of this topic are in this file."))
        #expect(window.notices.contains("The topic's first post is not in this file."))
        let topic = try Fixture.discussion("discourse/discourse-api-gem-topic.json")
        #expect(topic.article?.isEmpty == false, "post 1 is the article")
        #expect(topic.comments.allSatisfy { $0.id != "1" })
    }

    @Test func mastodonNamesPeopleWithTheirAccounts() throws {
        let d = try Fixture.discussion("mastodon/mastodon-tchncs-109303266941599451-context-2022.json")
        #expect(d.comments[0].author == "chainsawriot (@chainsawriot)")
        #expect(d.title == "Mastodon thread 109303266941599451")
        #expect(!d.comments[0].body.text.contains("<"), "HTML is text")
        let status = try Fixture.discussion("mastodon/mastodon-social-109294719267373593-status-2022.json")
        #expect(status.articleAuthor?.hasSuffix("(@austinkocher)") == true)
        #expect(status.article?.isEmpty == false)
    }

    @Test func aReviewThreadStartsWithItsPlaceInTheDiff() throws {
        let d = try Fixture.discussion("github/github-pr-review-comments-in-reply-to.json")
        #expect(d.title == "github3py/delete_contents pull request #2")
        #expect(d.comments[0].body.text.hasPrefix("On test line 1:\n> +maybe we can make PRs?\n\n"))
        #expect(d.comments[1].body.text == "Replying to comments is fun.", "replies do not repeat it")
    }

    @Test func aGraphQLDumpIsAForestOfIssuesAndPullRequestsWithTheirReviews() throws {
        let d = try Fixture.discussion("github/github-graphql-sourcecred-example-github.json")
        #expect(d.title == "sourcecred-test/example-github: issues and pull requests")
        let tree = ThreadTree(d)
        let pull = try #require(d.comments.firstIndex { $0.body.text.hasPrefix("#5 ") })
        let review = try #require(d.comments.firstIndex { $0.body.text.hasPrefix("Review: changes requested") })
        #expect(d.comments[review].parent == pull)
        let reviewComment = try #require(d.comments.firstIndex { $0.parent == review })
        #expect(tree.depth[tree.nodeOfComment[reviewComment]] == tree.depth[tree.nodeOfComment[pull]] + 2)
        #expect(d.comments.contains { $0.author == "(ghost)" }, "a deleted account is GitHub's ghost")
        // One issue alone, as the GraphQL API answers it: its body is the article.
        let single = """
            {"data": {"repository": {"issue": {"number": 7, "title": "Crash on start", "url": "https://github.com/o/r/issues/7",
              "author": {"login": "ada"}, "createdAt": "2024-01-02T03:04:05Z", "body": "It **crashes**.",
              "comments": {"nodes": [{"id": "c1", "author": {"login": "bob"}, "createdAt": "2024-01-03T00:00:00Z",
                "bodyHTML": "<p>Fixed in <a href=\\"https://github.com/o/r/pull/8\\">#8</a>.</p>"}]}}}}}
            """
        let issue = try GitHubImporter().parse(Array(single.utf8), file: "issue.json")
        #expect(issue.title == "Crash on start" && issue.article == "It crashes." && issue.articleAuthor == "ada")
        #expect(issue.comments.map(\.body.text) == ["Fixed in #8 <https://github.com/o/r/pull/8>."])
    }

    @Test func blueskyQuotesThePostsAboveTheFocalOne() throws {
        let d = try Fixture.discussion("bluesky/bluesky-mattbinder-3k7rlrukr4w2v-midthread-morpho.json")
        #expect(d.article?.hasPrefix("In reply to ") == true, "the focal post is itself a reply")
        #expect(d.articleAuthor?.hasSuffix("(@chadmichael.bsky.social)") == true)
        let single = try Fixture.discussion("bluesky/bluesky-bskyr-getPostThread-37f3db-single-post.json")
        #expect(single.article?.contains("📈") == true)
    }

    @Test func discordSaysWhatSystemMessagesAreAndWhatTheCountSays() throws {
        let general = try Fixture.discussion(
            "discord/dcef-example-guild/Example guild - Text Channels - general [1012224565567721552].json")
        #expect(general.title == "Example guild · #general")
        #expect(general.comments.contains { $0.body.text.hasPrefix("(guild member join)") })
        let chill = try Fixture.discussion(
            "discord/dcef-example-guild/Example guild - Text Channels - chill talk [1012224565567125544].json")
        #expect(chill.notices == ["The export says 35 messages; 6 are in this file."])
    }

    @Test(arguments: [
        ("disqus/disqus-benbalter-2021-export.xml", 87, 1_145, 594, 8, 15, 33),
        ("disqus/disqus-isso-tests-edge-cases.xml", 3, 6, 4, 1, 1, 0),
    ])
    func disqusExportsAreAForestOfThreads(
        file: String, threads: Int, posts: Int, topLevel: Int, maxDepth: Int, deleted: Int, spam: Int
    ) throws {
        let d = try Fixture.discussion(file)
        #expect(d.format == .disqus && d.isArchive)
        let tree = ThreadTree(d)
        #expect(tree.topLevelCount == threads)
        let postNodes = (1..<tree.count).filter { tree.depth[$0] > 1 }
        #expect(postNodes.count == posts)
        #expect(postNodes.filter { tree.depth[$0] == 2 }.count == topLevel)
        #expect((postNodes.map { tree.depth[$0] }.max() ?? 2) - 2 == maxDepth)
        #expect(d.comments.filter { $0.body.text.hasPrefix("(deleted)") }.count == deleted)
        #expect(d.comments.filter { $0.body.text.hasPrefix("(marked as spam)") }.count == spam)
        let again = try ExportJSONImporter().parse(Array(d.exportJSON().utf8), file: "again.json")
        #expect(Self.structure(again) == Self.structure(d))
    }

    @Test(arguments: [
        ("wxr/wxr-wordpress-theme-unit-test-data.xml", 7, 33, 23, 9),
        ("wxr/wxr-cc-labs-blog-2014.xml", 80, 181, 178, 1),
    ])
    func wordPressExportsAreAForestOfPosts(file: String, posts: Int, comments: Int, topLevel: Int, maxDepth: Int)
        throws
    {
        let d = try Fixture.discussion(file)
        #expect(d.format == .wordpress && d.isArchive)
        let tree = ThreadTree(d)
        #expect(tree.topLevelCount == posts)
        let commentNodes = (1..<tree.count).filter { tree.depth[$0] > 1 }
        #expect(commentNodes.count == comments)
        #expect(commentNodes.filter { tree.depth[$0] == 2 }.count == topLevel)
        #expect((commentNodes.map { tree.depth[$0] }.max() ?? 2) - 2 == maxDepth)
        #expect(commentNodes.allSatisfy { d.comments[tree.commentIndex[$0]].date != nil })
    }

    @Test func wordPressMarksPingbacksAndModerationAndKeepsSites() throws {
        let d = try Fixture.discussion("wxr/wxr-wordpress-theme-unit-test-data.xml")
        #expect(d.comments.filter { $0.body.text.hasPrefix("(awaiting moderation)") }.count == 3)
        #expect(d.comments.filter { $0.body.text.contains("(pingback)") }.count == 2)
        #expect(d.comments.filter { $0.body.text.contains("(trackback)") }.count == 2)
        #expect(d.authorLinks["themedemos"] == "https://wpthemetestdata.wordpress.com/")
    }

    @Test func aStackExchangeDumpIsAForestOfQuestions() throws {
        guard let path = Fixture.sharedCorpus("stackexchange/meta-history-se-2018") else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        let d = try DiscussionFile.load(path: path)
        #expect(d.format == .stackexchange && d.isArchive)
        let tree = ThreadTree(d)
        #expect(tree.topLevelCount == 556, "questions")
        let ids = (1..<tree.count).map { d.comments[tree.commentIndex[$0]].id }
        #expect(ids.filter { $0.hasPrefix("a") }.count == 1_095, "answers")
        #expect(ids.filter { $0.hasPrefix("c") }.count == 3_454, "comments")
        #expect(tree.depth.max() == 3, "comments on answers sit under them")
        #expect(
            d.comments.contains { $0.body.text.hasPrefix("Answer · score") && $0.body.text.contains(" · accepted") })
        #expect(DiscussionFile.libraryFiles(for: [DiskPath(path)]) == nil, "a dump is one discussion, not a library")
    }

    @Test func oneStackExchangeQuestionFromTheAPIIsTheArticle() throws {
        let d = try Fixture.discussion("stackexchange/stackexchange-api-question-perceval.json")
        #expect(d.format == .stackexchange && !d.isArchive)
        #expect(d.articleAuthor == "zhquan_example_3")
        let tree = ThreadTree(d)
        #expect(tree.topLevelCount == 2, "the answer and the question's comment")
    }

    @Test func aSlackExportThreadsAcrossDays() throws {
        let d = try Fixture.discussion("slack/slackdump-fixture-export")
        #expect(d.format == .slack && d.title == "#B75B4C7")
        let tree = ThreadTree(d)
        #expect(d.comments.count == 16)
        #expect(tree.topLevelCount == 12)
        #expect(tree.depth.max() == 2, "replies are one level down")
        // Two replies dated 2025-01-11 hang under a parent from 2025-01-10's file.
        let acrossDays = (1..<tree.count).filter { node in
            let parent = tree.parent[node]
            return parent > 0 && d.comments[tree.commentIndex[node]].date?.day == 11
                && d.comments[tree.commentIndex[parent]].date?.day == 10
        }
        #expect(acrossDays.count == 2)
        #expect(d.comments.contains { $0.body.text == "(deleted)" }, "a tombstone keeps its place and its reply")
        #expect(d.comments.contains { $0.body.text == "(joined the channel)" })
        #expect(DiscussionFile.libraryFiles(for: [DiskPath(Fixture.path("slack/slackdump-fixture-export"))]) == nil)
    }

    @Test func slackMarkupIsWrittenOut() {
        let text = SlackImporter.plainText(
            "hi <@U1>, see <https://x.example|the doc> in <#C2|general> &amp; <!here> &lt;3", names: ["U1": "ann"])
        #expect(text == "hi @ann, see the doc (https://x.example) in #general & @here <3")
    }

    @Test func disqusTitlesLoseTheirSecondEscapingAndOrphansSayWhy() throws {
        let d = try Fixture.discussion("disqus/disqus-benbalter-2021-export.xml")
        #expect(!d.comments.contains { ($0.subject ?? "").contains("&#") }, "`&amp;#039;` reads as an apostrophe")
        let isso = try Fixture.discussion("disqus/disqus-isso-tests-edge-cases.xml")
        #expect(
            isso.comments.contains {
                $0.isPlaceholder && $0.body.text == "(thread 1337, which this export does not define)"
            })
    }

    @Test func recordsWithoutParentIDsNestByDepth() {
        let records = [
            FlatRecord(id: "a", depth: 0, author: "A", date: nil, body: "1"),
            FlatRecord(id: "b", depth: 1, author: "B", date: nil, body: "2"),
            FlatRecord(id: "c", depth: 2, author: "C", date: nil, body: "3"),
            FlatRecord(id: "d", depth: 1, author: "D", date: nil, body: "4"),
            FlatRecord(id: "e", depth: 0, author: "E", date: nil, body: "5"),
        ]
        let comments = FlatRecords.comments(records, keyPrefix: "t:")
        #expect(comments.map(\.parent) == [nil, 0, 1, 0, nil])
        #expect(comments[2].key == .sourceID("t:c"))
    }

    @Test func aParentOutsideTheFileOrItselfMakesATopLevelComment() {
        let records = [
            FlatRecord(id: "a", parentID: "gone", author: "A", date: nil, body: "1"),
            FlatRecord(id: "b", parentID: "b", author: "B", date: nil, body: "2"),
            FlatRecord(id: "c", parentID: "a", author: "C", date: nil, body: "3"),
        ]
        #expect(FlatRecords.comments(records, keyPrefix: "t:").map(\.parent) == [nil, nil, 0])
    }
}
