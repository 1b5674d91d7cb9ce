import SpoolCore

/// Imports a WordPress export (WXR, `--from wordpress`): every post or page with comments
/// is a thread of the forest (its title, address and text at the top), its comments under
/// it by `comment_parent`; an export with one such post opens as that discussion.
/// Pingbacks, trackbacks and comments awaiting moderation are kept and marked; a
/// commenter's web address is kept for `u`. Real exports are not always well-formed in
/// their namespaces (an undeclared `atom:`): prefixes are read as part of names.
public struct WordPressImporter: Sendable {
    public init() {}

    /// Whether `bytes` start like a WordPress export.
    static func matches(_ bytes: [UInt8]) -> Bool {
        let start = String(decoding: bytes.prefix(4096), as: UTF8.self)
        return start.contains("<rss") && start.contains("wordpress.org/export")
    }

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        let root = try XMLElement.parse(bytes, file: file)
        guard root.name == "rss", let channel = root.child("channel") else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed("is XML but not a WordPress export: expected `<rss>` with a `<channel>`."))
        }
        let items = channel.children.filter { $0.name == "item" && $0.child("wp:comment") != nil }
        var links: [String: String] = [:]
        if items.count == 1, let item = items.first {
            let records = comments(of: item, under: nil, links: &links)
            var discussion = Discussion(
                title: item.value("title"), sourceID: item.value("guid") ?? item.value("link"),
                article: article(of: item),
                articleAuthor: item.value("dc:creator"), articleDate: date(of: item), format: .wordpress,
                comments: FlatRecords.comments(records, keyPrefix: "wordpress:"))
            discussion.authorLinks = links
            return discussion
        }
        var records: [FlatRecord] = []
        for item in items {
            let node = "post:" + (item.value("wp:post_id") ?? item.value("link") ?? "?")
            records.append(
                FlatRecord(
                    id: node, author: item.value("dc:creator") ?? "", date: date(of: item),
                    body: article(of: item) ?? "", subject: item.value("title") ?? item.value("link")))
            records += comments(of: item, under: node, links: &links)
        }
        var discussion = Discussion(
            title: channel.value("title").map { "WordPress export: " + $0 } ?? "WordPress export",
            sourceID: channel.value("link"), article: nil, format: .wordpress,
            comments: FlatRecords.comments(records, keyPrefix: "wordpress:"), isArchive: true)
        discussion.authorLinks = links
        return discussion
    }

    /// The item's comments, ids made unique within the export by the post's id.
    private func comments(of item: XMLElement, under node: String?, links: inout [String: String]) -> [FlatRecord] {
        let post = item.value("wp:post_id") ?? "?"
        return item.children.filter { $0.name == "wp:comment" }.map { comment in
            let author = comment.value("wp:comment_author") ?? "(anonymous)"
            if let url = comment.value("wp:comment_author_url"), url.hasPrefix("http"), links[author] == nil {
                links[author] = url
            }
            var body = HTMLText.plainText(comment.value("wp:comment_content") ?? "")
            if let type = comment.value("wp:comment_type"), type == "pingback" || type == "trackback" {
                body = "(\(type)) " + body
            }
            if comment.value("wp:comment_approved") == "0" { body = "(awaiting moderation) " + body }
            let parent = comment.value("wp:comment_parent").flatMap { $0 == "0" ? nil : "\(post)/\($0)" }
            let stamp = comment.value("wp:comment_date_gmt").flatMap { $0.hasPrefix("0000") ? nil : $0 }
            return FlatRecord(
                id: "\(post)/\(comment.value("wp:comment_id") ?? "?")", parentID: parent ?? node, author: author,
                date: JSONFields.isoDate(stamp ?? comment.value("wp:comment_date")), body: body)
        }
    }

    private func date(of item: XMLElement) -> Timestamp? {
        let stamp = item.value("wp:post_date_gmt").flatMap { $0.hasPrefix("0000") ? nil : $0 }
        return JSONFields.isoDate(stamp ?? item.value("wp:post_date"))
    }

    private func article(of item: XMLElement) -> String? {
        let parts = [item.value("link"), item.value("content:encoded").map(HTMLText.plainText)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
}
