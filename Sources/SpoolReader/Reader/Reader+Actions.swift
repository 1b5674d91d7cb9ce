import SpoolCore
import SpoolScreen

extension Reader {
    mutating func perform(_ action: Action) -> Effects {
        let before = selected
        let effects = performing(action)
        if action.isJump && selected != before { jumps.leave(before) }
        return effects
    }

    private mutating func performing(_ action: Action) -> Effects {
        switch action {
        case .nextComment, .previousComment:
            let step = action == .nextComment ? 1 : -1
            if paneFocus == .article { scrollArticle(by: step) } else { moveSelection(byRows: step) }
        case .toggleCollapse: toggleCollapse()
        case .collapseOrParent: collapseOrParent()
        case .expandOrChild: expandOrChild()
        case .parent: goToParent()
        case .nextSibling, .previousSibling: goToSibling(forward: action == .nextSibling)
        case .nextThread, .previousThread: goToThread(forward: action == .nextThread)
        case .threadRoot: goToThreadRoot()
        case .markThreadRead: markThreadRead()
        case .collapseAll:
            collapse.collapseToTopLevel(in: tree)
            rebuildRows()
            messages.say("Collapsed to the top level.")
        case .expandAll:
            collapse.expandAll()
            rebuildRows()
        case .first: select(rows[0])
        case .last: select(rows[rows.count - 1])
        case .pageDown where paneFocus == .article, .pageUp where paneFocus == .article:
            // The pane with focus pages: the article's text, not the tree behind it.
            scrollArticle(by: (action == .pageDown ? 1 : -1) * max(1, viewport.article.height - 1))
        case .pageDown: moveSelection(byRows: max(1, viewport.tree.height - 1))
        case .pageUp: moveSelection(byRows: -max(1, viewport.tree.height - 1))
        case .articlePageDown, .articlePageUp, .articleLineDown, .articleLineUp: scrollArticle(action)
        case .inlineMode: toggleInline()
        case .nextSameAuthor, .previousSameAuthor: jumpBySameAuthor(forward: action == .nextSameAuthor)
        case .nextUnread, .previousUnread: goToUnread(forward: action == .nextUnread)
        case .jumpBack, .jumpForward: jump(back: action == .jumpBack)
        case .toggleRead: toggleRead()
        case .markSubtreeRead: markRead(selected..<tree.subtreeEnd[selected], what: "in this subtree")
        case .markAllRead: markRead(0..<tree.count, what: "in the discussion")
        case .undoBulkMark: undoBulkMark()
        case .newSince: mode = .prompt(Prompt(.since))
        case .toggleBookmark: return toggleBookmark()
        case .listBookmarks: listBookmarks()
        case .muteAuthor: return toggleMuteAuthor()
        case .showMuted: toggleShowMuted()
        case .search: startSearch()
        case .limit: mode = .prompt(Prompt(.limit, text: limit?.pattern ?? ""))
        case .openURL: listURLs()
        case .copy: return copySelection()
        case .pipe: mode = .prompt(Prompt(.pipe, text: history[.pipe].last ?? ""))
        case .viewInPager: return Effects(commands: [.page(selectedTextForDisplay)])
        case .toggleHeaders: toggleHeaders()
        case .toggleQuotes: toggleQuotes()
        case .skipQuoted: skipQuoted()
        case .viewAttachments: listAttachments()
        case .save: startSave()
        case .toggleThreadOrder: toggleThreadOrder()
        case .limitToAuthor: limitToAuthor()
        case .nextMatch, .previousMatch: goToMatch(forward: action == .nextMatch)
        case .nextTheme:
            themeIndex = (themeIndex + 1) % themeNames.count
            messages.say("Theme: \(themeNames[themeIndex]) (\(themeIndex + 1) of \(themeNames.count))")
        case .switchLayout:
            settings.orientation = viewport.orientation == .stacked ? .sideBySide : .stacked
            messages.say(settings.orientation == .stacked ? "Tree above the article." : "Tree beside the article.")
        case .switchFocus: switchFocus()
        case .help: mode = .help(HelpState())
        case .focusSubtree: narrowToSelection()
        case .leaveFocus: widen()
        case .close: close()
        case .quit: return quit()
        case .refresh: return refresh()
        }
        return .none
    }

    /// `$`: leaves for the command to fetch the discussion again and reopen it here.
    private mutating func refresh() -> Effects {
        guard settings.refreshable else {
            messages.say("$ fetches again a discussion opened by its address (spool hn:8863); this one is a file.")
            return .none
        }
        refreshRequested = true
        messages.say("Fetching again…")
        return Effects(redraw: true, quit: true)
    }

    /// `,` and `.`: the comment before the last jump, and back again. Nothing is marked read.
    private mutating func jump(back: Bool) {
        guard let target = back ? jumps.goBack(from: selected) : jumps.goForward(from: selected) else {
            messages.say(back ? "No jump to go back from." : "Nothing to go forward to; , goes back.")
            return
        }
        select(target, marking: false)
        let left = back ? jumps.back.count : jumps.forward.count
        messages.say(back ? "Back (\(left) more back)." : "Forward (\(left) more forward).")
    }

    private mutating func close() {
        if paneFocus == .article {
            presentation = .panes(.tree)
        } else if narrowedTo != nil {
            widen()
        }
    }

    private mutating func quit() -> Effects {
        if narrowedTo != nil {
            widen()
            return .none
        }
        if limit != nil {
            applyLimit("")
            return .none
        }
        return .quit
    }

    private mutating func switchFocus() {
        guard case .panes(let focus) = presentation else {
            messages.say("Inline mode has one scroll; i goes back to the panes.")
            return
        }
        presentation = .panes(focus == .tree ? .article : .tree)
        messages.say(focus == .article ? "Focus: tree." : "Focus: article (j/k scroll it, w to go back).")
    }

    private mutating func toggleInline() {
        if isInline {
            presentation = .panes(.tree)
            messages.say("Tree and article panes.")
        } else {
            presentation = .inline(top: rows.row(of: selected) ?? 0, offset: 0)
            messages.say("Inline: every comment under its header; i goes back.")
        }
    }

    // MARK: - Selection

    /// Selects `node`, expanding what hides it; marks it read when the policy says so and
    /// `marking` allows (a search preview does not). A node outside the narrowed subtree
    /// widens the view first.
    mutating func select(_ node: Int, marking: Bool = true) {
        if let root = narrowedTo, !tree.contains(root, node) {
            narrowedTo = nil
            rebuildRows()
        }
        if let limit, !limit.kept[node] {
            // Going to a comment the limit hides (next unread, same author) ends the limit.
            self.limit = nil
            rebuildRows()
        }
        if rows.row(of: node) == nil {
            collapse.reveal(node, in: tree)
            rebuildRows()
        }
        if node != selected {
            articleScroll = 0
            needsPrefetch = true
        }
        selected = node
        if case .inline(let top, let offset) = presentation, offset > 0, rows.row(of: node) == top {
            presentation = .inline(top: top, offset: 0)
        }
        if marking && settings.marksReadOnSelect { marks.setRead(node, true) }
    }

    mutating func moveSelection(byRows delta: Int) {
        let current = rows.row(of: selected) ?? 0
        let target = min(max(0, current + delta), rows.count - 1)
        if target == current {
            messages.say(delta > 0 ? "This is the last comment." : "This is the first row.")
            return
        }
        select(rows[target])
    }

    private mutating func narrowToSelection() {
        guard selected != ThreadTree.root else {
            messages.say("Select a comment to focus on its subtree.")
            return
        }
        narrowedTo = selected
        collapse.expand(selected)
        rebuildRows()
        messages.say("Focused on this subtree; Z or Esc goes back out.")
    }

    mutating func widen() {
        guard narrowedTo != nil else {
            messages.say("Not focused; z focuses the selected subtree.")
            return
        }
        narrowedTo = nil
        rebuildRows()
    }

    mutating func rebuildRows() {
        rows = VisibleRows(tree: tree, collapsed: collapse, root: narrowedTo ?? ThreadTree.root, kept: limit?.kept)
        if rows.row(of: selected) == nil {
            // The selection was folded away: select the collapsed ancestor that hides it.
            selected = rows[rows.rowAtOrBefore(selected)]
            articleScroll = 0
        }
    }

    /// Scrolls the tree (or the inline view) so the selected row is on screen.
    mutating func keepSelectionOnScreen() {
        if case .inline(let top, let offset) = presentation {
            presentation = inlinePlacement(top: top, offset: offset)
            return
        }
        let height = max(1, viewport.tree.height)
        let row = rows.row(of: selected) ?? 0
        if row < treeTop { treeTop = row }
        if row >= treeTop + height { treeTop = row - height + 1 }
        treeTop = max(0, min(treeTop, max(0, rows.count - height)))
    }

    // MARK: - Tree moves

    /// Whether `node`'s fold can change: it has replies, and it is not the article row
    /// (folding it would hide the whole discussion; one folded by an older Spool still opens).
    func canToggleFold(_ node: Int) -> Bool {
        tree.hasChildren(node) && (node != ThreadTree.root || collapse.isCollapsed(node))
    }

    private mutating func toggleCollapse() {
        guard canToggleFold(selected) else {
            messages.say(
                tree.hasChildren(selected)
                    ? "The article row does not fold; C folds every thread." : "No replies to collapse.")
            return
        }
        collapse.toggle(selected)
        updateRows(below: selected)
    }

    /// After `node` was folded or unfolded: only the rows below it change.
    private mutating func updateRows(below node: Int) {
        if collapse.isCollapsed(node) {
            rows.hideReplies(of: node, in: tree)
        } else {
            rows.showReplies(of: node, in: tree, collapsed: collapse, kept: limit?.kept)
        }
    }

    private mutating func collapseOrParent() {
        if canToggleFold(selected) && !collapse.isCollapsed(selected) {
            collapse.collapse(selected)
            updateRows(below: selected)
        } else {
            goToParent()
        }
    }

    private mutating func expandOrChild() {
        if collapse.isCollapsed(selected) {
            collapse.expand(selected)
            updateRows(below: selected)
        } else if let child = tree.firstChild(of: selected) {
            select(child)
        } else {
            messages.say("No replies.")
        }
    }

    private mutating func goToParent() {
        let parent = tree.parent[selected]
        guard parent >= 0 else {
            messages.say("This is the top of the discussion.")
            return
        }
        select(parent)
    }

    private mutating func goToSibling(forward: Bool) {
        let sibling = forward ? tree.nextSibling[selected] : tree.previousSibling[selected]
        guard sibling >= 0 else {
            messages.say(forward ? "No next sibling." : "No previous sibling.")
            return
        }
        select(sibling)
    }

    /// The next or previous top-level subtree (in an archive, thread); from inside a thread,
    /// "previous" goes to its start first, as mutt's `C-p` does. Threads a limit hides are
    /// passed over.
    private mutating func goToThread(forward: Bool) {
        let current = tree.threadRoot[selected]
        var target: Int
        if current == ThreadTree.root {
            target = forward ? tree.firstChild(of: ThreadTree.root) ?? -1 : -1
        } else if !forward && selected != current {
            target = current
        } else {
            target = forward ? tree.nextSibling[current] : tree.previousSibling[current]
        }
        while target >= 0, let limit, !limit.kept[target] {
            target = forward ? tree.nextSibling[target] : tree.previousSibling[target]
        }
        guard target >= 0 else {
            messages.say(forward ? "This is the last thread." : "This is the first thread.")
            return
        }
        select(target)
    }

    private mutating func goToThreadRoot() {
        let root = tree.threadRoot[selected]
        guard root != ThreadTree.root, root != selected else {
            messages.say(
                selected == ThreadTree.root ? "The article is not in a thread." : "This is the start of the thread.")
            return
        }
        select(root)
    }

    /// `C-r`: the whole thread read, then on to the next thread (mutt's catch-up of one thread).
    private mutating func markThreadRead() {
        let root = tree.threadRoot[selected]
        guard root != ThreadTree.root else {
            messages.say("Select a comment in a thread; M marks the whole discussion read.")
            return
        }
        markRead(root..<tree.subtreeEnd[root], what: "in this thread")
        var next = tree.nextSibling[root]
        while next >= 0, let limit, !limit.kept[next] { next = tree.nextSibling[next] }
        if next >= 0 { select(next, marking: false) }
    }

    private mutating func jumpBySameAuthor(forward: Bool) {
        guard selected == ThreadTree.root || !comment(at: selected).isPlaceholder,
            let jump = tree.jumpBySameAuthor(from: selected, forward: forward)
        else {
            messages.say("Select a comment to follow its author.")
            return
        }
        select(jump.node)
        messages.say("\(jump.ordinal) of \(jump.total) by \(jump.author)")
    }

    private mutating func goToUnread(forward: Bool) {
        guard let target = unread(from: selected, forward: forward) else {
            messages.say(mutes.mutedCount > 0 ? "No unread comments but muted ones." : "No unread comments.")
            return
        }
        if forward ? target <= selected : target >= selected {
            messages.say(forward ? "Wrapped to the first unread comment." : "Wrapped to the last unread comment.")
        }
        select(target)
    }

    /// The next (or previous) unread comment that is not muted, wrapping; muted unread
    /// comments are passed over as a reader skims them.
    func unread(from node: Int, forward: Bool) -> Int? {
        var candidate = node
        var passed = 0
        while let next = forward ? marks.nextUnread(after: candidate) : marks.previousUnread(before: candidate) {
            if !isMuted(next) { return next }
            passed += 1
            // Every unread comment is muted: the search came round.
            if next == node || passed > mutes.mutedCount { return nil }
            candidate = next
        }
        return nil
    }
}
