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
    /// The selection moved: idle time should get the comments around it ready.
    var needsPrefetch = false
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
    /// The names of the themes `t` cycles through, and the one in use.
    public internal(set) var themeNames: [String] = ["default"]
    public internal(set) var themeIndex = 0
    /// Inline mode (`i`): one scroll of all comments with their bodies.
    public internal(set) var isInline = false
    /// In inline mode, the first row drawn and how many of its lines are scrolled away.
    public internal(set) var inlineTop = 0
    public internal(set) var inlineOffset = 0
    /// The comment whose subtree fills the tree pane (`z`), or nil.
    public internal(set) var focusRoot: Int?
    /// Work for the terminal side (clipboard, pager, pipe), taken with `takeRequest()`.
    public internal(set) var request: TerminalRequest?
    /// The addresses listed by `u` while the list is open.
    public internal(set) var urlChoices: [String]?
    /// The pipe prompt's text while it is open.
    public internal(set) var pipePrompt: String?
    /// The limit in force (`L`, `f`), and the limit prompt's text while it is open.
    public internal(set) var limit: Limit?
    public internal(set) var limitPrompt: String?
    /// A limit still checking comments (see ``applyLimit(_:)``).
    var pendingLimit: PendingLimit?
    /// The search prompt and its matches.
    public internal(set) var search = SearchState()
    /// The marks a bulk mark changed, for `undo-bulk-mark`.
    var lastBulkMark: [Int] = []
    /// Wrapped lines of the article pane, cached; a reference shared by copies of the App.
    let article: ArticleText
    /// The text after each tree row's header, as drawn.
    let rowText = RowTextCache()

    /// A reader on `discussion`, restoring what `saved` holds: read marks, folds, and the
    /// comments seen at the previous visit (the others are marked new).
    public init(
        discussion: Discussion, columns: Int, rows: Int, options: ReaderOptions, keyMap: KeyMap = .standard,
        saved: SavedState = SavedState()
    ) {
        let tree = ThreadTree(discussion)
        var marks = ReadMarks(tree: tree)
        var isNew = [Bool](repeating: false, count: tree.count)
        var newCount = 0
        for node in 1..<max(tree.count, 1) {
            let comment = discussion.comments[tree.commentIndex[node]]
            // A placeholder is nothing to read: it never counts as unread.
            if comment.isPlaceholder || saved.readKeys.contains(comment.key) { marks.setRead(node, true) }
            if let seen = saved.previouslySeen, !comment.isPlaceholder, !seen.contains(comment.key) {
                isNew[node] = true
                newCount += 1
            }
        }
        _ = marks.takeChanges()
        let collapse = App.initialFolds(tree, discussion: discussion, marks: marks, saved: saved, options: options, columns: columns, rows: rows)
        self.article = ArticleText()
        self.discussion = discussion
        self.tree = tree
        self.marks = marks
        self.isNew = isNew
        self.newCount = newCount
        self.collapse = collapse
        self.rows = VisibleRows(tree: tree, collapsed: collapse)
        self.columns = max(0, columns)
        screenRows = max(0, rows)
        self.options = options
        self.keyMap = keyMap
        message = discussion.notices.first ?? (newCount > 0 ? "\(newCount) new since your last visit." : nil)
    }

    /// Saved folds when there are any; else an archive with more threads than fit starts
    /// folded; and with `collapsesReadSubtrees`, every subtree with nothing unread is folded.
    private static func initialFolds(
        _ tree: ThreadTree, discussion: Discussion, marks: ReadMarks, saved: SavedState, options: ReaderOptions, columns: Int,
        rows: Int
    ) -> CollapseState {
        var collapse = CollapseState()
        if !saved.foldKeys.isEmpty {
            if saved.foldKeys.contains(.articleRoot) { collapse.collapse(ThreadTree.root) }
            for node in 1..<max(tree.count, 1) where saved.foldKeys.contains(discussion.comments[tree.commentIndex[node]].key) {
                collapse.collapse(node)
            }
        } else {
            let treeHeight = PaneLayout(
                columns: columns, rows: rows, choice: options.orientation, split: options.split
            ).tree.height
            if discussion.isArchive && App.topLevelCount(tree, atMost: treeHeight + 1) > treeHeight {
                collapse.collapseToTopLevel(in: tree)
            }
        }
        if options.collapsesReadSubtrees {
            var node = 1
            while node < tree.count {
                if tree.hasChildren(node) && marks.unreadCount(inSubtreeOf: node, of: tree) == 0 {
                    collapse.collapse(node)
                    node = tree.subtreeEnd[node]
                } else {
                    node += 1
                }
            }
        }
        return collapse
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
    public var layout: PaneLayout {
        if isInline {
            // One pane: the scroll takes every row but the status line.
            var layout = PaneLayout(columns: columns, rows: screenRows, choice: .stacked, split: options.split)
            layout.article = Rect(x: 0, y: 0, width: columns, height: max(0, screenRows - 1))
            layout.tree = Rect(x: 0, y: 0, width: columns, height: max(0, screenRows - 1))
            layout.divider = Rect(x: 0, y: 0, width: 0, height: 0)
            return layout
        }
        var layout = PaneLayout(columns: columns, rows: screenRows, choice: options.orientation, split: options.split)
        if focusRoot != nil && layout.tree.height > 1 {
            // The breadcrumb of the focused subtree takes the tree pane's first row.
            layout.breadcrumb = layout.tree.row(0)
            layout.tree = Rect(x: layout.tree.x, y: layout.tree.y + 1, width: layout.tree.width, height: layout.tree.height - 1)
        }
        return layout
    }

    /// The comment shown by `node` (not the root).
    public func comment(at node: Int) -> Comment { discussion.comments[tree.commentIndex[node]] }

    /// Comments that appeared since the previous visit.
    public internal(set) var isNew: [Bool]
    /// How many comments are new since the previous visit.
    public let newCount: Int

    /// The read marks changed since the last call, by key, for saving.
    public mutating func takeReadChanges() -> [(key: StableKey, read: Bool)] {
        marks.takeChanges().compactMap { change in
            let comment = comment(at: change.node)
            return comment.isPlaceholder ? nil : (comment.key, change.read)
        }
    }

    /// The keys of the collapsed comments (the article as `StableKey.articleRoot`), for saving.
    public var collapsedKeys: Set<StableKey> {
        Set(collapse.nodes.map { $0 == ThreadTree.root ? StableKey.articleRoot : comment(at: $0).key })
    }

    /// The keys of every read comment.
    public var readKeys: Set<StableKey> {
        var keys: Set<StableKey> = []
        for node in 1..<max(tree.count, 1) where marks.isRead(node) && !comment(at: node).isPlaceholder {
            keys.insert(comment(at: node).key)
        }
        return keys
    }

    /// Sets the themes `t` cycles through and the one in use.
    public mutating func setThemes(_ names: [String], current: Int) {
        themeNames = names.isEmpty ? ["default"] : names
        themeIndex = min(max(0, current), themeNames.count - 1)
    }

    /// Shows `text` in the status line until the next key (a warning from outside the App).
    public mutating func show(message text: String) { message = text }

    /// Handles one key; returns what the loop must do.
    @discardableResult
    public mutating func handle(_ key: Key) -> Effects {
        message = nil
        if case .resize(let newColumns, let newRows) = key {
            // No terminal is larger; a scripted <resize:…> must not allocate a gigantic screen.
            columns = min(max(0, newColumns), 4000)
            screenRows = min(max(0, newRows), 2000)
            keepSelectionOnScreen()
            clampArticleScroll()
            return .redraw
        }
        if case .mouse(let button, let column, let row) = key {
            guard !isShowingHelp, limitPrompt == nil, pipePrompt == nil, urlChoices == nil, !search.isEditing else { return [] }
            let foldsBefore = collapse.version
            var effects = handleMouse(button, column: column, row: row)
            if collapse.version != foldsBefore { effects.insert(.persistFolds) }
            return effects
        }
        if urlChoices != nil { return handleURLKey(key) }
        if pipePrompt != nil { return handlePipeKey(key) }
        if limitPrompt != nil { return handleLimitKey(key) }
        if search.isEditing { return handleSearchKey(key) }
        guard let action = keyMap.action(for: key) else {
            message = "\(KeyNotation.name(of: key)) does nothing here; ? lists the keys."
            return .redraw
        }
        if isShowingHelp { return handleInHelp(action) }
        let readBefore = marks.version
        let foldsBefore = collapse.version
        var effects = perform(action)
        keepSelectionOnScreen()
        if marks.version != readBefore { effects.insert(.persistReadMarks) }
        if collapse.version != foldsBefore { effects.insert(.persistFolds) }
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
