import SpoolCore

/// The last row: position, unread count, the selected author, and the message.
struct StatusLine {
    let theme: Theme

    func render(_ app: App, in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: theme[.status])
        if let command = app.pipePrompt {
            screen.put("Pipe to: " + command + "_", x: area.x, y: area.y, style: theme[.statusMessage], clip: area)
            return
        }
        if let pattern = app.limitPrompt {
            screen.put("Limit to: " + pattern + "_", x: area.x, y: area.y, style: theme[.statusMessage], clip: area)
            return
        }
        if app.search.isEditing {
            let found = app.search.matchCount
            let count = app.search.query.isEmpty ? "" : "   \(found) match\(found == 1 ? "" : "es")\(app.search.isRunning ? " so far…" : "")"
            let x = screen.put("/" + app.search.query + "_", x: area.x, y: area.y, style: theme[.statusMessage], clip: area)
            screen.put(count, x: x, y: area.y, style: theme[.status], clip: area)
            return
        }
        let row = (app.rows.row(of: app.selected) ?? 0) + 1
        var left = " \(row)/\(app.rows.count)  \(app.marks.unreadCount) unread"
        if app.newCount > 0 { left += ", \(app.newCount) new" }
        if let limit = app.limit { left += "  [limit: \(limit.pattern.replacing("\u{A0}", with: " "))]" }
        if app.selected != ThreadTree.root { left += "  " + app.comment(at: app.selected).author }
        if let shown = app.articleShownPercent { left += "  " + shown }
        var x = screen.put(left, x: area.x, y: area.y, style: theme[.status], clip: area)
        if let message = app.message {
            x = screen.put("  " + message, x: x, y: area.y, style: theme[.statusMessage], clip: area)
        }
        let hint = "?:help  q:quit "
        if area.maxX - x > hint.count + 2 {
            screen.put(hint, x: area.maxX - hint.count, y: area.y, style: theme[.status], clip: area)
        }
    }
}
