import SpoolCore

/// Inline mode (`i`): the discussion as one scroll, the layout of web readers. Each visible
/// comment is a header row (tree lines, unread marker, author, date, hidden replies) with its
/// body wrapped under it, indented by depth. Only the comments from the top of the view down
/// to the bottom of the screen are laid out, so a key costs what is on screen.
struct InlinePane {
    let theme: Theme
    let glyphs: GlyphSet

    /// The lines of one comment in inline mode: header, body, blank line.
    static func lines(of node: Int, in app: App, width: Int) -> [ArticleLine] {
        let indent = min(app.tree.depth[node], 8) * 2
        let bodyWidth = max(10, width - indent - 2)
        let pad = String(repeating: " ", count: indent + 2)
        if node == ThreadTree.root {
            return app.articleLines + [ArticleLine(text: "", role: .articleText)]
        }
        let comment = app.comment(at: node)
        var (text, note) = ArticleText.bounded(comment.isPlaceholder ? (comment.body.text.isEmpty ? TreePane.placeholderText : comment.body.text) : comment.body.text)
        if let note { text += "\n\n" + note }
        if app.collapse.isCollapsed(node) && app.tree.hasChildren(node) { text += "\n[+\(app.tree.descendantCount(of: node)) replies folded]" }
        let body = WordWrap.lines(of: text, width: bodyWidth).map { line in
            ArticleLine(text: pad + line, role: line.hasPrefix(">") ? .articleQuote : .articleText)
        }
        return [ArticleLine(text: "", role: .treeText)] + body + [ArticleLine(text: "", role: .articleText)]
    }

    func render(_ app: App, in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: theme[.articleText])
        var y = area.y - app.inlineOffset
        var row = app.inlineTop
        while y < area.maxY && row < app.rows.count {
            let node = app.rows[row]
            let lines = InlinePane.lines(of: node, in: app, width: area.width)
            for (index, line) in lines.enumerated() where y + index >= area.y && y + index < area.maxY {
                if index == 0 && node != ThreadTree.root {
                    drawHeader(node, app, in: Rect(x: area.x, y: y, width: area.width, height: 1), on: &screen)
                } else {
                    screen.put(line.text, x: area.x, y: y + index, style: theme[line.role], clip: area)
                }
            }
            y += lines.count
            row += 1
        }
    }

    private func drawHeader(_ node: Int, _ app: App, in rowArea: Rect, on screen: inout Screen) {
        let comment = app.comment(at: node)
        var x = rowArea.x
        for guide in app.tree.guides(for: node, innermost: 8) {
            x = screen.put(glyphs.glyph(guide), x: x, y: rowArea.y, style: theme[.treeGuide], clip: rowArea)
        }
        let unread = !app.marks.isRead(node) && !comment.isPlaceholder
        x = screen.put(unread ? glyphs.unread + " " : "  ", x: x, y: rowArea.y, style: theme[.treeUnread], clip: rowArea)
        x = screen.put(comment.isPlaceholder ? "" : comment.author, x: x, y: rowArea.y, style: theme[.articleAuthor], clip: rowArea)
        if let date = comment.date {
            screen.put("  " + AgeText.absolute(date), x: x, y: rowArea.y, style: theme[.articleMeta], clip: rowArea)
        }
        if node == app.selected {
            let style = theme[.treeSelected]
            screen.restyle(rowArea) { _ in style }
        }
    }
}

extension App {
    /// Keeps the selected comment's header on screen in inline mode.
    mutating func keepInlineSelectionOnScreen() {
        guard let row = rows.row(of: selected) else { return }
        let height = max(1, layout.article.height)
        if row < inlineTop || (row == inlineTop && inlineOffset > 0) {
            inlineTop = row
            inlineOffset = 0
            return
        }
        // Is the header within the screen from the current top?
        var y = -inlineOffset
        var current = inlineTop
        while current < row && y < height {
            y += InlinePane.lines(of: rows[current], in: self, width: layout.article.width).count
            current += 1
        }
        if y >= height {
            inlineTop = row
            inlineOffset = 0
        }
    }

    /// Space and b in inline mode: scroll the whole view by a page.
    mutating func scrollInline(by delta: Int) {
        let width = layout.article.width
        inlineOffset += delta
        while inlineOffset < 0 && inlineTop > 0 {
            inlineTop -= 1
            inlineOffset += InlinePane.lines(of: rows[inlineTop], in: self, width: width).count
        }
        inlineOffset = max(0, inlineOffset)
        while inlineTop < rows.count - 1 && inlineOffset >= InlinePane.lines(of: rows[inlineTop], in: self, width: width).count {
            inlineOffset -= InlinePane.lines(of: rows[inlineTop], in: self, width: width).count
            inlineTop += 1
        }
        // The comment at the top of the view becomes the selection, and is read.
        if rows[inlineTop] != selected {
            selected = rows[inlineTop]
            if options.marksReadOnSelect { marks.setRead(selected, true) }
        }
    }
}
