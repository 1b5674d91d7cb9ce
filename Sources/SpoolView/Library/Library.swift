import SpoolCore

/// One discussion in the library list.
public struct LibraryEntry: Equatable, Sendable {
    public var title: String
    public var source: String
    public var comments: Int
    public var unread: Int
    /// When it was last opened (seconds since 1970), if ever.
    public var lastRead: Int64?

    public init(title: String, source: String, comments: Int, unread: Int, lastRead: Int64?) {
        self.title = title
        self.source = source
        self.comments = comments
        self.unread = unread
        self.lastRead = lastRead
    }
}

/// The list of discussions Spool shows for several files or a folder: the reader's keys
/// move (j k g G PgUp PgDn), Enter or l opens one, q quits; `q` in a discussion comes back here.
public struct Library: Sendable {
    public var entries: [LibraryEntry]
    public internal(set) var selected = 0
    public internal(set) var top = 0
    public internal(set) var columns: Int
    public internal(set) var rows: Int
    public let keyMap: KeyMap

    public init(entries: [LibraryEntry], columns: Int, rows: Int, keyMap: KeyMap = .standard) {
        self.entries = entries
        self.columns = columns
        self.rows = rows
        self.keyMap = keyMap
    }

    /// What a key asks of the loop around the library.
    public enum Outcome: Equatable, Sendable {
        case open(Int)
        case quit
    }

    /// Handles a key; an outcome when the loop must open a discussion or leave.
    public mutating func handle(_ key: Key) -> Outcome? {
        if case .resize(let c, let r) = key {
            columns = c
            rows = r
        } else if case .mouse(.click, _, let row) = key, row >= 1, top + row - 1 < entries.count {
            selected = top + row - 1
            return .open(selected)
        }
        let page = max(1, rows - 3)
        switch keyMap.action(for: key) {
        case .nextComment: selected = min(max(0, entries.count - 1), selected + 1)
        case .previousComment: selected = max(0, selected - 1)
        case .first: selected = 0
        case .last: selected = max(0, entries.count - 1)
        case .pageDown: selected = min(max(0, entries.count - 1), selected + page)
        case .pageUp: selected = max(0, selected - page)
        case .toggleCollapse, .expandOrChild: return entries.isEmpty ? nil : .open(selected)
        case .quit: return .quit
        default: break
        }
        let height = max(1, rows - 2)
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        return nil
    }
}

/// Draws the library: a title row, one row a discussion, a status line.
public struct LibraryView: Sendable {
    public var theme: Theme
    public var now: Timestamp

    public init(theme: Theme, now: Timestamp) {
        self.theme = theme
        self.now = now
    }

    public func render(_ library: Library) -> Screen {
        var screen = Screen(width: library.columns, height: library.rows, style: theme[.treeText])
        let width = library.columns
        guard library.rows > 0 else { return screen }
        let header = Rect(x: 0, y: 0, width: width, height: 1)
        screen.put("Library: \(library.entries.count) discussions   comments  unread  last read", x: 0, y: 0, style: theme[.treeRoot], clip: header)
        let listHeight = max(0, library.rows - 2)
        for offset in 0..<listHeight where library.top + offset < library.entries.count {
            let index = library.top + offset
            let entry = library.entries[index]
            let area = Rect(x: 0, y: 1 + offset, width: width, height: 1)
            let numbers = pad(String(entry.comments), 8) + pad(entry.unread > 0 ? String(entry.unread) : "-", 8) + "  "
                + (entry.lastRead.map { AgeText.short(Timestamp(secondsSinceEpoch: $0), now: now) } ?? "never")
            let numbersWidth = DisplayWidth.of(numbers)
            let titleArea = Rect(x: 0, y: area.y, width: max(0, width - numbersWidth - 1), height: 1)
            let role: ThemeRole = entry.unread > 0 ? .treeUnread : .treeAuthor
            let x = screen.put((index == library.selected ? "> " : "  ") + entry.title, x: 0, y: area.y, style: theme[role], clip: titleArea)
            screen.put("  " + entry.source, x: x, y: area.y, style: theme[.treeDate], clip: titleArea)
            screen.put(numbers, x: max(0, width - numbersWidth), y: area.y, style: theme[.treeCount], clip: area)
            if index == library.selected { screen.restyle(area) { _ in theme[.treeSelected] } }
        }
        if library.rows > 1 {
            let status = Rect(x: 0, y: library.rows - 1, width: width, height: 1)
            screen.fill(status, style: theme[.status])
            let text = " \(library.selected + 1)/\(library.entries.count)  Enter opens; q in a discussion comes back here; q quits"
            screen.put(text, x: 0, y: status.y, style: theme[.status], clip: status)
        }
        return screen
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
