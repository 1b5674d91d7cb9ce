import SpoolCore
import SpoolReader
import SpoolScreen

/// The last row: a prompt being typed, or where the reader is (position, unread count, the
/// selected author, how far the article is scrolled) and the message.
struct StatusLine {
    let theme: Theme

    /// What the status line shows; made from the reader by ``content(for:shownPercent:)``.
    enum Content: Equatable {
        /// A prompt: its label, the text typed before and after the caret, and what follows.
        case prompt(label: String, beforeCaret: String, afterCaret: String, trailer: String)
        /// Where the reader is, and the message.
        case location(Location)
    }

    /// The parts of the position line.
    struct Location: Equatable {
        var row: Int
        var rows: Int
        var unread: Int
        var new = 0
        /// Comments muted (by author or word).
        var muted = 0
        var limit: String?
        var author: String?
        var shownPercent: String?
        var message: String?
        /// The keys bound to help and quit, for the hint (nil: unbound).
        var helpKey: String? = "?"
        var quitKey: String? = "q"
    }

    /// What `reader` puts on the status line.
    static func content(for reader: Reader, shownPercent: String?) -> Content {
        switch reader.mode {
        case .prompt(let prompt):
            let before = prompt.line.textBeforeCaret
            let after = String(prompt.line.characters[prompt.line.caret...])
            switch prompt.kind {
            case .pipe: return .prompt(label: "Pipe to: ", beforeCaret: before, afterCaret: after, trailer: "")
            case .save:
                let trailer =
                    prompt.attachment == nil ? "   (a message is appended as mbox, a comment as text)" : ""
                return .prompt(label: "Save to: ", beforeCaret: before, afterCaret: after, trailer: trailer)
            case .since:
                let trailer = "   " + (prompt.note ?? NewBaseline.hint)
                return .prompt(label: "New since: ", beforeCaret: before, afterCaret: after, trailer: trailer)
            case .limit:
                let trailer = "   " + (prompt.note ?? LimitPattern.hint)
                return .prompt(label: "Limit to: ", beforeCaret: before, afterCaret: after, trailer: trailer)
            case .search:
                let found = reader.search.matchCount
                let count =
                    reader.search.query.isEmpty
                    ? (reader.history[.search].last.map { "   Enter: search again for \($0)" } ?? "")
                    : "   \(found) match\(found == 1 ? "" : "es")\(reader.search.isRunning ? " so far…" : "")"
                return .prompt(label: "/", beforeCaret: before, afterCaret: after, trailer: count)
            }
        case .browsing, .help, .choosingURL, .choosingAttachment:
            return .location(
                Location(
                    row: (reader.rows.row(of: reader.selected) ?? 0) + 1, rows: reader.rows.count,
                    unread: reader.marks.unreadCount, new: reader.newCount, muted: reader.mutes.mutedCount,
                    limit: reader.limit.map { $0.pattern.replacing("\u{A0}", with: " ") },
                    author: reader.selected == ThreadTree.root ? nil : reader.comment(at: reader.selected).author,
                    shownPercent: shownPercent, message: reader.messages.shown,
                    helpKey: reader.keyMap.keys(for: .help).first.map(KeyNotation.name(of:)),
                    quitKey: reader.keyMap.keys(for: .quit).first.map(KeyNotation.name(of:))))
        }
    }

    func render(_ content: Content, in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: theme[.status])
        switch content {
        case .prompt(let label, let before, let after, let trailer):
            drawPrompt(label: label, before: before, after: after, trailer: trailer, in: area, on: &screen)
        case .location(let location): draw(location, in: area, on: &screen)
        }
    }

    /// The label and the line, scrolled so the caret is on screen (text cut at the left
    /// shows `…`); the caret is the terminal's cursor and an underlined cell.
    private func drawPrompt(
        label: String, before: String, after: String, trailer: String, in area: Rect, on screen: inout Screen
    ) {
        let style = theme[.statusMessage]
        var x = screen.put(label, x: area.x, y: area.y, style: style, clip: area)
        let room = max(1, area.maxX - x - 1)
        var shown = Substring(before)
        if DisplayWidth.of(before) > room {
            var width = 1
            var start = before.endIndex
            while start > before.startIndex {
                let previous = before.index(before: start)
                let next = width + DisplayWidth.of(before[previous])
                if next > room { break }
                width = next
                start = previous
            }
            x = screen.put("…", x: x, y: area.y, style: style, clip: area)
            shown = before[start...]
        }
        let caret = screen.put(shown, x: x, y: area.y, style: style, clip: area)
        var underCaret = style
        underCaret.attributes.insert(.reverse)
        let end: Int
        if let first = after.first {
            let rest = screen.put(String(first), x: caret, y: area.y, style: underCaret, clip: area)
            end = screen.put(after.dropFirst(), x: rest, y: area.y, style: style, clip: area)
        } else {
            end = screen.put(" ", x: caret, y: area.y, style: underCaret, clip: area)
        }
        screen.placeCursor(x: min(caret, area.maxX - 1), y: area.y)
        screen.put(trailer, x: end, y: area.y, style: theme[.status], clip: area)
    }

    /// The position first; then, as room allows and in this order of importance, the
    /// message (cut with `…` when it is longer than the room left), the limit, the author,
    /// how far the article is shown, and the help hint at the right.
    private func draw(_ location: Location, in area: Rect, on screen: inout Screen) {
        var core = " \(location.row)/\(location.rows)  \(location.unread) unread"
        if location.new > 0 { core += ", \(location.new) new" }
        if location.muted > 0 { core += ", \(location.muted) muted" }
        var room = area.width - DisplayWidth.of(core)
        var message = location.message.map { "  " + $0 }
        if let text = message {
            message = StatusLine.cut(text, to: room)
            room -= DisplayWidth.of(message ?? "")
        }
        var details = ""
        for part in [
            location.limit.map { "  [limit: \($0)]" }, location.author.map { "  " + $0 },
            location.shownPercent.map { "  " + $0 },
        ] {
            guard let part, DisplayWidth.of(part) <= room else { continue }
            details += part
            room -= DisplayWidth.of(part)
        }
        var x = screen.put(core + details, x: area.x, y: area.y, style: theme[.status], clip: area)
        if let message { x = screen.put(message, x: x, y: area.y, style: theme[.statusMessage], clip: area) }
        let hint =
            [location.helpKey.map { "\($0):help" }, location.quitKey.map { "\($0):quit" }].compactMap { $0 }
            .joined(separator: "  ") + " "
        if room > DisplayWidth.of(hint) + 2 {
            screen.put(hint, x: area.maxX - DisplayWidth.of(hint), y: area.y, style: theme[.status], clip: area)
        }
    }

    /// `text` in at most `width` columns, ending with `…` when cut; nil when there is no room.
    static func cut(_ text: String, to width: Int) -> String? {
        width > 3 ? DisplayWidth.truncated(text, to: width) : nil
    }
}
