import SpoolCore
import SpoolReader
import SpoolScreen

/// The last row: a prompt being typed, or where the reader is (position, unread count, the
/// selected author, how far the article is scrolled) and the message.
struct StatusLine {
    let theme: Theme

    /// What the status line shows; made from the reader by ``content(for:shownPercent:)``.
    enum Content: Equatable {
        /// A prompt: its label, the text typed (the caret after it) and what follows.
        case prompt(label: String, text: String, trailer: String)
        /// Where the reader is, and the message.
        case location(Location)
    }

    /// The parts of the position line.
    struct Location: Equatable {
        var row: Int
        var rows: Int
        var unread: Int
        var new = 0
        var limit: String?
        var author: String?
        var shownPercent: String?
        var message: String?
    }

    /// What `reader` puts on the status line.
    static func content(for reader: Reader, shownPercent: String?) -> Content {
        switch reader.mode {
        case .pipePrompt(let command): return .prompt(label: "Pipe to: ", text: command, trailer: "")
        case .limitPrompt(let pattern): return .prompt(label: "Limit to: ", text: pattern, trailer: "")
        case .searching:
            let found = reader.search.matchCount
            let count =
                reader.search.query.isEmpty
                ? "" : "   \(found) match\(found == 1 ? "" : "es")\(reader.search.isRunning ? " so far…" : "")"
            return .prompt(label: "/", text: reader.search.query, trailer: count)
        case .browsing, .help, .choosingURL:
            return .location(
                Location(
                    row: (reader.rows.row(of: reader.selected) ?? 0) + 1, rows: reader.rows.count,
                    unread: reader.marks.unreadCount, new: reader.newCount,
                    limit: reader.limit.map { $0.pattern.replacing("\u{A0}", with: " ") },
                    author: reader.selected == ThreadTree.root ? nil : reader.comment(at: reader.selected).author,
                    shownPercent: shownPercent, message: reader.messages.shown))
        }
    }

    func render(_ content: Content, in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: theme[.status])
        switch content {
        case .prompt(let label, let text, let trailer):
            let caret = screen.put(label + text, x: area.x, y: area.y, style: theme[.statusMessage], clip: area)
            screen.put("_", x: caret, y: area.y, style: theme[.statusMessage], clip: area)
            screen.placeCursor(x: min(caret, area.maxX - 1), y: area.y)
            screen.put(trailer, x: caret + 1, y: area.y, style: theme[.status], clip: area)
        case .location(let location): draw(location, in: area, on: &screen)
        }
    }

    private func draw(_ location: Location, in area: Rect, on screen: inout Screen) {
        var left = " \(location.row)/\(location.rows)  \(location.unread) unread"
        if location.new > 0 { left += ", \(location.new) new" }
        if let limit = location.limit { left += "  [limit: \(limit)]" }
        if let author = location.author { left += "  " + author }
        if let shown = location.shownPercent { left += "  " + shown }
        var x = screen.put(left, x: area.x, y: area.y, style: theme[.status], clip: area)
        if let message = location.message {
            x = screen.put("  " + message, x: x, y: area.y, style: theme[.statusMessage], clip: area)
        }
        let hint = "?:help  q:quit "
        if area.maxX - x > hint.count + 2 {
            screen.put(hint, x: area.maxX - hint.count, y: area.y, style: theme[.status], clip: area)
        }
    }
}
