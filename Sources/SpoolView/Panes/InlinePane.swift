import SpoolCore
import SpoolReader
import SpoolScreen

/// Inline mode (`i`): the discussion as one scroll, the layout of web readers. Each visible
/// comment is a header row (tree lines, unread marker, author, date, hidden replies) with its
/// body wrapped under it, indented by depth. Only the comments from the top of the view down
/// to the bottom of the screen are laid out, so a key costs what is on screen.
struct InlinePane {
    let theme: Theme
    let glyphs: GlyphSet
    let caches: ViewCaches

    /// The lines of one comment in inline mode: header, body, blank line; the article (the
    /// first block) as the article pane shows it.
    static func lines(of node: Int, in reader: Reader, width: Int, caches: ViewCaches) -> [ArticleLine] {
        let indent = min(reader.tree.depth[node], 8) * 2
        let bodyWidth = min(max(10, width - indent - 2), caches.options.wrapWidth)
        let pad = String(repeating: " ", count: indent + 2)
        if node == ThreadTree.root {
            return caches.article.lines(
                for: node, width: max(1, min(width - 2, caches.options.wrapWidth)), in: reader, options: caches.options
            )
            .map { line in
                ArticleLine(text: " " + line.text, role: line.role)
            } + [ArticleLine(text: "", role: .articleText)]
        }
        let comment = reader.comment(at: node)
        let shown =
            reader.isMuted(node)
            ? reader.mutedLine(node) + " \u{2014} x shows it"
            : comment.isPlaceholder
                ? (comment.body.text.isEmpty ? TreePane.placeholderText : comment.body.text) : comment.body.text
        var (text, note) = ArticleText.bounded(shown)
        if let note { text += "\n\n" + note }
        if reader.collapse.isCollapsed(node) && reader.tree.hasChildren(node) {
            text += "\n[+\(reader.tree.descendantCount(of: node)) replies folded]"
        }
        let body = WordWrap.lines(of: text, width: bodyWidth).map { line in
            ArticleLine(text: pad + line, role: line.hasPrefix(">") ? .articleQuote : .articleText)
        }
        return [ArticleLine(text: "", role: .treeText)] + body + [ArticleLine(text: "", role: .articleText)]
    }

    func render(_ reader: Reader, in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: theme[.articleText])
        guard case .inline(let top, let offset) = reader.presentation else { return }
        var y = area.y - offset
        var row = top
        while y < area.maxY && row < reader.rows.count {
            let node = reader.rows[row]
            let lines = InlinePane.lines(of: node, in: reader, width: area.width, caches: caches)
            for (index, line) in lines.enumerated() where y + index >= area.y && y + index < area.maxY {
                if index == 0 && node != ThreadTree.root {
                    drawHeader(node, reader, in: Rect(x: area.x, y: y, width: area.width, height: 1), on: &screen)
                } else if index == 0 && node == reader.selected {
                    screen.put(line.text, x: area.x, y: y, style: theme[line.role], clip: area)
                    screen.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { _ in theme[.treeSelected] }
                    screen.placeCursor(x: area.x, y: y)
                } else {
                    screen.put(line.text, x: area.x, y: y + index, style: theme[line.role], clip: area)
                }
            }
            y += lines.count
            row += 1
        }
    }

    private func drawHeader(_ node: Int, _ reader: Reader, in rowArea: Rect, on screen: inout Screen) {
        let comment = reader.comment(at: node)
        var x = rowArea.x
        for guide in reader.tree.guides(for: node, innermost: 8) {
            x = screen.put(glyphs.glyph(guide), x: x, y: rowArea.y, style: theme[.treeGuide], clip: rowArea)
        }
        let unread = !reader.marks.isRead(node) && !comment.isPlaceholder
        x = screen.put(
            unread ? glyphs.unread + " " : "  ", x: x, y: rowArea.y, style: theme[.treeUnread], clip: rowArea)
        x = screen.put(
            comment.isPlaceholder ? "" : comment.author, x: x, y: rowArea.y, style: theme[.articleAuthor], clip: rowArea
        )
        if let date = comment.date {
            screen.put("  " + AgeText.absolute(date), x: x, y: rowArea.y, style: theme[.articleMeta], clip: rowArea)
        }
        if node == reader.selected {
            let style = theme[.treeSelected]
            screen.restyle(rowArea) { _ in style }
            screen.placeCursor(x: rowArea.x, y: rowArea.y)
        }
    }
}
