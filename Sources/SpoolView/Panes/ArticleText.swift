import SpoolCore
import SpoolReader
import SpoolScreen

/// One wrapped line of the article pane and the role it is drawn in.
public struct ArticleLine: Equatable, Sendable {
    public var text: String
    public var role: ThemeRole
    /// A line that stands for folded text (a quote, a signature, a muted comment): a click
    /// on it shows what it hides.
    public var isFold = false
}

/// The wrapped lines of the article pane for a node at a width, cached for the last few
/// requests so scrolling a long comment wraps it once, not on every key (and inline mode,
/// which shows the article above the selection, does not wrap either again). Quoted blocks
/// longer than ``quoteFoldMinimum`` lines and signatures fold to one line each unless the
/// reader shows quoted text (`T`).
final class ArticleText: @unchecked Sendable {
    private struct Key: Hashable {
        let node: Int
        let width: Int
        let showsHeaders: Bool
        let folds: Folds
        let generation: Int
        let isMuted: Bool
        let isFlagged: Bool
    }

    /// What folds in the body being wrapped.
    private struct Folds: Hashable {
        var quotes: Bool
        var signature: Bool
    }

    private var cached: [(key: Key, lines: [ArticleLine])] = []
    private static let kept = 4
    /// What the body being wrapped folds (set per request, before wrapping).
    private var folds = Folds(quotes: false, signature: false)

    /// Quoted blocks of more lines than this fold; shorter ones read better in place.
    static let quoteFoldMinimum = 3

    func lines(for node: Int, width: Int, in reader: Reader, options: ReaderOptions) -> [ArticleLine] {
        let folding = !reader.showsQuotedText
        folds = Folds(quotes: folding, signature: folding && options.foldsSignatures)
        let key = Key(
            node: node, width: width, showsHeaders: reader.showsHeaders, folds: folds,
            generation: reader.layoutGeneration, isMuted: reader.isMuted(node), isFlagged: reader.isBookmarked(node))
        if let hit = cached.firstIndex(where: { $0.key == key }) { return cached[hit].lines }
        let lines =
            node == ThreadTree.root ? articleLines(reader, width: width) : commentLines(node, reader, width: width)
        if cached.count >= Self.kept { cached.removeFirst() }
        cached.append((key, lines))
        return lines
    }

    private func articleLines(_ reader: Reader, width: Int) -> [ArticleLine] {
        let discussion = reader.discussion
        var lines = wrap(discussion.title ?? discussion.sourceName ?? "Untitled discussion", width, .articleTitle)
        var meta = TreePane.countText(discussion, tree: reader.tree)
        if let author = discussion.articleAuthor { meta = author + " · " + meta }
        if let date = discussion.articleDate { meta += " · " + AgeText.absolute(date) }
        lines += wrap(meta, width, .articleMeta)
        lines.append(ArticleLine(text: "", role: .articleText))
        let missing =
            discussion.isArchive
            ? "Each top-level row is a thread; Enter or l opens one, Tab goes to the next unread message."
            : "(This discussion has no article text.)"
        lines += body(discussion.article ?? missing, width)
        for notice in discussion.notices {
            lines.append(ArticleLine(text: "", role: .articleText))
            lines += wrap(notice, width, .articleMeta)
        }
        return lines
    }

    private func commentLines(_ node: Int, _ reader: Reader, width: Int) -> [ArticleLine] {
        let comment = reader.comment(at: node)
        if comment.isPlaceholder && !comment.body.text.isEmpty {
            return wrap(comment.body.text, width, .articleMeta)
        }
        if comment.isPlaceholder {
            return wrap(TreePane.placeholderText, width, .articleAuthor) + wrap(comment.id, width, .articleMeta)
                + [ArticleLine(text: "", role: .articleText)]
                + body("Replies in this archive refer to this message, but the archive does not contain it.", width)
        }
        if reader.isMuted(node) {
            return folded(wrap(reader.mutedLine(node) + " \u{2014} x shows it", width, .articleMeta))
        }
        let headers = reader.showsHeaders ? comment.body.headerFields : []
        guard headers.isEmpty else { return headerLines(headers, width) + commentBody(comment, width) }
        var lines = wrap(comment.author, width, .articleAuthor)
        if let subject = comment.subject { lines += wrap(subject, width, .articleTitle) }
        var meta: [String] = []
        if let date = comment.date { meta.append(AgeText.absolute(date)) }
        meta.append(reader.discussion.isArchive ? comment.id : "#" + comment.id)
        if let score = comment.score { meta.append(ArticleText.points(score)) }
        if reader.isBookmarked(node) { meta.append("flagged") }
        if let link = reader.discussion.authorLinks[comment.author] { meta.append(link) }
        let parent = reader.tree.parent[node]
        if parent > ThreadTree.root && !reader.comment(at: parent).isPlaceholder {
            meta.append("reply to " + reader.comment(at: parent).author)
        }
        let replies = reader.tree.descendantCount(of: node)
        if replies > 0 { meta.append("\(replies) repl\(replies == 1 ? "y" : "ies") below") }
        lines += wrap(meta.joined(separator: " · "), width, .articleMeta)
        return lines + commentBody(comment, width)
    }

    /// `1 point`, `42 points`.
    static func points(_ score: Int) -> String { "\(score) point\(score == 1 || score == -1 ? "" : "s")" }

    /// A blank line, then the body.
    private func commentBody(_ comment: Comment, _ width: Int) -> [ArticleLine] {
        [ArticleLine(text: "", role: .articleText)]
            + body(comment.body.text.isEmpty ? "(empty comment)" : comment.body.text, width)
    }

    /// Full headers (`H`): `Name: value`, long values wrapped under their value.
    private func headerLines(_ fields: [HeaderField], _ width: Int) -> [ArticleLine] {
        let nameWidth = min(fields.map { $0.name.count + 2 }.max() ?? 0, max(0, width / 3))
        var lines: [ArticleLine] = []
        for field in fields {
            let label = field.name + ":" + String(repeating: " ", count: max(1, nameWidth - field.name.count - 1))
            let wrapped = WordWrap.lines(of: field.value, width: max(1, width - label.count))
            for (index, line) in wrapped.enumerated() {
                let text = (index == 0 ? label : String(repeating: " ", count: label.count)) + line
                lines.append(ArticleLine(text: text, role: field.name == "Subject" ? .articleTitle : .articleMeta))
            }
        }
        return lines
    }

    private func wrap(_ text: String, _ width: Int, _ role: ThemeRole) -> [ArticleLine] {
        WordWrap.lines(of: text, width: width).map { ArticleLine(text: $0, role: role) }
    }

    /// The most of one body the pane wraps: a longer body shows its start and how much is
    /// left, so even a 100 MB line costs bounded time and memory.
    static let displayLimit = 1_000_000

    /// Body text, with quoted lines (`>`) in the quote role; past ``displayLimit`` bytes a
    /// note says how much is not shown.
    private func body(_ text: String, _ width: Int) -> [ArticleLine] {
        let (shown, note) = ArticleText.bounded(text)
        guard let note else { return bodyLines(text, width) }
        return bodyLines(shown, width) + [ArticleLine(text: "", role: .articleText)] + wrap(note, width, .articleMeta)
    }

    /// `text` cut at ``displayLimit`` bytes (on a character boundary), and a note saying how
    /// much was left out, if anything was. Every pane that wraps a body goes through this.
    static func bounded(_ text: String) -> (String, String?) {
        guard text.utf8.count > displayLimit else { return (text, nil) }
        var cut = text.utf8.index(text.utf8.startIndex, offsetBy: displayLimit)
        while String.Index(cut, within: text) == nil && cut > text.startIndex { cut = text.utf8.index(before: cut) }
        let shown = String(text[..<cut])
        return (
            shown,
            "(\((text.utf8.count - shown.utf8.count) / 1024) KB more not shown: the body is longer than Spool displays)"
        )
    }

    private func bodyLines(_ text: String, _ width: Int) -> [ArticleLine] {
        var lines: [ArticleLine] = []
        let source = WordWrap.sourceLines(of: text)
        var index = 0
        while index < source.count {
            let line = source[index]
            if line == "-- " {
                // A signature: dimmed, or one line while folded.
                let rest = source.count - index - 1
                if folds.signature && rest > 0 {
                    lines += folded(
                        wrap("[-- signature, \(rest) line\(rest == 1 ? "" : "s") · T shows it]", width, .articleMeta))
                } else {
                    for signature in source[index...] { lines += wrap(String(signature), width, .articleMeta) }
                }
                return lines
            }
            let depth = Self.quoteDepth(line)
            if depth > 0 && folds.quotes {
                let end = source[index...].firstIndex { Self.quoteDepth($0) == 0 } ?? source.count
                if end - index > Self.quoteFoldMinimum {
                    lines += folded(
                        wrap(
                            "[\(String(repeating: ">", count: depth)) \(end - index) quoted lines · T shows them]",
                            width, Self.quoteRole(depth)))
                    index = end
                    continue
                }
            }
            lines += wrap(String(line), width, Self.quoteRole(depth))
            index += 1
        }
        return lines
    }

    /// `lines` marked as standing for folded text.
    private func folded(_ lines: [ArticleLine]) -> [ArticleLine] {
        lines.map { line in
            var fold = line
            fold.isFold = true
            return fold
        }
    }

    /// How many `>` a line starts with (spaces between them allowed).
    private static func quoteDepth(_ line: Substring) -> Int {
        line.prefix { $0 == ">" || $0 == " " }.filter { $0 == ">" }.count
    }

    private static func quoteRole(_ depth: Int) -> ThemeRole {
        depth == 0 ? .articleText : depth == 1 ? .articleQuote : depth == 2 ? .articleQuote2 : .articleQuote3
    }

    /// The first line at or after `start` that begins new text after a quote (`S`): a line
    /// of text whose nearest non-blank line above is quoted (or a folded quote).
    static func nextNewText(in lines: [ArticleLine], from start: Int) -> Int? {
        let quoteRoles: Set<ThemeRole> = [.articleQuote, .articleQuote2, .articleQuote3]
        var afterQuote = start > 0 && start - 1 < lines.count && quoteRoles.contains(lines[start - 1].role)
        var index = max(0, start)
        while index < lines.count {
            let line = lines[index]
            if quoteRoles.contains(line.role) {
                afterQuote = true
            } else if line.role == .articleText && !line.text.trimmingCharacters(in: .whitespaces).isEmpty {
                if afterQuote { return index }
            }
            index += 1
        }
        return nil
    }
}
