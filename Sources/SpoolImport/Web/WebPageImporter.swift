import SpoolCore

/// Imports a discussion copied as text from a web page (`--from web`).
///
/// Accepts the title on the first line, the article up to a count line ("16 Responses to
/// …", "N Comments", "N Replies", or a Markdown `**N Responses to “…”**`), then comments
/// whose header lines carry a list marker (`1.`, `1)`, `•`, `◦`, `-`, `*`), the author and a
/// date (see ``WebCommentHeader``). Reply depth comes from the indentation of the headers,
/// to any depth. Headers wrapped over several lines and a name line standing above its
/// header are joined. A Markdown export (front matter) has its soft-wrapped lines joined,
/// and a flat list whose replies open with `@Name:` is threaded under the latest earlier
/// comment by that name. Comment ids are the printed numbers where the page numbers its
/// comments (so a threaded mention reply keeps its place in the source order, readable as
/// `#11` in the article pane) and position paths (`4.2`) for unnumbered replies.
///
/// Throws ``ImportError`` for empty and binary input; text with no recognisable comments
/// opens as an article with a notice, and a stated count that disagrees with what was
/// found is a notice too, never an error.
public struct WebPageImporter: Sendable {
    public init() {}

    /// Parses `bytes` read from `file` (the name is used in messages only).
    ///
    /// ```swift
    /// let discussion = try WebPageImporter().parse(Array(data), file: "thread.txt")
    /// print(discussion.comments.count)
    /// ```
    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(try SourceText(bytes: bytes, file: file), file: file)
    }

    /// The same for bytes handed over: they are let go once decoded (a 57 MB page was held
    /// as bytes and as text at once).
    func parse(decoding bytes: consuming [UInt8], file: String) throws -> Discussion {
        try parse(try SourceText(bytes: consume bytes, file: file), file: file)
    }

    private func parse(_ source: SourceText, file: String) throws -> Discussion {
        var page = PageLayout(lines: source.lines)
        let headers = CommentHeaderScanner(lines: page.lines).scan(from: page.commentsStart)
        page.settleArticle(firstHeader: headers.first?.lineIndex)
        var comments = buildComments(headers: headers, page: page)
        if comments.allSatisfy({ $0.parent == nil }) { MentionThreading.link(&comments) }
        let title = page.title
        let lines = page.lines
        // Hashing every body is the import's largest single step: shared out over the cores.
        // A body kept as lines is hashed from them, as the text it stands for.
        let hashes = ParallelMap.map(count: comments.count) { [comments] index in
            let c = comments[index]
            guard let span = c.body.span else {
                return StableKey.contentHash(title: title, author: c.author, date: c.date, body: c.body.text)
            }
            var hasher = ContentHasher(title: title, author: c.author, date: c.date)
            BodyText.hash(lines[span], into: &hasher)
            return hasher.value
        }
        // Two comments with the same author, date and body get distinct keys by order.
        var occurrences: [UInt64: Int] = [:]
        occurrences.reserveCapacity(comments.count)
        for index in comments.indices {
            let occurrence = occurrences[hashes[index], default: 0] + 1
            occurrences[hashes[index]] = occurrence
            comments[index].key = StableKey(contentHash: hashes[index], occurrence: occurrence)
        }
        var discussion = Discussion(
            title: title, article: page.article, format: .web, comments: comments,
            notices: notices(stated: page.statedCount, found: comments.count, file: file))
        for found in headers {
            if let link = found.header.link, discussion.authorLinks[found.header.author] == nil {
                discussion.authorLinks[found.header.author] = link
            }
        }
        return discussion
    }

    private func buildComments(headers: [FoundHeader], page: PageLayout) -> [Comment] {
        var comments: [Comment] = []
        var stack: [(indent: Int, index: Int)] = []
        var usedIDs: Set<String> = []
        comments.reserveCapacity(headers.count)
        usedIDs.reserveCapacity(headers.count)
        var replyCounts: [Int: Int] = [:]
        var topLevelCount = 0
        // A Markdown body is rendered now; any other is made from its lines when shown.
        let bodies = page.isMarkdown ? nil : WebPageBodies(lines: page.lines)
        for (n, found) in headers.enumerated() {
            while let top = stack.last, top.indent >= found.indent { stack.removeLast() }
            let parent = stack.last?.index
            let bodyEnd = n + 1 < headers.count ? headers[n + 1].lineIndex : page.lines.count
            let bodyLines = (found.lineIndex + found.lineCount)..<bodyEnd
            var id: String
            if let parent {
                replyCounts[parent, default: 0] += 1
                id = comments[parent].id + "." + String(replyCounts[parent]!)
            } else {
                topLevelCount += 1
                if case .number(let number) = found.header.marker {
                    id = String(number)
                } else {
                    id = String(topLevelCount)
                }
            }
            if !usedIDs.insert(id).inserted {
                id += "~" + String(comments.count + 1)
                usedIDs.insert(id)
            }
            comments.append(
                Comment(
                    id: id, author: found.header.author, date: found.header.date,
                    body: bodies.map { CommentBody(source: $0, span: bodyLines) }
                        ?? CommentBody(BodyText.normalise(page.lines[bodyLines], markdown: true)), parent: parent))
            stack.append((found.indent, comments.count - 1))
        }
        return comments
    }

    private func notices(stated: Int?, found: Int, file: String) -> [String] {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        if found == 0 {
            return ["No comments recognised in \(name); showing it as an article."]
        }
        if let stated, stated != found {
            return ["The page says \(stated) responses; \(found) comments were found."]
        }
        return []
    }
}
