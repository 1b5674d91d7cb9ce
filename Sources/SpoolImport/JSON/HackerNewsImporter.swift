import Foundation
import SpoolCore

/// Imports Hacker News threads (`--from hn`).
///
/// Accepts the Algolia items API (`{id, author, title, text, children: [...]}`), the
/// HNPWA/node-hnapi form (`{title, user, content, comments: [{user, content, comments}]}`),
/// a list of Firebase items (`{id, by, text, kids, parent}`), and a flat list of
/// `{id, author, text}`. A story becomes the article; comments nest under it. HTML bodies
/// become text; deleted comments read "(deleted)", dead ones start with "[dead]".
public struct HackerNewsImporter: Sendable {
    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(document: JSONDocument(bytes, file: file), file: file)
    }

    /// Imports an already parsed document (sniffing parses the file once for every importer).
    /// Fields are read from the document's nodes: no Foundation value is made per comment.
    func parse(document json: JSONDocument, file: String) throws -> Discussion {
        let root = json.root
        if json.kind(root) == .object, json.has(root, "children") || json.has(root, "comments") {
            return nested(json)
        }
        if let items = json.objects(root), !items.isEmpty {
            return items.contains(where: { json.has($0, "parent") || json.has($0, "kids") })
                ? firebase(json, items) : flat(json, items)
        }
        throw ImportError(file: file, line: 1, reason: .malformed(HackerNewsImporter.expected))
    }

    static let expected =
        "is JSON but not a Hacker News thread: expected an object with `children` (Algolia) or `comments` (HNPWA), or a list of items with `kids`/`parent` or `author`/`text`."

    /// Algolia and HNPWA: one object with nested replies, walked without recursion.
    private func nested(_ json: JSONDocument) -> Discussion {
        let root = json.root
        let isStory = json.has(root, "title") || json.text(root, "type") == "story"
        var comments: [Comment] = []
        var stack: [(item: Int, parent: Int?)] = []
        let replies = { (item: Int) in
            json.objects(json.member(item, "children")) ?? json.objects(json.member(item, "comments")) ?? []
        }
        if isStory {
            stack = replies(root).reversed().map { ($0, nil) }
        } else {
            stack = [(root, nil)]
        }
        while let (item, parent) = stack.popLast() {
            comments.append(comment(json, item, parent: parent))
            let index = comments.count - 1
            stack.append(contentsOf: replies(item).reversed().map { ($0, index) })
        }
        return Discussion(
            title: isStory ? json.text(root, "title") : nil,
            sourceID: json.text(root, "id"),
            article: isStory ? article(json, root) : nil,
            articleAuthor: isStory ? (json.text(root, "author") ?? json.text(root, "user")) : nil,
            articleDate: isStory ? date(json, root) : nil, format: .hn, comments: comments)
    }

    /// Firebase items linked by `parent`; items whose parent is absent are top-level.
    private func firebase(_ json: JSONDocument, _ items: [Int]) -> Discussion {
        let story = items.first { json.text($0, "type") == "story" || json.has($0, "title") }
        let storyID = story.flatMap { json.text($0, "id") }
        let commentsOnly = items.filter { story == nil || json.text($0, "id") != storyID }
        var indexOfID: [String: Int] = [:]
        for (index, item) in commentsOnly.enumerated() {
            if let id = json.text(item, "id") { indexOfID[id] = index }
        }
        let comments = commentsOnly.map { item in
            comment(json, item, parent: json.text(item, "parent").flatMap { indexOfID[$0] })
        }
        return Discussion(
            title: story.flatMap { json.text($0, "title") }, sourceID: storyID,
            article: story.flatMap { article(json, $0) },
            articleAuthor: story.flatMap { json.text($0, "by") }, articleDate: story.flatMap { date(json, $0) },
            format: .hn, comments: comments)
    }

    /// A list without parent links: shown flat, in the order given.
    private func flat(_ json: JSONDocument, _ items: [Int]) -> Discussion {
        Discussion(
            title: nil, article: nil, format: .hn, comments: items.map { comment(json, $0, parent: nil) },
            notices: ["This export has no reply links; comments are shown flat, in file order."])
    }

    private func comment(_ json: JSONDocument, _ item: Int, parent: Int?) -> Comment {
        let sourceID = json.text(item, "id")
        let deleted = json.bool(item, "deleted")
        let dead = json.bool(item, "dead")
        let author = json.text(item, "author") ?? json.text(item, "by") ?? json.text(item, "user")
        var body = HTMLText.plainText(json.text(item, "text") ?? json.text(item, "content") ?? "")
        if deleted && body.isEmpty { body = "(deleted)" }
        if dead { body = "[dead] " + body }
        let name = author ?? (deleted ? "[deleted]" : "(unknown)")
        let date = date(json, item)
        // An item without an id keys by its content, so its read mark is still stable.
        let key =
            sourceID.map { StableKey.sourceID("hn:" + $0) }
            ?? .content(title: "hn", author: name, date: date, body: body)
        var comment = Comment(id: sourceID ?? "?", key: key, author: name, date: date, body: body, parent: parent)
        comment.score = json.int(item, "points") ?? json.int(item, "score")
        return comment
    }

    private func article(_ json: JSONDocument, _ story: Int) -> String? {
        var parts: [String] = []
        if let url = json.text(story, "url"), !url.isEmpty { parts.append(url) }
        if let text = json.text(story, "text") ?? json.text(story, "content"), !text.isEmpty {
            parts.append(HTMLText.plainText(text))
        }
        if let points = json.int(story, "points") ?? json.int(story, "score") {
            parts.append("\(points) points")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    private func date(_ json: JSONDocument, _ item: Int) -> Timestamp? {
        json.unixDate(item, "created_at_i") ?? json.unixDate(item, "time")
            ?? JSONFields.isoDate(json.text(item, "created_at"))
    }
}
