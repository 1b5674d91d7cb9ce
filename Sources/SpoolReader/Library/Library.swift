import SpoolCore
import SpoolScreen

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
    /// A message for the status line until the next key (files left out, say).
    public internal(set) var notice: String?

    public init(entries: [LibraryEntry], columns: Int, rows: Int, keyMap: KeyMap = .standard, notice: String? = nil) {
        self.entries = entries
        self.columns = columns
        self.rows = rows
        self.keyMap = keyMap
        self.notice = notice
    }

    /// What a key asks of the loop around the library.
    public enum Outcome: Equatable, Sendable {
        case open(Int)
        case quit
    }

    /// Handles a key; an outcome when the loop must open a discussion or leave.
    public mutating func handle(_ key: Key) -> Outcome? {
        if case .resize = key {} else { notice = nil }
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
