import Foundation
import SpoolCore
import SpoolScreen

/// One discussion in the library list.
public struct LibraryEntry: Equatable, Sendable {
    public var title: String
    public var source: String
    public var comments: Int
    public var unread: Int
    /// Comments the last visit did not see (0 before a first visit).
    public var new: Int
    /// When it was last opened (seconds since 1970), if ever.
    public var lastRead: Int64?

    public init(title: String, source: String, comments: Int, unread: Int, new: Int = 0, lastRead: Int64?) {
        self.title = title
        self.source = source
        self.comments = comments
        self.unread = unread
        self.new = new
        self.lastRead = lastRead
    }
}

/// The list of discussions Spool shows for several files or a folder: the reader's keys
/// move (j k g G PgUp PgDn), Enter or l opens one, `/` filters, `O` sorts, `?` lists the
/// keys, q quits; `q` in a discussion comes back here.
public struct Library: Sendable {
    /// How the list is sorted (`O` goes to the next).
    public enum Order: String, CaseIterable, Sendable {
        /// As the files were given (or found in the folder).
        case given
        /// Most unread comments first.
        case unread
        /// Most recently read first; never-read ones last.
        case lastRead

        var next: Order {
            let all = Order.allCases
            return all[(all.firstIndex(of: self)! + 1) % all.count]
        }

        /// How the status line says it.
        public var summary: String {
            switch self {
            case .given: return "as given"
            case .unread: return "by unread"
            case .lastRead: return "by last read"
            }
        }
    }

    /// Where keys go.
    public enum Mode: Equatable, Sendable {
        case browsing
        /// The key list (`?`).
        case help
        /// `/`: keys edit the filter, which applies as it is typed.
        case filtering(PromptLine)
    }

    public private(set) var entries: [LibraryEntry]
    /// The entries listed, as indices into ``entries``: filtered and sorted.
    public private(set) var shown: [Int]
    /// The selected row of ``shown``.
    public internal(set) var selected = 0
    public internal(set) var top = 0
    public internal(set) var columns: Int
    public internal(set) var rows: Int
    public let keyMap: KeyMap
    public private(set) var order = Order.given
    /// Only entries whose title or file holds this text (any case) are listed.
    public private(set) var filter = ""
    public private(set) var mode = Mode.browsing
    /// A message for the status line until the next key (files left out, say).
    public internal(set) var notice: String?

    public init(entries: [LibraryEntry], columns: Int, rows: Int, keyMap: KeyMap = .standard, notice: String? = nil) {
        self.entries = entries
        shown = Array(entries.indices)
        self.columns = columns
        self.rows = rows
        self.keyMap = keyMap
        self.notice = notice
    }

    /// What a key asks of the loop around the library.
    public enum Outcome: Equatable, Sendable {
        /// Open the entry at this index of ``entries``.
        case open(Int)
        case quit
    }

    /// The entry of the selected row, as an index into ``entries``.
    public var selectedEntry: Int? { shown.indices.contains(selected) ? shown[selected] : nil }

    /// Brings an entry up to date after its discussion was read; the selection stays on it.
    public mutating func update(_ index: Int, with entry: LibraryEntry) {
        guard entries.indices.contains(index) else { return }
        entries[index] = entry
        arrange(keeping: selectedEntry)
    }

    /// Handles a key; an outcome when the loop must open a discussion or leave.
    public mutating func handle(_ key: Key) -> Outcome? {
        if case .resize(let c, let r) = key {
            columns = c
            rows = r
            keepSelectionOnScreen()
            return nil
        }
        notice = nil
        switch mode {
        case .help:
            mode = .browsing
            return nil
        case .filtering(let line):
            filterKey(key, line: line)
            return nil
        case .browsing: break
        }
        if case .mouse(let button, _, let row) = key {
            if button == .click, row >= 1, top + row - 1 < shown.count {
                selected = top + row - 1
                return .open(shown[selected])
            }
            if button != .click { selected = max(0, min(shown.count - 1, selected + (button == .wheelDown ? 3 : -3))) }
            keepSelectionOnScreen()
            return nil
        }
        let page = max(1, rows - 3)
        let last = max(0, shown.count - 1)
        switch keyMap.action(for: key) {
        case .nextComment: selected = min(last, selected + 1)
        case .previousComment: selected = max(0, selected - 1)
        case .first: selected = 0
        case .last: selected = last
        case .pageDown: selected = min(last, selected + page)
        case .pageUp: selected = max(0, selected - page)
        case .toggleCollapse, .expandOrChild: return selectedEntry.map { .open($0) }
        case .search, .limit: mode = .filtering(PromptLine(filter))
        case .toggleThreadOrder:
            order = order.next
            arrange(keeping: selectedEntry)
            notice = "Sorted \(order.summary); O sorts again."
        case .help: mode = .help
        case .quit, .close:
            guard filter.isEmpty else {
                applyFilter("")
                notice = "Every discussion listed again."
                return nil
            }
            if keyMap.action(for: key) == .quit { return .quit }
        case nil: notice = "\(KeyNotation.name(of: key)) does nothing here; ? lists the keys."
        default: notice = "That key works in a discussion; ? lists the library's keys."
        }
        keepSelectionOnScreen()
        return nil
    }

    /// A key while `/` is open: the filter follows the line; Enter keeps it, Esc drops it.
    private mutating func filterKey(_ key: Key, line: PromptLine) {
        var line = line
        switch line.apply(key) {
        case .submitted:
            mode = .browsing
            if shown.isEmpty {
                notice = "Nothing matches \(filter); q lists everything again."
            }
        case .cancelled:
            mode = .browsing
            applyFilter("")
        case .edited:
            mode = .filtering(line)
            applyFilter(line.text)
        case .moved, .ignored: mode = .filtering(line)
        }
    }

    private mutating func applyFilter(_ text: String) {
        filter = text
        arrange(keeping: selectedEntry)
    }

    /// Filters and sorts ``shown``; the selection stays on `entry` when it is still listed.
    private mutating func arrange(keeping entry: Int?) {
        let needle = filter.trimmingCharacters(in: .whitespaces)
        var list = entries.indices.filter { index in
            needle.isEmpty || entries[index].title.localizedCaseInsensitiveContains(needle)
                || entries[index].source.localizedCaseInsensitiveContains(needle)
        }
        switch order {
        case .given: break
        case .unread:
            list.sort { entries[$0].unread != entries[$1].unread ? entries[$0].unread > entries[$1].unread : $0 < $1 }
        case .lastRead:
            list.sort {
                let (a, b) = (entries[$0].lastRead ?? .min, entries[$1].lastRead ?? .min)
                return a != b ? a > b : $0 < $1
            }
        }
        shown = list
        selected = entry.flatMap { list.firstIndex(of: $0) } ?? 0
        keepSelectionOnScreen()
    }

    private mutating func keepSelectionOnScreen() {
        let height = max(1, rows - 2)
        selected = min(selected, max(0, shown.count - 1))
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, shown.count - height)))
    }
}
