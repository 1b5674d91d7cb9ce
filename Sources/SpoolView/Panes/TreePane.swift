import SpoolCore

/// The reply tree: one row a comment, only the rows on screen are drawn.
///
/// A row is tree guides, the unread marker, the author, the age, the count of replies a
/// collapse hides (`[+12]`) and as much of the body's first line as fits.
struct TreePane {
    let theme: Theme
    let glyphs: GlyphSet

    func render(_ app: App, in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: theme[.treeText])
        let last = min(app.rows.count, app.treeTop + area.height)
        guard app.treeTop < last else { return }
        for row in app.treeTop..<last {
            let node = app.rows[row]
            let rowArea = area.row(row - app.treeTop)
            if node == ThreadTree.root { drawRoot(app, in: rowArea, on: &screen) } else { drawComment(node, app, in: rowArea, on: &screen) }
            if node == app.selected {
                let selected = theme[app.focus == .tree ? .treeSelected : .treeSelectedUnfocused]
                screen.restyle(rowArea) { _ in selected }
            }
        }
    }

    private func drawRoot(_ app: App, in area: Rect, on screen: inout Screen) {
        let marker = app.collapse.isCollapsed(ThreadTree.root) ? glyphs.collapsedRoot + " " : ""
        var x = screen.put(marker, x: area.x, y: area.y, style: theme[.treeCount], clip: area)
        x = screen.put(app.discussion.title ?? "Untitled discussion", x: x, y: area.y, style: theme[.treeRoot], clip: area)
        let count = app.discussion.comments.count
        x = screen.put("  \(count) comment\(count == 1 ? "" : "s")", x: x, y: area.y, style: theme[.treeDate], clip: area)
        if app.collapse.isCollapsed(ThreadTree.root) {
            screen.put(" [+\(app.tree.descendantCount(of: ThreadTree.root))]", x: x, y: area.y, style: theme[.treeCount], clip: area)
        }
    }

    private func drawComment(_ node: Int, _ app: App, in area: Rect, on screen: inout Screen) {
        let comment = app.comment(at: node)
        var x = drawGuides(node, app.tree, in: area, on: &screen)
        let unread = !app.marks.isRead(node)
        x = screen.put(unread ? glyphs.unread + " " : "  ", x: x, y: area.y, style: theme[.treeUnread], clip: area)
        x = screen.put(comment.author, x: x, y: area.y, style: theme[unread ? .treeUnread : .treeAuthor], clip: area)
        if let date = comment.date {
            x = screen.put("  " + AgeText.short(date, now: app.options.now), x: x, y: area.y, style: theme[.treeDate], clip: area)
        }
        if app.collapse.isCollapsed(node) && app.tree.hasChildren(node) {
            x = screen.put(" [+\(app.tree.descendantCount(of: node))]", x: x, y: area.y, style: theme[.treeCount], clip: area)
        }
        let room = area.maxX - x - 2
        if room > 0 {
            screen.put("  " + TreePane.preview(of: comment.body, columns: room), x: x, y: area.y, style: theme[.treePreview], clip: area)
        }
    }

    /// Draws the guides; past half the pane's width the outer levels give way to the depth as a number.
    private func drawGuides(_ node: Int, _ tree: ThreadTree, in area: Rect, on screen: inout Screen) -> Int {
        var x = area.x
        let room = max(1, area.width / 2 / 3)
        var guides = tree.guides(for: node, innermost: room)
        if tree.depth[node] > room {
            guides = Array(guides.suffix(max(1, room - 1)))
            x = screen.put("‹\(tree.depth[node])›", x: x, y: area.y, style: theme[.treeGuide], clip: area)
        }
        for guide in guides { x = screen.put(glyphs.glyph(guide), x: x, y: area.y, style: theme[.treeGuide], clip: area) }
        return x
    }

    /// The start of a body with runs of white space folded, as much as fits in `columns`
    /// (wide characters counted twice, so it never reads more of the body than it shows).
    static func preview(of body: String, columns: Int) -> String {
        var text = ""
        var lastWasSpace = false
        for character in body.prefix(columns + 8) {
            if character.isWhitespace {
                if !lastWasSpace && !text.isEmpty { text.append(" ") }
                lastWasSpace = true
            } else {
                text.append(character)
                lastWasSpace = false
            }
        }
        return text
    }
}
