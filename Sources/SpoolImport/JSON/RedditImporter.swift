import Foundation
import SpoolCore

/// Imports a Reddit post page's `.json` (`--from reddit`): a list of two listings, the
/// `t3` post (the article) and its `t1` comments with nested `replies`.
///
/// `more` stubs become rows reading "N more replies not in this export"; `[deleted]` and
/// `[removed]` comments are shown as such. Bodies are Reddit's Markdown with its HTML
/// entities decoded. A permalink (context) export, rooted at one comment, works too.
public struct RedditImporter: Sendable {
    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(json: JSONFields.parse(bytes, file: file), file: file)
    }

    /// Imports an already parsed JSON value (sniffing parses the file once for every importer).
    func parse(json: Any, file: String) throws -> Discussion {
        guard let listings = json as? [[String: Any]], listings.count >= 2,
            let postChildren = RedditImporter.children(listings[0]),
            let commentChildren = RedditImporter.children(listings[1])
        else {
            throw ImportError(file: file, line: 1, reason: .malformed(RedditImporter.expected))
        }
        let post = postChildren.first.flatMap { $0["data"] as? [String: Any] }
        var comments: [Comment] = []
        var stack: [(thing: [String: Any], parent: Int?)] = commentChildren.reversed().map { ($0, nil) }
        while let (thing, parent) = stack.popLast() {
            guard let data = thing["data"] as? [String: Any] else { continue }
            if JSONFields.string(thing, "kind") == "more" {
                comments.append(moreStub(data, parent: parent))
                continue
            }
            comments.append(comment(data, parent: parent))
            let index = comments.count - 1
            if let replies = data["replies"] as? [String: Any], let children = RedditImporter.children(replies) {
                stack.append(contentsOf: children.reversed().map { ($0, index) })
            }
        }
        return Discussion(
            title: post.flatMap { JSONFields.string($0, "title") }.map(HTMLText.plainTextEntities),
            sourceID: post.flatMap { JSONFields.string($0, "id") },
            article: post.flatMap(article), articleAuthor: post.flatMap { JSONFields.string($0, "author") },
            articleDate: post.flatMap { JSONFields.unixDate($0, "created_utc") }, format: .reddit, comments: comments)
    }

    static let expected =
        "is JSON but not a Reddit post page: expected a list of two listings (`[{\"kind\": \"Listing\", …}, {…}]`) as `/comments/ID/.json` gives."

    static func children(_ listing: [String: Any]) -> [[String: Any]]? {
        guard JSONFields.string(listing, "kind") == "Listing", let data = listing["data"] as? [String: Any] else {
            return nil
        }
        return data["children"] as? [[String: Any]]
    }

    private func comment(_ data: [String: Any], parent: Int?) -> Comment {
        let sourceID = JSONFields.string(data, "id") ?? JSONFields.string(data, "name")
        let source = HTMLText.plainTextEntities(JSONFields.string(data, "body") ?? "")
        var body = RedditImporter.text(data, markdown: "body", html: "body_html") ?? ""
        if source == "[deleted]" || source == "[removed]" { body = "(\(source.dropFirst().dropLast()))" }
        let author = JSONFields.string(data, "author") ?? "[deleted]"
        let date = JSONFields.unixDate(data, "created_utc")
        // A comment without an id keys by its source text, so ids never collide and marks stay stable.
        let key =
            sourceID.map { StableKey.sourceID("reddit:" + $0) }
            ?? .content(title: "reddit", author: author, date: date, body: source)
        var comment = Comment(id: sourceID ?? "?", key: key, author: author, date: date, body: body, parent: parent)
        // A score Reddit hides (a new comment in some subreddits) is not shown as a number.
        if !JSONFields.bool(data, "score_hidden") { comment.score = JSONFields.int(data, "score") }
        return comment
    }

    /// A text as Reddit shows it: its HTML (`body_html`, escaped once more) when the export
    /// has it, else its Markdown (`body`, with `&gt;` `&lt;` `&amp;` escaped) rendered.
    private static func text(_ data: [String: Any], markdown: String, html: String) -> String? {
        if let escaped = JSONFields.string(data, html), !escaped.isEmpty {
            return HTMLText.plainText(HTMLText.plainTextEntities(escaped))
        }
        return JSONFields.string(data, markdown).map { MarkdownBody.plainText(HTMLText.plainTextEntities($0)) }
    }

    private func moreStub(_ data: [String: Any], parent: Int?) -> Comment {
        let count = JSONFields.int(data, "count") ?? (data["children"] as? [Any])?.count ?? 0
        let id = JSONFields.string(data, "id") ?? "more"
        let text =
            count == 0
            ? "More replies not in this export" : "\(count) more repl\(count == 1 ? "y" : "ies") not in this export"
        return Comment(id: "more:" + id, author: "", date: nil, body: text, parent: parent, isPlaceholder: true)
    }

    private func article(_ post: [String: Any]) -> String? {
        var parts: [String] = []
        if let url = JSONFields.string(post, "url"), !url.isEmpty, !JSONFields.bool(post, "is_self") {
            parts.append(url)
        }
        if let text = RedditImporter.text(post, markdown: "selftext", html: "selftext_html"), !text.isEmpty {
            parts.append(text)
        }
        if let score = JSONFields.int(post, "score") {
            let count = JSONFields.int(post, "num_comments").map { " · \($0) comments on Reddit" } ?? ""
            parts.append("\(score) points\(count)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
}
