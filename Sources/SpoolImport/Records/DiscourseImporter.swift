import SpoolCore

/// Imports a Discourse topic's JSON (`/t/ID.json`, `/t/ID/N.json`, `/t/ID/posts.json`;
/// `--from discourse`): post 1 is the article, the rest reply to the post their
/// `reply_to_post_number` names (or to the topic). A file that holds a window of a longer
/// topic says how many posts it has of how many.
public struct DiscourseImporter: Sendable {
    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(json: JSONFields.parse(bytes, file: file), file: file)
    }

    /// Whether `json` is a Discourse topic (or a page of its posts).
    static func matches(_ json: Any) -> Bool {
        guard let topic = json as? [String: Any], let stream = topic["post_stream"] as? [String: Any] else {
            return false
        }
        return stream["posts"] is [[String: Any]]
    }

    func parse(json: Any, file: String) throws -> Discussion {
        guard let topic = json as? [String: Any], let stream = topic["post_stream"] as? [String: Any],
            let posts = stream["posts"] as? [[String: Any]]
        else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed(
                    "is JSON but not a Discourse topic: expected `post_stream.posts`, as `/t/ID.json` gives."))
        }
        let first = posts.first { JSONFields.int($0, "post_number") == 1 }
        let replies = posts.filter { JSONFields.int($0, "post_number") != 1 }
        let records = replies.map { post -> FlatRecord in
            let parent = JSONFields.int(post, "reply_to_post_number").flatMap { $0 == 1 ? nil : String($0) }
            var body = HTMLText.plainText(JSONFields.string(post, "cooked") ?? "")
            if post["deleted_at"] is String { body = "(deleted)" }
            if JSONFields.int(post, "post_type") == 3 { body = "(moderator action) " + body }
            return FlatRecord(
                id: String(JSONFields.int(post, "post_number") ?? 0), parentID: parent,
                author: author(post), date: JSONFields.isoDate(JSONFields.string(post, "created_at")), body: body)
        }
        let topicID = JSONFields.string(topic, "id") ?? first.flatMap { JSONFields.string($0, "topic_id") }
        let title = JSONFields.string(topic, "title") ?? first.flatMap { JSONFields.string($0, "topic_slug") }
        var notices: [String] = []
        let total = (stream["stream"] as? [Any])?.count ?? JSONFields.int(topic, "posts_count")
        if let total, total > posts.count {
            notices.append("\(posts.count) of \(total) posts of this topic are in this file.")
        }
        if first == nil && !posts.isEmpty { notices.append("The topic's first post is not in this file.") }
        return Discussion(
            title: title, sourceID: topicID,
            article: first.map { HTMLText.plainText(JSONFields.string($0, "cooked") ?? "") },
            articleAuthor: first.map(author),
            articleDate: first.flatMap { JSONFields.isoDate(JSONFields.string($0, "created_at")) },
            format: .discourse,
            comments: FlatRecords.comments(records, keyPrefix: "discourse:\(topicID ?? "?")/"), notices: notices)
    }

    /// The user name, as `@mentions` in posts name people.
    private func author(_ post: [String: Any]) -> String {
        JSONFields.name(post, "username", "name") ?? "(unknown)"
    }
}
