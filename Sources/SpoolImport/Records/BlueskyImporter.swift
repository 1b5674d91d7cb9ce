import SpoolCore

/// Imports a Bluesky thread (`app.bsky.feed.getPostThread`, `--from bluesky`): the focal
/// post is the article, with the posts above it (`parent`, itself perhaps a reply) quoted
/// before it; `replies` nest to any depth. Posts the service does not give
/// (`notFoundPost`, `blockedPost`) stay in the tree as placeholders.
public struct BlueskyImporter: Sendable {
    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(json: JSONFields.parse(bytes, file: file), file: file)
    }

    /// Whether `json` is a getPostThread response.
    static func matches(_ json: Any) -> Bool {
        guard let object = json as? [String: Any], let thread = object["thread"] as? [String: Any] else {
            return false
        }
        return thread["post"] is [String: Any] || JSONFields.string(thread, "$type")?.hasPrefix("app.bsky") == true
    }

    func parse(json: Any, file: String) throws -> Discussion {
        guard BlueskyImporter.matches(json), let object = json as? [String: Any],
            let thread = object["thread"] as? [String: Any]
        else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed(
                    "is JSON but not a Bluesky thread: expected `thread` with `post`, as app.bsky.feed.getPostThread gives."
                ))
        }
        let focal = thread["post"] as? [String: Any] ?? [:]
        // Replies, walked without recursion; each names its parent's uri.
        var records: [FlatRecord] = []
        var stack: [(node: [String: Any], parent: String?)] =
            (thread["replies"] as? [[String: Any]] ?? []).reversed().map { ($0, nil) }
        while let (node, parent) = stack.popLast() {
            let record = record(node, parent: parent)
            records.append(record)
            stack.append(contentsOf: (node["replies"] as? [[String: Any]] ?? []).reversed().map { ($0, record.id) })
        }
        // The posts above the focal one, nearest last.
        var above: [String] = []
        var parent = thread["parent"] as? [String: Any]
        while let node = parent, above.count < 1000 {
            if let post = node["post"] as? [String: Any] {
                above.insert("\(author(of: post)) · \(date(of: post)?.iso8601 ?? "")\n\n\(text(of: post))", at: 0)
            } else {
                above.insert(missingText(node), at: 0)
            }
            parent = node["parent"] as? [String: Any]
        }
        let body = text(of: focal)
        let article = (above.map { "In reply to " + $0 } + [body]).joined(separator: "\n\n")
        let line = body.split(separator: "\n").first.map(String.init) ?? ""
        return Discussion(
            title: line.count > 80 ? String(line.prefix(79)) + "…" : (line.isEmpty ? "Bluesky thread" : line),
            sourceID: JSONFields.string(focal, "uri"), article: article, articleAuthor: author(of: focal),
            articleDate: date(of: focal), format: .bluesky,
            comments: FlatRecords.comments(records, keyPrefix: "bluesky:"))
    }

    private func record(_ node: [String: Any], parent: String?) -> FlatRecord {
        guard let post = node["post"] as? [String: Any] else {
            return FlatRecord(
                id: JSONFields.string(node, "uri") ?? "missing", parentID: parent, author: "", date: nil,
                body: missingText(node), isPlaceholder: true)
        }
        return FlatRecord(
            id: JSONFields.string(post, "uri") ?? "?", parentID: parent, author: author(of: post), date: date(of: post),
            body: text(of: post))
    }

    private func missingText(_ node: [String: Any]) -> String {
        let type = JSONFields.string(node, "$type") ?? ""
        if type.hasSuffix("#blockedPost") || node["blocked"] != nil { return "(a post blocked for this account)" }
        return "(a post that is deleted or not found)"
    }

    /// `Display Name (@handle)`, or the handle alone.
    private func author(of post: [String: Any]) -> String {
        let account = post["author"] as? [String: Any] ?? [:]
        let handle = JSONFields.string(account, "handle") ?? "(unknown)"
        guard let name = JSONFields.string(account, "displayName"), !name.isEmpty else { return "@" + handle }
        return "\(name) (@\(handle))"
    }

    private func date(of post: [String: Any]) -> Timestamp? {
        let record = post["record"] as? [String: Any] ?? [:]
        return JSONFields.isoDate(JSONFields.string(record, "createdAt") ?? JSONFields.string(post, "indexedAt"))
    }

    /// The post's text, then the link card or images it embeds, by address.
    private func text(of post: [String: Any]) -> String {
        let record = post["record"] as? [String: Any] ?? [:]
        var parts = [JSONFields.string(record, "text") ?? ""]
        if let embed = post["embed"] as? [String: Any] {
            if let external = embed["external"] as? [String: Any], let uri = JSONFields.string(external, "uri") {
                parts.append("[link: \(JSONFields.string(external, "title").map { $0 + " " } ?? "")\(uri)]")
            }
            for image in embed["images"] as? [[String: Any]] ?? [] {
                parts.append(
                    "[image: \(JSONFields.string(image, "alt").flatMap { $0.isEmpty ? nil : $0 } ?? JSONFields.string(image, "fullsize") ?? "")]"
                )
            }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}
