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
        if restThread(json) != nil || graphQLRoot(json) != nil { return true }
        guard let list = json as? [[String: Any]], let first = list.first else { return false }
        return first["user"] is [String: Any] && first["body"] != nil && first["created_at"] != nil
    }

    func parse(json: Any, file: String) throws -> Discussion {
        if let (issue, comments) = GitHubImporter.restThread(json) { return thread(issue, comments) }
        if let root = GitHubImporter.graphQLRoot(json) { return graphQL(root) }
        guard GitHubImporter.matches(json), let list = json as? [[String: Any]] else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed(
                    "is JSON but not GitHub comments: expected a list of objects with `user`, `body` and `created_at`, as the REST API's comments endpoints give, or a GraphQL dump of a repository, an issue or a pull request with `comments`."
                ))
        }
        let (title, sourceID) = GitHubImporter.origin(of: list.first ?? [:])
        return Discussion(
            title: title, sourceID: sourceID, article: nil, format: .github,
            comments: FlatRecords.comments(list.map(record), keyPrefix: "github:"))
    }

    /// Spool's form of a fetched issue or pull request: `{"issue": {…}, "issue_comments": […],
    /// "review_comments": […]}`, the REST answers as they came.
    static func restThread(_ json: Any) -> (issue: [String: Any], comments: [[String: Any]])? {
        guard let object = json as? [String: Any], let issue = object["issue"] as? [String: Any],
            let comments = object["issue_comments"] as? [[String: Any]]
        else { return nil }
        return (issue, comments + (object["review_comments"] as? [[String: Any]] ?? []))
    }

    /// An issue or pull request with its body as the article and every comment in date order.
    private func thread(_ issue: [String: Any], _ comments: [[String: Any]]) -> Discussion {
        let (_, sourceID) = GitHubImporter.origin(of: issue)
        let number = JSONFields.int(issue, "number").map { "#\($0)" } ?? ""
        let heading = [sourceID?.split(separator: "#").first.map(String.init), number].compactMap { $0 }
            .joined(separator: " ")
        let title = [heading, JSONFields.string(issue, "title")].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: ": ")
        let records = comments.map(record).enumerated()
            .sorted {
                ($0.element.date?.secondsSinceEpoch ?? 0, $0.offset) < (
                    $1.element.date?.secondsSinceEpoch ?? 0, $1.offset
                )
            }
            .map(\.element)
        return Discussion(
            title: title.isEmpty ? nil : title, sourceID: sourceID, article: body(of: issue),
            articleAuthor: JSONFields.name(issue, "user"),
            articleDate: JSONFields.isoDate(JSONFields.string(issue, "created_at")), format: .github,
            comments: FlatRecords.comments(records, keyPrefix: "github:"))
    }

    /// One REST comment; a review thread's first comment says where in the diff it is.
    private func record(_ comment: [String: Any]) -> FlatRecord {
        var context: String?
        let parentID = JSONFields.string(comment, "in_reply_to_id")
        // Replies in a review thread do not repeat the place.
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
            date: JSONFields.isoDate(JSONFields.string(comment, "created_at")), body: body(of: comment),
            context: context)
    }

    private func body(of item: [String: Any]) -> String {
        JSONFields.string(item, "body_html").map(HTMLText.plainText)
            ?? JSONFields.string(item, "body").map(MarkdownBody.plainText) ?? ""
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
