import SpoolCore
import SpoolReader
import SpoolScreen

/// Draws the library: a title row, one row a discussion, a status line (or the filter
/// being typed), and the key list over them on `?`.
public struct LibraryView: Sendable {
    public var theme: Theme
    public var now: Timestamp

    public init(theme: Theme, now: Timestamp) {
        self.theme = theme
        self.now = now
    }

    /// The same view with colour removed (attributes only).
    public var withoutColor: LibraryView { LibraryView(theme: theme.withoutColor, now: now) }

    public func render(_ library: Library) -> Screen {
        var screen = Screen(width: library.columns, height: library.rows, style: theme[.treeText])
        let width = library.columns
        guard library.rows > 0 else { return screen }
        let header = Rect(x: 0, y: 0, width: width, height: 1)
        let count = library.entries.count
        var title = "Library: \(count) discussion\(count == 1 ? "" : "s")"
        if !library.filter.isEmpty { title += " · \(library.shown.count) with “\(library.filter)”" }
        if library.order != .given { title += " · sorted \(library.order.summary)" }
        screen.put(title, x: 0, y: 0, style: theme[.treeRoot], clip: header)
        let labels =
            pad("comments", 8) + pad("unread", 8) + pad("new", 6) + "  "
            + "last read".padding(toLength: 10, withPad: " ", startingAt: 0)
        if width > DisplayWidth.of(labels) + DisplayWidth.of(title) + 2 {
            screen.put(labels, x: width - DisplayWidth.of(labels), y: 0, style: theme[.treeRoot], clip: header)
        }
        let listHeight = max(0, library.rows - 2)
        for offset in 0..<listHeight where library.top + offset < library.shown.count {
            let row = library.top + offset
            drawEntry(
                library.entries[library.shown[row]], selected: row == library.selected, y: 1 + offset, on: &screen)
        }
        if library.rows > 1 { drawStatus(library, on: &screen) }
        if library.mode == .help { drawHelp(library.keyMap, on: &screen) }
        return screen
    }

    private func drawEntry(_ entry: LibraryEntry, selected: Bool, y: Int, on screen: inout Screen) {
        let width = screen.width
        let area = Rect(x: 0, y: y, width: width, height: 1)
        // The last-read column has a fixed width, so every column sits under its label.
        let lastRead = entry.lastRead.map { AgeText.short(Timestamp(secondsSinceEpoch: $0), now: now) } ?? "never"
        let numbers =
            pad(String(entry.comments), 8) + pad(entry.unread > 0 ? String(entry.unread) : "-", 8)
            + pad(entry.new > 0 ? String(entry.new) : "-", 6) + "  "
            + lastRead.padding(toLength: max(10, lastRead.count), withPad: " ", startingAt: 0)
        let numbersWidth = DisplayWidth.of(numbers)
        let titleArea = Rect(x: 0, y: y, width: max(0, width - numbersWidth - 1), height: 1)
        let role: ThemeRole = entry.unread > 0 ? .treeUnread : .treeAuthor
        let x = screen.put((selected ? "> " : "  ") + entry.title, x: 0, y: y, style: theme[role], clip: titleArea)
        if entry.source != entry.title {
            screen.put("  " + entry.source, x: x, y: y, style: theme[.treeDate], clip: titleArea)
        }
        screen.put(numbers, x: max(0, width - numbersWidth), y: y, style: theme[.treeCount], clip: area)
        if selected { screen.restyle(area) { _ in theme[.treeSelected] } }
    }

    private func drawStatus(_ library: Library, on screen: inout Screen) {
        let status = Rect(x: 0, y: library.rows - 1, width: screen.width, height: 1)
        screen.fill(status, style: theme[.status])
        if case .filtering(let line) = library.mode {
            let x = screen.put("/" + line.textBeforeCaret, x: 0, y: status.y, style: theme[.status], clip: status)
            screen.put(
                String(line.characters[line.caret...]) + "   Enter keeps the filter, Esc drops it", x: x, y: status.y,
                style: theme[.status], clip: status)
            screen.placeCursor(x: min(x, status.maxX - 1), y: status.y)
            return
        }
        let position = library.shown.isEmpty ? " 0/0  " : " \(library.selected + 1)/\(library.shown.count)  "
        let x = screen.put(position, x: 0, y: status.y, style: theme[.status], clip: status)
        if let notice = library.notice {
            screen.put(notice, x: x, y: status.y, style: theme[.statusMessage], clip: status)
        } else {
            screen.put(
                "Enter opens · / filters · O sorts · ? keys · q quits", x: x, y: status.y, style: theme[.status],
                clip: status)
        }
    }

    /// The library's keys, as bound, in a box over the list.
    private func drawHelp(_ keyMap: KeyMap, on screen: inout Screen) {
        let rows: [(Action, String)] = [
            (.nextComment, "next discussion"), (.previousComment, "previous discussion"),
            (.pageDown, "page down"), (.pageUp, "page up"), (.first, "first"), (.last, "last"),
            (.toggleCollapse, "open the discussion (q in it comes back here)"),
            (.search, "filter by title or file name as you type (Enter keeps it, Esc drops it)"),
            (.toggleThreadOrder, "sort: as given, by unread, by last read"),
            (.help, "show or hide these keys"), (.quit, "drop the filter, else quit"),
        ]
        let lines = rows.map { action, text in
            (keyMap.keys(for: action).prefix(3).map(KeyNotation.name(of:)).joined(separator: " "), text)
        }
        let keyWidth = min(16, lines.map { DisplayWidth.of($0.0) }.max() ?? 0)
        let title = " Library keys (any key closes)"
        let width = min(screen.width, max(title.count + 2, keyWidth + 4 + (lines.map { $0.1.count }.max() ?? 0)))
        let height = min(screen.height, lines.count + 3)
        guard width >= 4, height >= 3 else { return }
        let box = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(box, style: theme[.help])
        screen.put(title, x: box.x + 1, y: box.y, style: theme[.helpTitle], clip: box)
        for (index, line) in lines.enumerated() where index + 2 < height {
            let y = box.y + 2 + index
            screen.put(line.0, x: box.x + 1, y: y, style: theme[.helpKey], clip: box)
            screen.put(line.1, x: box.x + 3 + keyWidth, y: y, style: theme[.help], clip: box)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
