import SpoolCore

/// Imports a Mastodon thread (`--from mastodon`): a status context
/// (`/api/v1/statuses/ID/context`: `ancestors` and `descendants`) or a single status.
/// Descendants form the tree (the focal status is not in a context; replies to it are
/// top-level); ancestors are shown above, in the article; a single status is the article.
public struct MastodonImporter: Sendable {
    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(json: JSONFields.parse(bytes, file: file), file: file)
    }

    /// Whether `json` is a status context or a status.
    static func matches(_ json: Any) -> Bool {
        guard let object = json as? [String: Any] else { return false }
        if object["descendants"] is [[String: Any]] && object["ancestors"] is [[String: Any]] { return true }
        return isStatus(object)
    }

    private static func isStatus(_ object: [String: Any]) -> Bool {
        object["account"] is [String: Any] && object["content"] != nil && object["in_reply_to_id"] != nil
    }

    func parse(json: Any, file: String) throws -> Discussion {
        guard let object = json as? [String: Any], MastodonImporter.matches(json) else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed(
                    "is JSON but not a Mastodon thread: expected a status context (`ancestors`, `descendants`) or a status."
                ))
        }
        if MastodonImporter.isStatus(object) {
            return Discussion(
                title: title(of: object), sourceID: JSONFields.string(object, "id"), article: text(of: object),
                articleAuthor: author(of: object), articleDate: date(of: object), format: .mastodon, comments: [])
        }
        let ancestors = object["ancestors"] as? [[String: Any]] ?? []
        let descendants = object["descendants"] as? [[String: Any]] ?? []
        let records = descendants.map { status in
            FlatRecord(
                id: JSONFields.string(status, "id") ?? "?", parentID: JSONFields.string(status, "in_reply_to_id"),
                author: author(of: status), date: date(of: status), body: text(of: status))
        }
        let ids = Set(records.map(\.id))
        let headed = { (status: [String: Any]) in
            "\(author(of: status)) · \(date(of: status)?.iso8601 ?? "")\n\n\(text(of: status))"
        }
        var article = ancestors.map(headed)
        // Spool's form of a fetched thread adds the focal status itself as `status`; under
        // the statuses it answers, it is headed like them.
        if let status = object["status"] as? [String: Any], MastodonImporter.isStatus(status) {
            article.append(ancestors.isEmpty ? text(of: status) : headed(status))
            return Discussion(
                title: title(of: status), sourceID: JSONFields.string(status, "id"),
                article: article.joined(separator: "\n\n"), articleAuthor: author(of: status),
                articleDate: date(of: status), format: .mastodon,
                comments: FlatRecords.comments(records, keyPrefix: "mastodon:"))
        }
        // The focal status: what the replies that are not replies to each other answer.
        let focal = records.lazy.compactMap(\.parentID).first { !ids.contains($0) }
        if ancestors.isEmpty {
            article.append(
                "Replies to status \(focal ?? "?"), which this file does not hold (a context lists only what is above and below it)."
            )
        }
        return Discussion(
            title: "Mastodon thread" + (focal.map { " \($0)" } ?? ""), sourceID: focal,
            article: article.joined(separator: "\n\n"), format: .mastodon,
            comments: FlatRecords.comments(records, keyPrefix: "mastodon:"))
    }

    /// `Display Name (@user@host)`, or the account name alone.
    private func author(of status: [String: Any]) -> String {
        let account = status["account"] as? [String: Any] ?? [:]
        let acct = JSONFields.string(account, "acct") ?? JSONFields.string(account, "username") ?? "(unknown)"
        guard let name = JSONFields.string(account, "display_name"), !name.isEmpty else { return "@" + acct }
        return "\(name) (@\(acct))"
    }

    private func date(of status: [String: Any]) -> Timestamp? {
        JSONFields.isoDate(JSONFields.string(status, "created_at"))
    }

    /// The content as text, after its content warning; attachments listed by kind and address.
    private func text(of status: [String: Any]) -> String {
        var parts: [String] = []
        if let warning = JSONFields.string(status, "spoiler_text"), !warning.isEmpty { parts.append("CW: " + warning) }
        parts.append(HTMLText.plainText(JSONFields.string(status, "content") ?? ""))
        for media in status["media_attachments"] as? [[String: Any]] ?? [] {
            let kind = JSONFields.string(media, "type") ?? "media"
            let address = JSONFields.string(media, "url") ?? ""
            parts.append("[\(kind): \(address)]")
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private func title(of status: [String: Any]) -> String {
        let text = HTMLText.plainText(JSONFields.string(status, "content") ?? "")
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.count > 80 ? String(line.prefix(79)) + "…" : (line.isEmpty ? "Mastodon status" : line)
    }
}
