import SpoolCore

/// Imports a Disqus XML export (`--from disqus`): every thread that has posts is a thread
/// of the forest (its title, page address and first message at the top), its posts under
/// it by `<parent>`; an export with one such thread opens as that discussion. Deleted and
/// spam posts are kept and marked; a post whose thread the export does not define hangs
/// under a row that says so.
public struct DisqusImporter: Sendable {
    public init() {}

    /// Whether `bytes` start like a Disqus export (`<disqus` near the top).
    static func matches(_ bytes: [UInt8]) -> Bool {
        let start = String(decoding: bytes.prefix(2048), as: UTF8.self)
        return start.contains("<disqus") && (start.contains("disqus.com") || start.contains("<thread"))
    }

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        let root = try XMLElement.parse(bytes, file: file)
        guard root.name == "disqus" else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed("is XML but not a Disqus export: expected a `<disqus>` root element."))
        }
        var threads: [String: XMLElement] = [:]
        var threadOrder: [String] = []
        var posts: [XMLElement] = []
        for element in root.children {
            if element.name == "thread", let id = element.attributes["dsq:id"] {
                if threads[id] == nil { threadOrder.append(id) }
                threads[id] = element
            } else if element.name == "post" {
                posts.append(element)
            }
        }
        var postsByThread: [String: [XMLElement]] = [:]
        for post in posts {
            let thread = post.child("thread")?.attributes["dsq:id"] ?? "?"
            if threads[thread] == nil && postsByThread[thread] == nil { threadOrder.append(thread) }
            postsByThread[thread, default: []].append(post)
        }
        let withPosts = threadOrder.filter { postsByThread[$0] != nil }
        if withPosts.count == 1, let id = withPosts.first, let thread = threads[id] {
            let records = (postsByThread[id] ?? []).map { record(of: $0, threadNode: nil) }
            return Discussion(
                title: title(of: thread), sourceID: "disqus:thread:" + id, article: article(of: thread),
                articleAuthor: thread.child("author")?.value("name"),
                articleDate: JSONFields.isoDate(thread.value("createdAt")), format: .disqus,
                comments: FlatRecords.comments(records, keyPrefix: "disqus:"))
        }
        var records: [FlatRecord] = []
        for id in withPosts {
            let node = "thread:" + id
            if let thread = threads[id] {
                records.append(
                    FlatRecord(
                        id: node, author: thread.child("author")?.value("name") ?? "",
                        date: JSONFields.isoDate(thread.value("createdAt")), body: article(of: thread) ?? "",
                        subject: title(of: thread)))
            } else {
                records.append(
                    FlatRecord(
                        id: node, author: "", date: nil,
                        body: "(thread \(id), which this export does not define)", isPlaceholder: true))
            }
            records += (postsByThread[id] ?? []).map { record(of: $0, threadNode: node) }
        }
        let forum = root.child("category")?.value("forum")
        return Discussion(
            title: "Disqus export" + (forum.map { ": " + $0 } ?? ""), article: nil, format: .disqus,
            comments: FlatRecords.comments(records, keyPrefix: "disqus:"), isArchive: true)
    }

    private func record(of post: XMLElement, threadNode: String?) -> FlatRecord {
        let author = post.child("author")
        let name = author?.value("name") ?? author?.value("username") ?? "(anonymous)"
        var body = HTMLText.plainText(post.value("message") ?? "")
        if post.value("isDeleted") == "true" { body = "(deleted) " + body }
        if post.value("isSpam") == "true" { body = "(marked as spam) " + body }
        let id = post.attributes["dsq:id"] ?? post.value("id") ?? "?"
        return FlatRecord(
            id: id, parentID: post.child("parent")?.attributes["dsq:id"] ?? threadNode, author: name,
            date: JSONFields.isoDate(post.value("createdAt")), body: body)
    }

    /// Titles arrive escaped twice (`&amp;#039;`): the second layer is undone here.
    private func title(of thread: XMLElement) -> String? {
        (thread.value("title") ?? thread.value("link")).map(HTMLText.plainTextEntities)
    }

    private func article(of thread: XMLElement) -> String? {
        let parts = [thread.value("link"), thread.value("message").map(HTMLText.plainText)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
}
