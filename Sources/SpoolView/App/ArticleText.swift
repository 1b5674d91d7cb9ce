import SpoolCore

/// One wrapped line of the article pane and the role it is drawn in.
public struct ArticleLine: Equatable, Sendable {
    public var text: String
    public var role: ThemeRole
}

/// The wrapped lines of the article pane for a node at a width, cached for the last
/// request so scrolling a long comment wraps it once, not on every key.
final class ArticleText: @unchecked Sendable {
    private var cachedKey: (node: Int, width: Int)?
    private var cachedLines: [ArticleLine] = []

    func lines(for node: Int, width: Int, in app: App) -> [ArticleLine] {
        if let key = cachedKey, key.node == node, key.width == width { return cachedLines }
        let lines = node == ThreadTree.root ? articleLines(app, width: width) : commentLines(node, app, width: width)
        cachedKey = (node, width)
        cachedLines = lines
        return lines
    }

    private func articleLines(_ app: App, width: Int) -> [ArticleLine] {
        let discussion = app.discussion
        var lines = wrap(discussion.title ?? discussion.sourceName ?? "Untitled discussion", width, .articleTitle)
        var meta = TreePane.countText(discussion, tree: app.tree)
        if let author = discussion.articleAuthor { meta = author + " · " + meta }
        if let date = discussion.articleDate { meta += " · " + AgeText.absolute(date) }
        lines += wrap(meta, width, .articleMeta)
        lines.append(ArticleLine(text: "", role: .articleText))
        let missing = discussion.isArchive ? "Each top-level row is a thread; Enter or l opens one, Tab goes to the next unread message." : "(This discussion has no article text.)"
        lines += body(discussion.article ?? missing, width)
        for notice in discussion.notices {
            lines.append(ArticleLine(text: "", role: .articleText))
            lines += wrap(notice, width, .articleMeta)
        }
        return lines
    }

    private func commentLines(_ node: Int, _ app: App, width: Int) -> [ArticleLine] {
        let comment = app.comment(at: node)
        if comment.isPlaceholder && !comment.body.text.isEmpty {
            return wrap(comment.body.text, width, .articleMeta)
        }
        if comment.isPlaceholder {
            return wrap(TreePane.placeholderText, width, .articleAuthor) + wrap(comment.id, width, .articleMeta)
                + [ArticleLine(text: "", role: .articleText)]
                + body("Replies in this archive refer to this message, but the archive does not contain it.", width)
        }
        var lines = wrap(comment.author, width, .articleAuthor)
        if let subject = comment.subject { lines += wrap(subject, width, .articleTitle) }
        var meta: [String] = []
        if let date = comment.date { meta.append(AgeText.absolute(date)) }
        meta.append(app.discussion.isArchive ? comment.id : "#" + comment.id)
        let parent = app.tree.parent[node]
        if parent > ThreadTree.root && !app.comment(at: parent).isPlaceholder {
            meta.append("reply to " + app.comment(at: parent).author)
        }
        let replies = app.tree.descendantCount(of: node)
        if replies > 0 { meta.append("\(replies) repl\(replies == 1 ? "y" : "ies") below") }
        lines += wrap(meta.joined(separator: " · "), width, .articleMeta)
        lines.append(ArticleLine(text: "", role: .articleText))
        lines += body(comment.body.text.isEmpty ? "(empty comment)" : comment.body.text, width)
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
        return (shown, "(\((text.utf8.count - shown.utf8.count) / 1024) KB more not shown: the body is longer than Spool displays)")
    }

    private func bodyLines(_ text: String, _ width: Int) -> [ArticleLine] {
        var lines: [ArticleLine] = []
        for source in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let depth = source.prefix { $0 == ">" || $0 == " " }.filter { $0 == ">" }.count
            let role: ThemeRole = depth == 0 ? .articleText : depth == 1 ? .articleQuote : depth == 2 ? .articleQuote2 : .articleQuote3
            lines += wrap(String(source), width, role)
        }
        return lines
    }
}

extension App {
    /// The article pane's lines for the selection at the current layout.
    public var articleLines: [ArticleLine] {
        article.lines(for: selected, width: max(1, layout.article.width - 2), in: self)
    }

    /// How far down a long article pane is scrolled ("40%", "end"), or nil when it all fits.
    public var articleShownPercent: String? {
        let total = articleLines.count
        let height = layout.article.height
        guard height > 0, total > height else { return nil }
        let bottom = min(total, articleScroll + height)
        return bottom >= total ? "(end)" : "(\(bottom * 100 / total)%)"
    }

    mutating func scrollArticle(by delta: Int) {
        let before = articleScroll
        articleScroll += delta
        clampArticleScroll()
        if articleScroll == before {
            message = delta > 0 ? "End of this comment." : "Top of this comment."
        }
    }

    mutating func clampArticleScroll() {
        let maximum = max(0, articleLines.count - max(1, layout.article.height))
        articleScroll = max(0, min(articleScroll, maximum))
    }

    /// Space: a page down, or at the end of the comment the next unread one.
    mutating func pageArticleDown() {
        let height = max(1, layout.article.height)
        if articleScroll + height >= articleLines.count {
            guard let next = marks.nextUnread(after: selected) else {
                message = "End of the comment, and no unread comments left."
                return
            }
            select(next)
        } else {
            articleScroll += max(1, height - 1)
            clampArticleScroll()
        }
    }
}

/// Dates as the reader shows them.
public enum AgeText {
    /// A short age for tree rows: `12m`, `5h`, `3d` for recent dates, `Oct 28` within the
    /// year, else `2014-10-28`.
    public static func short(_ date: Timestamp, now: Timestamp) -> String {
        let seconds = now.secondsSinceEpoch - date.secondsSinceEpoch
        if seconds >= 0 && seconds < 3600 { return "\(seconds / 60)m" }
        if seconds >= 0 && seconds < 86_400 { return "\(seconds / 3600)h" }
        if seconds >= 0 && seconds < 30 * 86_400 { return "\(seconds / 86_400)d" }
        if seconds >= 0 && seconds < 330 * 86_400 { return "\(monthNames[date.month - 1]) \(date.day)" }
        return formatted(date, "%Y-%m-%d")
    }

    /// A date in `style`.
    public static func text(_ date: Timestamp, style: DateStyle, now: Timestamp) -> String {
        switch style {
        case .relative: return short(date, now: now)
        case .absolute: return absolute(date)
        case .custom(let pattern): return formatted(date, pattern)
        }
    }

    /// `pattern` with `%Y %y %m %d %e %H %M %S %b %%` replaced by the date's fields.
    public static func formatted(_ date: Timestamp, _ pattern: String) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var out = ""
        var escaping = false
        for character in pattern {
            guard escaping else {
                if character == "%" { escaping = true } else { out.append(character) }
                continue
            }
            escaping = false
            switch character {
            case "Y": out += String(date.year)
            case "y": out += two(date.year % 100)
            case "m": out += two(date.month)
            case "d": out += two(date.day)
            case "e": out += String(date.day)
            case "H": out += two(date.hour)
            case "M": out += two(date.minute)
            case "S": out += two(date.second)
            case "b": out += monthNames[date.month - 1]
            case "%": out += "%"
            default: out += "%" + String(character)
            }
        }
        return out
    }

    /// The full date for the article header: `2014-10-28 12:33`.
    public static func absolute(_ date: Timestamp) -> String {
        date.iso8601.replacing("T", with: " ")
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
