import SpoolCore
import SpoolReader
import SpoolScreen

/// The last row: position, unread count, the selected author, and the message.
struct StatusLine {
    let theme: Theme

    func render(_ reader: Reader, shownPercent: String?, in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: theme[.status])
        switch reader.mode {
        case .pipePrompt(let command): prompt("Pipe to: ", command, in: area, on: &screen)
        case .limitPrompt(let pattern): prompt("Limit to: ", pattern, in: area, on: &screen)
        case .searching:
            let found = reader.search.matchCount
            let count =
                reader.search.query.isEmpty
                ? "" : "   \(found) match\(found == 1 ? "" : "es")\(reader.search.isRunning ? " so far…" : "")"
            let x = prompt("/", reader.search.query, in: area, on: &screen)
            screen.put(count, x: x + 1, y: area.y, style: theme[.status], clip: area)
        default: position(reader, shownPercent: shownPercent, in: area, on: &screen)
        }
    }

    /// A prompt with its text and a caret, where the cursor goes; returns the caret's column.
    @discardableResult
    private func prompt(_ label: String, _ text: String, in area: Rect, on screen: inout Screen) -> Int {
        let caret = screen.put(label + text, x: area.x, y: area.y, style: theme[.statusMessage], clip: area)
        screen.put("_", x: caret, y: area.y, style: theme[.statusMessage], clip: area)
        screen.placeCursor(x: min(caret, area.maxX - 1), y: area.y)
        return caret
    }

    private func position(_ reader: Reader, shownPercent: String?, in area: Rect, on screen: inout Screen) {
        let row = (reader.rows.row(of: reader.selected) ?? 0) + 1
        var left = " \(row)/\(reader.rows.count)  \(reader.marks.unreadCount) unread"
        if reader.newCount > 0 { left += ", \(reader.newCount) new" }
        if let limit = reader.limit { left += "  [limit: \(limit.pattern.replacing("\u{A0}", with: " "))]" }
        if reader.selected != ThreadTree.root { left += "  " + reader.comment(at: reader.selected).author }
        if let shownPercent { left += "  " + shownPercent }
        var x = screen.put(left, x: area.x, y: area.y, style: theme[.status], clip: area)
        if let message = reader.messages.shown {
            x = screen.put("  " + message, x: x, y: area.y, style: theme[.statusMessage], clip: area)
        }
        let hint = "?:help  q:quit "
        if area.maxX - x > hint.count + 2 {
            screen.put(hint, x: area.maxX - hint.count, y: area.y, style: theme[.status], clip: area)
        }
    }
}
