import SpoolCore
import SpoolScreen

/// The reader state that `spool render --json` prints, as DESIGN.md specifies.
public struct ReaderSnapshot: Codable, Equatable, Sendable {
    /// The selected row.
    public struct Selection: Codable, Equatable, Sendable {
        /// The comment id, or nil for the article.
        public var id: String?
        public var author: String?
        public var depth: Int
        /// Index among the visible rows.
        public var index: Int
    }

    public var selected: Selection
    public var visible: Int
    public var total: Int
    public var unread: Int
    /// Comments that appeared since the previous visit.
    public var new: Int
    /// Ids of the collapsed comments (`"article"` for the root).
    public var collapsed: [String]
    public var articleScroll: Int
    public var focus: String
    public var layout: String
    public var theme: String
    public var message: String?
    public var help: Bool
    /// The search query while it is typed.
    public var search: String?
}

extension Reader {
    /// A snapshot of the state for scripts and tests.
    public func snapshot() -> ReaderSnapshot {
        let themeName = themeNames[themeIndex]
        let isRoot = selected == ThreadTree.root
        let selection = ReaderSnapshot.Selection(
            id: isRoot ? nil : comment(at: selected).id,
            author: isRoot ? discussion.articleAuthor : comment(at: selected).author,
            depth: tree.depth[selected], index: rows.row(of: selected) ?? 0)
        return ReaderSnapshot(
            selected: selection, visible: rows.count, total: discussion.comments.count, unread: marks.unreadCount,
            new: newCount,
            collapsed: collapse.nodes.map { $0 == ThreadTree.root ? "article" : comment(at: $0).id },
            articleScroll: articleScroll, focus: paneFocus.rawValue,
            layout: isInline ? "inline" : viewport.orientation.rawValue,
            theme: themeName, message: messages.shown, help: isShowingHelp,
            search: isSearching ? search.query : nil)
    }
}

extension Reader {
    /// Whether the key list is open.
    public var isShowingHelp: Bool {
        if case .help = mode { return true }
        return false
    }
}
