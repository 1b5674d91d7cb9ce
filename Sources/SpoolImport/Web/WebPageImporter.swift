import Foundation
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
    /// How far apart the parts a page is split in begin at least; nil: by its size.
    private let partSize: Int?

    public init() { partSize = nil }

    /// An importer that splits pages in parts `partSize` bytes apart (tests use small parts
    /// to show that parts change nothing).
    init(partSize: Int) { self.partSize = partSize }

    /// How far apart parts begin: 64 KiB, so that a part's bytes and text (held at once on
    /// each core) stay below the allocator's threshold for blocks mapped on their own and
    /// in the cache: each is carved from memory the part before freed, where 2 MiB parts
    /// were mapped, zeroed by page faults and unmapped (a 100k-comment page has hundreds).
    private static let defaultPartSize = 64 << 10

    /// Parses `bytes` read from `file` (the name is used in messages only).
    ///
    /// ```swift
    /// let discussion = try WebPageImporter().parse(Array(data), file: "thread.txt")
    /// print(discussion.comments.count)
    /// ```
    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(store: ByteStore(bytes: bytes, path: file), file: file)
    }

    /// Parses the page in `store`, which stays its comments' source: a body is read from it
    /// again when it is shown, and the page's text is never held whole.
    func parse(store: ByteStore, file: String) throws -> Discussion {
        let page = try PageFile(
            store: store, file: file, partSize: partSize ?? Self.defaultPartSize)
        var layout = try firstLayout(of: page, file: file)
        var scans = scanParts(of: page, layout: layout, allowUnmarked: false)
        if layout.countSearchStart != nil, let part = scans.firstIndex(where: { $0.countLine != nil }),
            let count = scans[part].countLine
        {
            // The comments begin after the count line: nothing before it is a comment.
            layout.found(count.line, at: count.index)
            for earlier in 0..<part { scans[earlier] = PartScan() }
            scans[part] = scan(part: part, of: page, layout: layout, allowUnmarked: false) ?? PartScan(unread: true)
        }
        if scans.allSatisfy({ $0.headers.isEmpty }) {
            scans = scanParts(of: page, layout: layout, allowUnmarked: true)
        }
        if scans.contains(where: { $0.unread }) {
            throw ImportError(file: file, reason: .unreadable(PageFile.changed))
        }
        let headers = scans.flatMap(\.headers)
        let bodies = try self.bodies(of: headers, scans: scans, page: page, layout: layout, file: file)
        layout.settleArticle(firstHeader: headers.first?.lineIndex)
        guard let articleLines = page.lines(layout.articleRange) else {
            throw ImportError(file: file, reason: .unreadable(PageFile.changed))
        }
        let article = BodyText.normalise(articleLines[layout.articleRange], markdown: layout.isMarkdown)
        var comments = buildComments(
            headers: headers, bodies: bodies, keys: Self.keys(of: bodies), source: WebPageBodies(page: page),
            lineCount: page.lineCount)
        if comments.allSatisfy({ $0.parent == nil }) {
            MentionThreading.link(&comments, mentions: bodies.map(\.mention))
        }
        var discussion = Discussion(
            title: layout.title, article: article.isEmpty ? nil : article, format: .web, comments: comments,
            notices: notices(stated: layout.statedCount, found: comments.count, file: file))
        for found in headers {
            if let link = found.header.link, discussion.authorLinks[found.header.author] == nil {
                discussion.authorLinks[found.header.author] = link
            }
        }
        return discussion
    }

    /// The layout of the page's start, from as few of its first lines as tell it.
    private func firstLayout(of page: PageFile, file: String) throws -> PageLayout {
        var count = min(page.lineCount, 256)
        while true {
            guard let lines = page.lines(0..<count) else {
                throw ImportError(file: file, reason: .unreadable(PageFile.changed))
            }
            if let layout = PageLayout(firstLines: lines, lineCount: page.lineCount) { return layout }
            count = min(page.lineCount, count * 4)
        }
    }

    /// What a part of the page holds: its headers, the body of each but the last (whose
    /// body may go on into the next parts), and its first count line.
    private struct PartScan: Sendable {
        var headers: [FoundHeader] = []
        var bodies: [ScannedBody] = []
        var countLine: (index: Int, line: CountLine)?
        /// True when the file no longer held the part.
        var unread = false
    }

    /// A comment's body as its key and mention threading need it: the hash its key is made
    /// from, the name it opens with, and its text when that is made at import (Markdown).
    private struct ScannedBody: Sendable {
        let hash: UInt64
        let mention: String?
        let text: String?
    }

    /// Every part scanned on the cores, a part at a time on each; parts wholly before the
    /// comments and the count line are not read.
    private func scanParts(of page: PageFile, layout: PageLayout, allowUnmarked: Bool) -> [PartScan] {
        let first = min(layout.commentsStart, layout.countSearchStart ?? layout.commentsStart)
        return ParallelMap.map(count: page.partCount, minimumPerPart: 1) { part in
            guard page.lineNumbers(ofPart: part).upperBound > first else { return PartScan() }
            return scan(part: part, of: page, layout: layout, allowUnmarked: allowUnmarked)
                ?? PartScan(unread: true)
        }
    }

    /// The headers, bodies and first count line of part `part`; nil when the file no longer
    /// holds it.
    private func scan(part: Int, of page: PageFile, layout: PageLayout, allowUnmarked: Bool) -> PartScan? {
        guard let lines = page.lines(ofPart: part) else { return nil }
        var scan = PartScan()
        scan.headers = CommentHeaderScanner(
            lines: lines, commentsStart: layout.commentsStart, allowUnmarked: allowUnmarked
        ).scan()
        for (header, next) in zip(scan.headers, scan.headers.dropFirst()) {
            let span = (header.lineIndex + header.lineCount)..<next.lineIndex
            scan.bodies.append(body(lines[span], of: header, title: layout.title, markdown: layout.isMarkdown))
        }
        if let start = layout.countSearchStart { scan.countLine = CountLine.first(in: lines, from: start) }
        return scan
    }

    /// Every header's body in order: those the parts scanned, and the last of each part's
    /// read again up to the next part's first header (on the cores: a page has hundreds of
    /// parts).
    private func bodies(of headers: [FoundHeader], scans: [PartScan], page: PageFile, layout: PageLayout, file: String)
        throws -> [ScannedBody]
    {
        let (title, markdown) = (layout.title, layout.isMarkdown)
        // The index of each part's first header, and then the number of headers.
        let firstHeaders = scans.reduce(into: [0]) { starts, scan in starts.append(starts.last! + scan.headers.count) }
        let parts = scans.indices.filter { !scans[$0].headers.isEmpty }
        // Each part's last body, nil when the file no longer holds it.
        let lastBodies = ParallelMap.map(count: parts.count, minimumPerPart: 16) { n -> ScannedBody? in
            let next = firstHeaders[parts[n] + 1]
            let last = headers[next - 1]
            let span =
                (last.lineIndex + last.lineCount)..<(next < headers.count ? headers[next].lineIndex : page.lineCount)
            guard let lines = page.lines(span) else { return nil }
            return body(lines[span], of: last, title: title, markdown: markdown)
        }
        var bodies: [ScannedBody] = []
        bodies.reserveCapacity(headers.count)
        for (part, last) in zip(parts, lastBodies) {
            guard let last else { throw ImportError(file: file, reason: .unreadable(PageFile.changed)) }
            bodies += scans[part].bodies
            bodies.append(last)
        }
        return bodies
    }

    /// The body in `lines` of the comment under `header`.
    private func body(_ lines: Slice<SourceText.Lines>, of header: FoundHeader, title: String?, markdown: Bool)
        -> ScannedBody
    {
        let author = header.header.author
        let date = header.header.date
        if markdown {
            // A Markdown body is rendered now: its inline links change the text.
            let text = BodyText.normalise(lines, markdown: true)
            return ScannedBody(
                hash: StableKey.contentHash(title: title, author: author, date: date, body: text),
                mention: MentionThreading.mention(in: text), text: text)
        }
        // Any other is hashed from its lines, as the text it stands for, and made when shown.
        var hasher = ContentHasher(title: title, author: author, date: date)
        BodyText.hash(lines, into: &hasher)
        return ScannedBody(hash: hasher.value, mention: MentionThreading.mention(opening: lines), text: nil)
    }

    /// Each comment's key, from its body's hash: two comments with the same author, date
    /// and body get distinct keys by order (occurrences counted in order, keys made on the
    /// cores).
    private static func keys(of bodies: [ScannedBody]) -> [StableKey] {
        var occurrences: [UInt64: Int] = [:]
        occurrences.reserveCapacity(bodies.count)
        func counted(_ count: inout Int) -> Int {
            count += 1
            return count
        }
        let counts = bodies.map { counted(&occurrences[$0.hash, default: 0]) }
        return ParallelMap.map(count: bodies.count) { StableKey(contentHash: bodies[$0].hash, occurrence: counts[$0]) }
    }

    private func buildComments(
        headers: [FoundHeader], bodies: [ScannedBody], keys: [StableKey], source: WebPageBodies, lineCount: Int
    ) -> [Comment] {
        var comments: [Comment] = []
        var stack: [(indent: Int, index: Int)] = []
        comments.reserveCapacity(headers.count)
        // A reply's id is its parent's and its place among the parent's replies, so it is
        // new when its parent's is: only a top-level number can repeat (a page that numbers
        // its comments twice over), and is then told apart by `~` and the comment's place.
        var usedNumbers: Set<Int> = []
        var replyCounts = [Int](repeating: 0, count: headers.count)
        // The ids apart: a comment's `id` read from the array copies the whole comment.
        var ids: [String] = []
        ids.reserveCapacity(headers.count)
        var topLevelCount = 0
        for (n, found) in headers.enumerated() {
            while let top = stack.last, top.indent >= found.indent { stack.removeLast() }
            let parent = stack.last?.index
            let bodyEnd = n + 1 < headers.count ? headers[n + 1].lineIndex : lineCount
            let bodyLines = (found.lineIndex + found.lineCount)..<bodyEnd
            var id: String
            if let parent {
                replyCounts[parent] += 1
                id = ids[parent] + "." + String(replyCounts[parent])
            } else {
                topLevelCount += 1
                var number = topLevelCount
                if case .number(let printed) = found.header.marker { number = printed }
                id = String(number)
                if !usedNumbers.insert(number).inserted { id += "~" + String(comments.count + 1) }
            }
            ids.append(id)
            comments.append(
                Comment(
                    id: id, key: keys[n], author: found.header.author, date: found.header.date,
                    body: bodies[n].text.map { CommentBody($0) } ?? CommentBody(source: source, span: bodyLines),
                    parent: parent))
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
