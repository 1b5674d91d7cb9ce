import SpoolCore
import SpoolReader
import SpoolScreen

/// Draws the library: a title row, one row a discussion, a status line.
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
        screen.put(
            "Library: \(count) discussion\(count == 1 ? "" : "s")", x: 0, y: 0, style: theme[.treeRoot], clip: header)
        let labels =
            pad("comments", 8) + pad("unread", 8) + "  "
            + "last read".padding(toLength: 10, withPad: " ", startingAt: 0)
        if width > DisplayWidth.of(labels) + 24 {
            screen.put(labels, x: width - DisplayWidth.of(labels), y: 0, style: theme[.treeRoot], clip: header)
        }
        let listHeight = max(0, library.rows - 2)
        for offset in 0..<listHeight where library.top + offset < library.entries.count {
            let index = library.top + offset
            let entry = library.entries[index]
            let area = Rect(x: 0, y: 1 + offset, width: width, height: 1)
            // The last-read column has a fixed width, so every column sits under its label.
            let lastRead = entry.lastRead.map { AgeText.short(Timestamp(secondsSinceEpoch: $0), now: now) } ?? "never"
            let numbers =
                pad(String(entry.comments), 8) + pad(entry.unread > 0 ? String(entry.unread) : "-", 8) + "  "
                + lastRead.padding(toLength: max(10, lastRead.count), withPad: " ", startingAt: 0)
            let numbersWidth = DisplayWidth.of(numbers)
            let titleArea = Rect(x: 0, y: area.y, width: max(0, width - numbersWidth - 1), height: 1)
            let role: ThemeRole = entry.unread > 0 ? .treeUnread : .treeAuthor
            let x = screen.put(
                (index == library.selected ? "> " : "  ") + entry.title, x: 0, y: area.y, style: theme[role],
                clip: titleArea)
            screen.put("  " + entry.source, x: x, y: area.y, style: theme[.treeDate], clip: titleArea)
            screen.put(numbers, x: max(0, width - numbersWidth), y: area.y, style: theme[.treeCount], clip: area)
            if index == library.selected { screen.restyle(area) { _ in theme[.treeSelected] } }
        }
        if library.rows > 1 {
            let status = Rect(x: 0, y: library.rows - 1, width: width, height: 1)
            screen.fill(status, style: theme[.status])
            let position = " \(library.selected + 1)/\(library.entries.count)  "
            let x = screen.put(position, x: 0, y: status.y, style: theme[.status], clip: status)
            if let notice = library.notice {
                screen.put(notice, x: x, y: status.y, style: theme[.statusMessage], clip: status)
            } else {
                screen.put(
                    "Enter opens; q in a discussion comes back here; q quits", x: x, y: status.y, style: theme[.status],
                    clip: status)
            }
        }
        return screen
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
