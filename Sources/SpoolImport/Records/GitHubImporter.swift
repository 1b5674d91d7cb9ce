import SpoolCore

/// Imports GitHub comments as the REST API lists them (`--from github`): issue, pull
/// request, commit and gist comments, and pull request review comments, which reply to
/// each other by `in_reply_to_id`. Each review comment starts with its file and line.
/// GraphQL dumps are read too (`GitHubGraphQL.swift`).
public struct GitHubImporter: Sendable {
    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(json: JSONFields.parse(bytes, file: file), file: file)
    }

    /// Whether `json` is a list of GitHub comments or a GraphQL dump.
    static func matches(_ json: Any) -> Bool {
        if graphQLRoot(json) != nil { return true }
        guard let list = json as? [[String: Any]], let first = list.first else { return false }
        return first["user"] is [String: Any] && first["body"] != nil && first["created_at"] != nil
    }

    func parse(json: Any, file: String) throws -> Discussion {
        if let root = GitHubImporter.graphQLRoot(json) { return graphQL(root) }
        guard GitHubImporter.matches(json), let list = json as? [[String: Any]] else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed(
                    "is JSON but not GitHub comments: expected a list of objects with `user`, `body` and `created_at`, as the REST API's comments endpoints give, or a GraphQL dump of a repository, an issue or a pull request with `comments`."
                ))
        }
        let records = list.map { comment -> FlatRecord in
            var context: String?
            let parentID = JSONFields.string(comment, "in_reply_to_id")
            // A review thread's first comment says where in the diff it is; replies do not repeat it.
            if parentID == nil, let path = JSONFields.string(comment, "path") {
                let line = JSONFields.int(comment, "line") ?? JSONFields.int(comment, "original_line")
                context = "On \(path)" + (line.map { " line \($0)" } ?? "") + ":"
                if let hunk = JSONFields.string(comment, "diff_hunk"), let last = hunk.split(separator: "\n").last {
                    context! += "\n> " + last
                }
            }
            return FlatRecord(
                id: JSONFields.string(comment, "id") ?? "?", parentID: parentID,
                author: JSONFields.name(comment, "user") ?? "(ghost)",
                date: JSONFields.isoDate(JSONFields.string(comment, "created_at")),
                body: JSONFields.string(comment, "body_html").map(HTMLText.plainText)
                    ?? JSONFields.string(comment, "body").map(MarkdownBody.plainText) ?? "",
                context: context)
        }
        let (title, sourceID) = GitHubImporter.origin(of: list.first ?? [:])
        return Discussion(
            title: title, sourceID: sourceID, article: nil, format: .github,
            comments: FlatRecords.comments(records, keyPrefix: "github:"))
    }

    /// A title and an id from the first comment's API address (`…/repos/o/r/issues/…`).
    static func origin(of comment: [String: Any]) -> (String?, String?) {
        let address =
            JSONFields.string(comment, "pull_request_url") ?? JSONFields.string(comment, "issue_url")
            ?? JSONFields.string(comment, "url") ?? ""
        let parts = address.split(separator: "/").map(String.init)
        if let repos = parts.firstIndex(of: "repos"), repos + 2 < parts.count {
            let repository = parts[repos + 1] + "/" + parts[repos + 2]
            if repos + 4 < parts.count, ["pulls", "issues"].contains(parts[repos + 3]), Int(parts[repos + 4]) != nil {
                let kind = parts[repos + 3] == "pulls" ? "pull request" : "issue"
                return ("\(repository) \(kind) #\(parts[repos + 4])", "\(repository)#\(parts[repos + 4])")
            }
            return ("\(repository) comments", repository)
        }
        if let gists = parts.firstIndex(of: "gists"), gists + 1 < parts.count {
            return ("Gist \(parts[gists + 1]) comments", "gist:\(parts[gists + 1])")
        }
        return (nil, nil)
    }
}
