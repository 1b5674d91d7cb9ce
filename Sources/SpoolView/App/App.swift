import SpoolCore

/// The reader's state machine: a key goes in, the state changes, ``Effects`` come out.
///
/// The App never draws and never reads files; ``ReaderView`` renders it into a ``Screen``
/// and the terminal backend (or `spool render`, or a test) shows that screen.
///
/// ```swift
/// var app = App(discussion: discussion, columns: 80, rows: 24, options: ReaderOptions(now: now))
/// app.handle(.character("j"))
/// let screen = ReaderView(theme: .monochrome).render(app)
/// ```
public struct App: Sendable {
    public let discussion: Discussion
    public let tree: ThreadTree
    public internal(set) var collapse: CollapseState
    public internal(set) var rows: VisibleRows
    public internal(set) var marks: ReadMarks
    /// The selected node (0 is the article).
    public internal(set) var selected = ThreadTree.root
    /// The first tree row on screen.
    public internal(set) var treeTop = 0
    /// The first article line on screen.
    public internal(set) var articleScroll = 0
    public internal(set) var focus = Focus.tree
    public internal(set) var isShowingHelp = false
    public internal(set) var helpScroll = 0
    /// The status message, cleared by the next key.
    public internal(set) var message: String?
    public internal(set) var columns: Int
    public internal(set) var screenRows: Int
    public internal(set) var options: ReaderOptions
    public var keyMap: KeyMap
    /// The marks a bulk mark changed, for `undo-bulk-mark`.
    var lastBulkMark: [Int] = []
    /// Wrapped lines of the article pane, cached; a reference shared by copies of the App.
    let article: ArticleText

    /// A reader on `discussion`, with the comments whose keys are in `readKeys` read.
    public init(
        discussion: Discussion, columns: Int, rows: Int, options: ReaderOptions, keyMap: KeyMap = .standard,
        readKeys: Set<StableKey> = []
    ) {
        let tree = ThreadTree(discussion)
        var marks = ReadMarks(tree: tree)
        for node in 1..<max(tree.count, 1) {
            let comment = discussion.comments[tree.commentIndex[node]]
            // A placeholder is nothing to read: it never counts as unread.
            if comment.isPlaceholder || readKeys.contains(comment.key) { marks.setRead(node, true) }
        }
        let treeHeight = PaneLayout(columns: columns, rows: rows, choice: options.orientation).tree.height
        var collapse = CollapseState()
        if discussion.isArchive && App.topLevelCount(tree, atMost: treeHeight + 1) > treeHeight {
            // An archive with more threads than fit on screen starts with its threads folded.
            collapse.collapseToTopLevel(in: tree)
        }
        self.article = ArticleText()
        self.discussion = discussion
        self.tree = tree
        self.marks = marks
        self.collapse = collapse
        self.rows = VisibleRows(tree: tree, collapsed: collapse)
        self.columns = max(0, columns)
        screenRows = max(0, rows)
        self.options = options
        self.keyMap = keyMap
        message = discussion.notices.first
    }

    /// How many top-level nodes `tree` has, counting no further than `limit`.
    private static func topLevelCount(_ tree: ThreadTree, atMost limit: Int) -> Int {
        var count = 0
        var node = tree.count > 1 ? 1 : -1
        while node >= 0 && count < limit {
            count += 1
            node = tree.nextSibling[node]
        }
        return count
    }

    /// The panes on the current screen size.
    public var layout: PaneLayout { PaneLayout(columns: columns, rows: screenRows, choice: options.orientation) }

    /// The comment shown by `node` (not the root).
    public func comment(at node: Int) -> Comment { discussion.comments[tree.commentIndex[node]] }

    /// The keys of every read comment, for saving.
    public var readKeys: Set<StableKey> {
        var keys: Set<StableKey> = []
        for node in 1..<max(tree.count, 1) where marks.isRead(node) && !comment(at: node).isPlaceholder {
            keys.insert(comment(at: node).key)
        }
        return keys
    }

    /// Handles one key; returns what the loop must do.
    @discardableResult
    public mutating func handle(_ key: Key) -> Effects {
        message = nil
        if case .resize(let newColumns, let newRows) = key {
            columns = max(0, newColumns)
            screenRows = max(0, newRows)
            keepSelectionOnScreen()
            clampArticleScroll()
            return .redraw
        }
        guard let action = keyMap.action(for: key) else {
            message = "\(KeyNotation.name(of: key)) does nothing here; ? lists the keys."
            return .redraw
        }
        if isShowingHelp { return handleInHelp(action) }
        let readBefore = marks
        var effects = perform(action)
        keepSelectionOnScreen()
        if marks != readBefore { effects.insert(.persistReadMarks) }
        return effects.union(.redraw)
    }

    private mutating func handleInHelp(_ action: Action) -> Effects {
        switch action {
        case .help, .quit, .close: isShowingHelp = false
        case .nextComment, .articleLineDown: helpScroll += 1
        case .previousComment, .articleLineUp: helpScroll = max(0, helpScroll - 1)
        case .pageDown, .articlePageDown: helpScroll += max(1, screenRows - 4)
        case .pageUp, .articlePageUp: helpScroll = max(0, helpScroll - max(1, screenRows - 4))
        default: break
        }
        return .redraw
    }
}
