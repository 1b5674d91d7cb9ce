import SpoolCore

/// Imports a Lobsters story's JSON (`/s/ID.json`, `--from lobsters`) in each shape the API
/// has had: comments with `parent_comment` (2022 on), with only `indent_level` (1-based,
/// before 2022) or `depth` (0-based, 2025); the user as a name or as an object.
public struct LobstersImporter: Sendable {
    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(json: JSONFields.parse(bytes, file: file), file: file)
    }

    /// Whether `json` is a Lobsters story.
    static func matches(_ json: Any) -> Bool {
        guard let story = json as? [String: Any] else { return false }
        return story["short_id"] != nil && story["comments"] is [[String: Any]]
    }

    func parse(json: Any, file: String) throws -> Discussion {
        guard LobstersImporter.matches(json), let story = json as? [String: Any],
            let comments = story["comments"] as? [[String: Any]]
        else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed(
                    "is JSON but not a Lobsters story: expected an object with `short_id` and `comments`, as `/s/ID.json` gives."
                ))
        }
        let records = comments.map { comment -> FlatRecord in
            let depth = JSONFields.int(comment, "depth") ?? JSONFields.int(comment, "indent_level").map { $0 - 1 }
            // The HTML Lobsters shows, else the Markdown it was written in.
            var body =
                JSONFields.string(comment, "comment").map(HTMLText.plainText)
                ?? MarkdownBody.plainText(JSONFields.string(comment, "comment_plain") ?? "")
            if JSONFields.bool(comment, "is_deleted") { body = "(deleted)" }
            if JSONFields.bool(comment, "is_moderated") { body = "(removed by a moderator)" }
            var record = FlatRecord(
                id: JSONFields.string(comment, "short_id") ?? "?",
                parentID: JSONFields.string(comment, "parent_comment"), depth: depth,
                author: JSONFields.name(comment, "commenting_user") ?? "(unknown)",
                date: JSONFields.isoDate(JSONFields.string(comment, "created_at")), body: body)
            record.score = JSONFields.int(comment, "score")
            return record
        }
        return Discussion(
            title: JSONFields.string(story, "title"), sourceID: JSONFields.string(story, "short_id"),
            article: article(story), articleAuthor: JSONFields.name(story, "submitter_user"),
            articleDate: JSONFields.isoDate(JSONFields.string(story, "created_at")), format: .lobsters,
            comments: FlatRecords.comments(records, keyPrefix: "lobsters:"),
            notices: countNotice(stated: JSONFields.int(story, "comment_count"), found: comments.count))
    }

    private func article(_ story: [String: Any]) -> String? {
        var parts: [String] = []
        if let url = JSONFields.string(story, "url"), !url.isEmpty { parts.append(url) }
        let description =
            JSONFields.string(story, "description_plain")
            ?? JSONFields.string(story, "description").map(HTMLText.plainText)
        if let description, !description.isEmpty { parts.append(description) }
        var meta: [String] = []
        if let score = JSONFields.int(story, "score") { meta.append("\(score) points") }
        if let tags = story["tags"] as? [String], !tags.isEmpty { meta.append(tags.joined(separator: ", ")) }
        if let link = JSONFields.string(story, "short_id_url") { meta.append(link) }
        if !meta.isEmpty { parts.append(meta.joined(separator: " · ")) }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    private func countNotice(stated: Int?, found: Int) -> [String] {
        guard let stated, stated > found else { return [] }
        return ["The story lists \(stated) comments; \(found) are in this file."]
    }
}
