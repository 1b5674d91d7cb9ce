import Foundation
import SpoolCore
import SpoolImport
import SpoolTestSupport
import Testing

/// Counts JSON objects of the real exports independently, by walking the parsed JSON.
enum JSONCounts {
    static func load(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Reddit `t1` comments and `more` stubs, over the whole comment listing.
    static func reddit(_ path: String) throws -> (comments: Int, more: Int) {
        let root = try load(path) as! [[String: Any]]
        var comments = 0
        var more = 0
        var stack: [Any] = [root[1]]
        while let value = stack.popLast() {
            if let object = value as? [String: Any] {
                if object["kind"] as? String == "t1" { comments += 1 }
                if object["kind"] as? String == "more" { more += 1 }
                stack.append(contentsOf: object.values)
            } else if let list = value as? [Any] {
                stack.append(contentsOf: list)
            }
        }
        return (comments, more)
    }
}

@Suite struct HackerNewsImporterTests {
    @Test func algoliaTreeRootedAtAComment() throws {
        let d = try Fixture.discussion("json/hn-17-algolia-items-api.json")
        #expect(d.format == .hn)
        #expect(d.title == nil, "item 17 is a comment, not a story")
        #expect(d.comments.count == 3)
        #expect(d.comments[0].parent == nil && d.comments[0].id == "17")
        #expect(d.comments[0].author == "pg")
        #expect(d.comments[0].key == StableKey(rawValue: "id:hn:17"))
        #expect(d.comments.dropFirst().allSatisfy { $0.parent != nil })
    }

    @Test func hnpwaThreadWithDeletedAndDeadComments() throws {
        guard let path = Fixture.sharedCorpus("json/hn-25015967-biden-wins-hnpwa.json") else { return }
        let d = try DiscussionFile.load(path: path)
        #expect(d.title == "Biden wins White House, vowing new direction for divided U.S.")
        #expect(d.comments.count == 2170)
        #expect(d.comments.filter { $0.parent == nil }.count == 237)
        #expect(d.comments.filter { $0.author == "[deleted]" }.count == 98)
        #expect(d.comments.filter { $0.body.text.hasPrefix("[dead]") }.count == 125)
        #expect(
            !d.comments.contains { $0.body.text.contains("&#x27;") || $0.body.text.contains("<p>") }, "HTML became text"
        )
    }

    @Test func flattenedListOpensFlatWithANotice() throws {
        guard let path = Fixture.sharedCorpus("json/hn-48849066-algolia-flattened-comments.json") else { return }
        let d = try DiscussionFile.load(path: path)
        #expect(d.comments.count == 1079)
        #expect(d.comments.allSatisfy { $0.parent == nil })
        #expect(d.notices.first?.contains("no reply links") == true)
        #expect(!d.comments.contains { $0.body.text.contains("&quot;") })
    }

    @Test func firebaseItemsLinkByParent() throws {
        let items = """
            [{"id": 1, "type": "story", "by": "ann", "title": "A story", "time": 1600000000, "kids": [2]},
             {"id": 2, "by": "bob", "text": "Top <i>level</i>", "parent": 1, "time": 1600000100, "kids": [3]},
             {"id": 3, "by": "cy", "text": "Reply", "parent": 2, "time": 1600000200},
             {"id": 4, "deleted": true, "parent": 2}]
            """
        let d = try DiscussionFile.parse(bytes: Array(items.utf8), file: "items.json")
        #expect(d.title == "A story")
        #expect(Fixture.shape(d) == ["bob | ", " cy | ", " [deleted] | "])
        #expect(d.comments[0].body == "Top level")
        #expect(d.comments[2].body == "(deleted)")
    }
}

@Suite struct RedditImporterTests {
    @Test(arguments: [
        ("json/reddit-Python-2xmo63.json", true), ("json/reddit-LifeProTips-441hsf-context-czmp112.json", true),
        ("json/reddit-AskReddit-2np694.json", false), ("json/reddit-CollegeBasketball-31owr1-sort-top.json", false),
        ("json/reddit-Python-6302cj-job-board.json", false),
    ])
    func commentAndStubCountsMatchTheJSON(file: String, isFixture: Bool) throws {
        let path: String
        if isFixture {
            path = Fixture.path(file)
        } else {
            guard let shared = Fixture.sharedCorpus(file) else { return }
            path = shared
        }
        let d = try DiscussionFile.load(path: path)
        let raw = try JSONCounts.reddit(path)
        #expect(d.format == .reddit)
        #expect(d.comments.filter { !$0.isPlaceholder }.count == raw.comments)
        #expect(d.comments.filter(\.isPlaceholder).count == raw.more)
    }

    @Test func postIsTheArticleAndStubsSayWhatIsMissing() throws {
        let d = try Fixture.discussion("json/reddit-Python-2xmo63.json")
        #expect(d.title?.isEmpty == false)
        #expect(d.articleAuthor != nil)
        let context = try Fixture.discussion("json/reddit-LifeProTips-441hsf-context-czmp112.json")
        #expect(context.comments.filter { $0.parent == nil }.count == 1, "a permalink export is rooted at one comment")
        #expect(context.comments.contains { $0.isPlaceholder && $0.body == "More replies not in this export" })
        #expect(context.comments.contains { $0.author == "[deleted]" })
    }
}

@Suite struct SniffingAndRoundTripTests {
    @Test(arguments: [
        (Fixture.seed, Format.web), ("gduarte-blog-comments-cache.md", .web),
        ("mbox/notmuch-list-2009.mbox", .mbox),
        ("mbox/nntp_1.txt", .mbox), ("mbox/pipermail_2016_march.mbox", .mbox),
        ("json/hn-17-algolia-items-api.json", .hn),
        ("json/reddit-Python-2xmo63.json", .reddit),
    ])
    func contentPicksTheImporter(file: String, format: Format) throws {
        #expect(try Fixture.discussion(file).format == format)
    }

    @Test func forcingTheWrongImporterSaysWhy() throws {
        let bytes = try Fixture.bytes("json/hn-17-algolia-items-api.json")
        do {
            _ = try DiscussionFile.parse(bytes: bytes, file: "hn.json", format: .reddit)
            Issue.record("parsed")
        } catch let error as ImportError {
            #expect(
                error.description
                    == "hn.json:1: is JSON but not a Reddit post page: expected a list of two listings (`[{\"kind\": \"Listing\", …}, {…}]`) as `/comments/ID/.json` gives."
            )
        }
        do {
            _ = try DiscussionFile.parse(bytes: Array("{\"a\": [1, 2,, 3]}".utf8), file: "broken.json")
            Issue.record("parsed")
        } catch let error as ImportError {
            #expect(error.description.hasPrefix("broken.json:1: is not valid JSON"))
        }
    }

    @Test(arguments: [
        Fixture.seed, "gduarte-blog-comments-cache.md", "mbox/notmuch-threading-and-duplicates.mbox",
        "mbox/groupsio-updates-2014.mbox",
        "json/hn-17-algolia-items-api.json", "json/reddit-LifeProTips-441hsf-context-czmp112.json",
    ])
    func exportJSONReimportsToTheSameModel(file: String) throws {
        let original = try Fixture.discussion(file)
        let json = original.exportJSON()
        let again = try DiscussionFile.parse(bytes: Array(json.utf8), file: "export.json")
        #expect(again.format == original.format)
        #expect(again.title == original.title)
        #expect(again.article == original.article)
        #expect(Fixture.shape(again) == Fixture.shape(original))
        let same = again.exportJSON() == json
        #expect(same, "a second export differs from the first")
    }
}
