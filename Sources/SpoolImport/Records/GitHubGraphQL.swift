import SpoolCore

/// GitHub GraphQL dumps (`--from github`): a repository with `issues` and `pullRequests`
/// (a forest, one thread per issue or pull request), or one issue or pull request (its body
/// is the article). Comments answer the issue; a review's comments go under the review and
/// answer each other by `replyTo`. Lists may come bare, as `{nodes: […]}` or as
/// `{edges: [{node: …}]}`, and the whole may sit in `{"data": {"repository": …}}`.
extension GitHubImporter {
    /// The repository, issue or pull request object in `json`, if it is a GraphQL dump.
    static func graphQLRoot(_ json: Any) -> [String: Any]? {
        var object = json as? [String: Any]
        if let data = object?["data"] as? [String: Any] { object = data }
        if let repository = object?["repository"] as? [String: Any] { object = repository }
        guard var root = object else { return nil }
        for key in ["issue", "pullRequest"] {
            if let item = root[key] as? [String: Any] { root = item }
        }
        let isRepository = root["issues"] != nil || root["pullRequests"] != nil
        let isItem = root["comments"] != nil && (root["author"] != nil || root["number"] != nil)
        return isRepository || isItem ? root : nil
    }

    func graphQL(_ root: [String: Any]) -> Discussion {
        var records: [FlatRecord] = []
        if root["issues"] != nil || root["pullRequests"] != nil {
            for item in Self.nodes(root["issues"]) + Self.nodes(root["pullRequests"]) {
                let id = JSONFields.string(item, "id") ?? "?"
                records.append(
                    record(
                        item, id: id, parentID: nil,
                        prefix:
                            "#\(JSONFields.int(item, "number").map(String.init) ?? "?") \(JSONFields.string(item, "title") ?? "")"
                    ))
                records += replies(to: item, id: id)
            }
            let owner = JSONFields.name(root, "owner").map { $0 + "/" } ?? ""
            let name = owner + (JSONFields.string(root, "name") ?? "repository")
            return Discussion(
                title: "\(name): issues and pull requests", sourceID: JSONFields.string(root, "url"), article: nil,
                format: .github, comments: FlatRecords.comments(records, keyPrefix: "github:"))
        }
        records = replies(to: root, id: nil)
        let kind = root["reviews"] != nil || root["baseRefName"] != nil ? "pull request" : "issue"
        let number = JSONFields.int(root, "number").map { " #\($0)" } ?? ""
        return Discussion(
            title: JSONFields.string(root, "title") ?? "GitHub \(kind)\(number)",
            sourceID: JSONFields.string(root, "url"),
            article: Self.body(root), articleAuthor: JSONFields.name(root, "author"),
            articleDate: JSONFields.isoDate(JSONFields.string(root, "createdAt")), format: .github,
            comments: FlatRecords.comments(records, keyPrefix: "github:"))
    }

    /// The comments and reviews of an issue or pull request, under `id` (nil: top level).
    private func replies(to item: [String: Any], id: String?) -> [FlatRecord] {
        var records = Self.nodes(item["comments"]).map {
            record($0, id: JSONFields.string($0, "id") ?? "?", parentID: id, prefix: nil)
        }
        for review in Self.nodes(item["reviews"]) {
            let reviewID = JSONFields.string(review, "id") ?? "?"
            let state = JSONFields.string(review, "state").map { "Review: \($0.lowercased().replacingUnderscores)" }
            records.append(record(review, id: reviewID, parentID: id, prefix: state ?? "Review"))
            for comment in Self.nodes(review["comments"]) {
                let replyTo = (comment["replyTo"] as? [String: Any]).flatMap { JSONFields.string($0, "id") }
                let path = JSONFields.string(comment, "path")
                let line = JSONFields.int(comment, "line") ?? JSONFields.int(comment, "originalLine")
                var entry = record(
                    comment, id: JSONFields.string(comment, "id") ?? "?", parentID: replyTo ?? reviewID, prefix: nil)
                if replyTo == nil, let path { entry.context = "On \(path)" + (line.map { " line \($0)" } ?? "") + ":" }
                records.append(entry)
            }
        }
        return records
    }

    private func record(_ item: [String: Any], id: String, parentID: String?, prefix: String?) -> FlatRecord {
        let body = Self.body(item) ?? ""
        return FlatRecord(
            id: id, parentID: parentID, author: JSONFields.name(item, "author") ?? "(ghost)",
            date: JSONFields.isoDate(JSONFields.string(item, "createdAt")),
            body: [prefix, body.isEmpty ? nil : body].compactMap { $0 }.joined(separator: "\n\n"))
    }

    /// The text GitHub shows: `bodyHTML`, else `bodyText`, else the Markdown `body` rendered.
    private static func body(_ item: [String: Any]) -> String? {
        JSONFields.string(item, "bodyHTML").map(HTMLText.plainText) ?? JSONFields.string(item, "bodyText")
            ?? JSONFields.string(item, "body").map(MarkdownBody.plainText)
    }

    /// A GraphQL list as objects, however it is wrapped.
    private static func nodes(_ value: Any?) -> [[String: Any]] {
        if let list = value as? [[String: Any]] { return list }
        guard let connection = value as? [String: Any] else { return [] }
        if let nodes = connection["nodes"] as? [[String: Any]] { return nodes }
        return ((connection["edges"] as? [[String: Any]]) ?? []).compactMap { $0["node"] as? [String: Any] }
    }
}

extension String {
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
