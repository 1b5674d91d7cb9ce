import Foundation
import SpoolCore
import SpoolImport
import SpoolTestSupport
import Testing

@Suite struct ExportTests {
    @Test func jsonFollowsTheDesignSchema() throws {
        let d = try Fixture.discussion(Fixture.seed)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(d.exportJSON().utf8)) as? [String: Any])
        #expect(json["title"] as? String == d.title)
        #expect(json["format"] as? String == "web")
        let comments = try #require(json["comments"] as? [[String: Any]])
        #expect(comments.count == 13)
        let fourth = comments[3]
        #expect(fourth["id"] as? String == "4")
        #expect(fourth["author"] as? String == "Sharon Shoesmith")
        #expect(fourth["date"] as? String == "2014-10-28T12:33")
        let replies = try #require(fourth["replies"] as? [[String: Any]])
        #expect(replies.map { $0["author"] as? String } == ["Maria Jose Becerra Martinez", "Edna"])
        #expect((replies[1]["key"] as? String)?.hasPrefix("h:") == true)
        let fifthReplies = try #require(comments[4]["replies"] as? [[String: Any]])
        #expect(fifthReplies.map { $0["author"] as? String } == ["Edna"])
    }

    @Test func jsonOfADiscussionWithoutCommentsIsValid() throws {
        let d = try Fixture.web("Title\n\nText only.\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(d.exportJSON().utf8)) as? [String: Any])
        #expect((json["comments"] as? [Any])?.isEmpty == true)
    }

    @Test func jsonEscapesControlCharacters() throws {
        let d = Discussion(
            title: "a\u{1B}[2Jb", article: nil, format: .web,
            comments: [Comment(id: "1", author: "q\"uote", date: nil, body: "tab\there\u{7}")])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(d.exportJSON().utf8)) as? [String: Any])
        #expect(json["title"] as? String == "a\u{1B}[2Jb")
        #expect(!d.exportJSON().contains("\u{1B}"))
    }

    /// Each comment in reading order with its parent's position in that order: the
    /// model's content independent of the order comments were stored in.
    private func structure(_ d: Discussion) -> [String] {
        let tree = ThreadTree(d)
        return (1..<max(tree.count, 1)).map { node in
            let c = d.comments[tree.commentIndex[node]]
            return "\(tree.parent[node])|\(c.author)|\(c.date?.iso8601 ?? "-")|\(c.key)|\(c.body)"
        }
    }

    @Test(arguments: [Fixture.seed, "gduarte-blog-comments-cache.md", "gduarte-blog-comments-anatomy.md"])
    func textFormReimportsToTheSameModel(file: String) throws {
        let original = try Fixture.discussion(file)
        let again = try WebPageImporter().parse(Array(original.exportPageText().utf8), file: "round-trip.txt")
        #expect(again.title == original.title)
        #expect(again.article == original.article)
        #expect(again.comments.count == original.comments.count)
        #expect(again.outline == original.outline)
        let same = structure(again) == structure(original)
        #expect(same, "authors, dates, keys, bodies or parents differ after the round trip")
        if file == Fixture.seed { #expect(again.comments.map(\.id) == original.comments.map(\.id)) }
    }
}
