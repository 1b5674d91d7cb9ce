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
        try parse(json: JSONFields.parse(bytes, file: file), file: file)
    }

    /// Imports an already parsed JSON value (sniffing parses the file once for every importer).
    func parse(json: Any, file: String) throws -> Discussion {
        if let root = json as? [String: Any], root["children"] != nil || root["comments"] != nil {
            return nested(root)
        }
        if let items = json as? [[String: Any]], !items.isEmpty {
            return items.contains(where: { $0["parent"] != nil || $0["kids"] != nil }) ? firebase(items) : flat(items)
        }
        throw ImportError(file: file, line: 1, reason: .malformed(HackerNewsImporter.expected))
    }

    static let expected =
        "is JSON but not a Hacker News thread: expected an object with `children` (Algolia) or `comments` (HNPWA), or a list of items with `kids`/`parent` or `author`/`text`."

    /// Algolia and HNPWA: one object with nested replies, walked without recursion.
    private func nested(_ root: [String: Any]) -> Discussion {
        let isStory = root["title"] != nil || JSONFields.string(root, "type") == "story"
        var comments: [Comment] = []
        var stack: [(item: [String: Any], parent: Int?)] = []
        let replies = { (item: [String: Any]) in
            (item["children"] as? [[String: Any]]) ?? (item["comments"] as? [[String: Any]]) ?? []
        }
        if isStory {
            stack = replies(root).reversed().map { ($0, nil) }
        } else {
            stack = [(root, nil)]
        }
        while let (item, parent) = stack.popLast() {
            comments.append(comment(item, parent: parent))
            let index = comments.count - 1
            stack.append(contentsOf: replies(item).reversed().map { ($0, index) })
        }
        return Discussion(
            title: isStory ? JSONFields.string(root, "title") : nil,
            sourceID: JSONFields.string(root, "id"),
            article: isStory ? article(root) : nil,
            articleAuthor: isStory ? (JSONFields.string(root, "author") ?? JSONFields.string(root, "user")) : nil,
            articleDate: isStory ? date(root) : nil, format: .hn, comments: comments)
    }

    /// Firebase items linked by `parent`; items whose parent is absent are top-level.
    private func firebase(_ items: [[String: Any]]) -> Discussion {
        let story = items.first { JSONFields.string($0, "type") == "story" || $0["title"] != nil }
        let commentsOnly = items.filter {
            story == nil || JSONFields.string($0, "id") != JSONFields.string(story!, "id")
        }
        var indexOfID: [String: Int] = [:]
        for (index, item) in commentsOnly.enumerated() {
            if let id = JSONFields.string(item, "id") { indexOfID[id] = index }
        }
        let comments = commentsOnly.map { item in
            comment(item, parent: JSONFields.string(item, "parent").flatMap { indexOfID[$0] })
        }
        return Discussion(
            title: story.flatMap { JSONFields.string($0, "title") },
            sourceID: story.flatMap { JSONFields.string($0, "id") },
            article: story.flatMap(article),
            articleAuthor: story.flatMap { JSONFields.string($0, "by") }, articleDate: story.flatMap(date),
            format: .hn, comments: comments)
    }

    /// A list without parent links: shown flat, in the order given.
    private func flat(_ items: [[String: Any]]) -> Discussion {
        Discussion(
            title: nil, article: nil, format: .hn, comments: items.map { comment($0, parent: nil) },
            notices: ["This export has no reply links; comments are shown flat, in file order."])
    }

    private func comment(_ item: [String: Any], parent: Int?) -> Comment {
        let sourceID = JSONFields.string(item, "id")
        let deleted = JSONFields.bool(item, "deleted")
        let dead = JSONFields.bool(item, "dead")
        let author =
            JSONFields.string(item, "author") ?? JSONFields.string(item, "by") ?? JSONFields.string(item, "user")
        var body = HTMLText.plainText(JSONFields.string(item, "text") ?? JSONFields.string(item, "content") ?? "")
        if deleted && body.isEmpty { body = "(deleted)" }
        if dead { body = "[dead] " + body }
        let name = author ?? (deleted ? "[deleted]" : "(unknown)")
        // An item without an id keys by its content, so its read mark is still stable.
        let key =
            sourceID.map { StableKey.sourceID("hn:" + $0) }
            ?? .content(title: "hn", author: name, date: date(item), body: body)
        return Comment(id: sourceID ?? "?", key: key, author: name, date: date(item), body: body, parent: parent)
    }

    private func article(_ story: [String: Any]) -> String? {
        var parts: [String] = []
        if let url = JSONFields.string(story, "url"), !url.isEmpty { parts.append(url) }
        if let text = JSONFields.string(story, "text") ?? JSONFields.string(story, "content"), !text.isEmpty {
            parts.append(HTMLText.plainText(text))
        }
        if let points = JSONFields.int(story, "points") ?? JSONFields.int(story, "score") {
            parts.append("\(points) points")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    private func date(_ item: [String: Any]) -> Timestamp? {
        JSONFields.unixDate(item, "created_at_i") ?? JSONFields.unixDate(item, "time")
            ?? JSONFields.isoDate(JSONFields.string(item, "created_at"))
    }
}
