import SpoolCore

extension App {
    mutating func perform(_ action: Action) -> Effects {
        switch action {
        case .nextComment, .previousComment:
            let step = action == .nextComment ? 1 : -1
            if focus == .article { scrollArticle(by: step) } else { moveSelection(byRows: step) }
        case .toggleCollapse: toggleCollapse()
        case .collapseOrParent: collapseOrParent()
        case .expandOrChild: expandOrChild()
        case .parent: goToParent()
        case .nextSibling, .previousSibling: goToSibling(forward: action == .nextSibling)
        case .collapseAll:
            collapse.collapseToTopLevel(in: tree)
            rebuildRows()
            message = "Collapsed to the top level."
        case .expandAll:
            collapse.expandAll()
            rebuildRows()
        case .first: select(rows[0])
        case .last: select(rows[rows.count - 1])
        case .pageDown: moveSelection(byRows: max(1, layout.tree.height - 1))
        case .pageUp: moveSelection(byRows: -max(1, layout.tree.height - 1))
        case .articlePageDown:
            if isInline { scrollInline(by: max(1, layout.article.height - 1)) } else { pageArticleDown() }
        case .articlePageUp:
            if isInline {
                scrollInline(by: -max(1, layout.article.height - 1))
            } else {
                scrollArticle(by: -max(1, layout.article.height - 1))
            }
        case .inlineMode:
            isInline.toggle()
            inlineTop = rows.row(of: selected) ?? 0
            inlineOffset = 0
            message = isInline ? "Inline: every comment under its header; i goes back." : "Tree and article panes."
        case .articleLineDown: scrollArticle(by: 1)
        case .articleLineUp: scrollArticle(by: -1)
        case .nextSameAuthor, .previousSameAuthor: jumpBySameAuthor(forward: action == .nextSameAuthor)
        case .nextUnread, .previousUnread: goToUnread(forward: action == .nextUnread)
        case .toggleRead: toggleRead()
        case .markSubtreeRead: markRead(selected..<tree.subtreeEnd[selected], what: "in this subtree")
        case .markAllRead: markRead(0..<tree.count, what: "in the discussion")
        case .undoBulkMark: undoBulkMark()
        case .search: startSearch()
        case .limit: startLimitPrompt()
        case .openURL: listURLs()
        case .copy: copySelection()
        case .pipe: startPipePrompt()
        case .viewInPager: pageSelection()
        case .limitToAuthor: limitToAuthor()
        case .nextMatch, .previousMatch: goToMatch(forward: action == .nextMatch)
        case .nextTheme:
            themeIndex = (themeIndex + 1) % themeNames.count
            message = "Theme: \(themeNames[themeIndex]) (\(themeIndex + 1) of \(themeNames.count))"
        case .switchLayout:
            options.orientation = layout.orientation == .stacked ? .sideBySide : .stacked
            message = options.orientation == .stacked ? "Tree above the article." : "Tree beside the article."
        case .switchFocus:
            focus = focus == .tree ? .article : .tree
            message = focus == .tree ? "Focus: tree." : "Focus: article (j/k scroll it, w to go back)."
        case .help:
            isShowingHelp = true
            helpScroll = 0
        case .focusSubtree:
            guard selected != ThreadTree.root else {
                message = "Select a comment to focus on its subtree."
                return []
            }
            focusRoot = selected
            collapse.expand(selected)
            rebuildRows()
            message = "Focused on this subtree; Z or Esc goes back out."
        case .leaveFocus: leaveFocus()
        case .close:
            if focus == .article { focus = .tree } else if focusRoot != nil { leaveFocus() }
        case .quit:
            if focusRoot != nil {
                leaveFocus()
                return []
            }
            if limit != nil {
                applyLimit("")
                return []
            }
            return .quit
        }
        return []
    }

    // MARK: - Selection

    /// Selects `node`, expanding what hides it; marks it read when the policy says so. A node
    /// outside the focused subtree ends the focus first.
    mutating func select(_ node: Int) {
        if let root = focusRoot, !tree.contains(root, node) {
            focusRoot = nil
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
        if options.marksReadOnSelect { marks.setRead(node, true) }
    }

    mutating func moveSelection(byRows delta: Int) {
        let current = rows.row(of: selected) ?? 0
        let target = min(max(0, current + delta), rows.count - 1)
        if target == current {
            message = delta > 0 ? "This is the last comment." : "This is the first row."
            return
        }
        select(rows[target])
    }

    mutating func leaveFocus() {
        guard focusRoot != nil else {
            message = "Not focused; z focuses the selected subtree."
            return
        }
        focusRoot = nil
        rebuildRows()
    }

    mutating func rebuildRows() {
        rows = VisibleRows(tree: tree, collapsed: collapse, root: focusRoot ?? ThreadTree.root, kept: limit?.kept)
        if rows.row(of: selected) == nil {
            // The selection was folded away: select the collapsed ancestor that hides it.
            selected = rows[rows.rowAtOrBefore(selected)]
            articleScroll = 0
        }
    }

    /// Scrolls the tree (or the inline view) so the selected row is on screen.
    mutating func keepSelectionOnScreen() {
        if isInline {
            keepInlineSelectionOnScreen()
            return
        }
        let height = max(1, layout.tree.height)
        let row = rows.row(of: selected) ?? 0
        if row < treeTop { treeTop = row }
        if row >= treeTop + height { treeTop = row - height + 1 }
        treeTop = max(0, min(treeTop, max(0, rows.count - height)))
    }

    // MARK: - Tree moves

    private mutating func toggleCollapse() {
        guard tree.hasChildren(selected) else {
            message = "No replies to collapse."
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
        if tree.hasChildren(selected) && !collapse.isCollapsed(selected) {
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
            message = "No replies."
        }
    }

    private mutating func goToParent() {
        let parent = tree.parent[selected]
        guard parent >= 0 else {
            message = "This is the top of the discussion."
            return
        }
        select(parent)
    }

    private mutating func goToSibling(forward: Bool) {
        let sibling = forward ? tree.nextSibling[selected] : tree.previousSibling[selected]
        guard sibling >= 0 else {
            message = forward ? "No next sibling." : "No previous sibling."
            return
        }
        select(sibling)
    }

    private mutating func jumpBySameAuthor(forward: Bool) {
        guard selected == ThreadTree.root || !comment(at: selected).isPlaceholder, let jump = tree.jumpBySameAuthor(from: selected, forward: forward) else {
            message = "Select a comment to follow its author."
            return
        }
        select(jump.node)
        message = "\(jump.ordinal) of \(jump.total) by \(jump.author)"
    }

    private mutating func goToUnread(forward: Bool) {
        let target = forward ? marks.nextUnread(after: selected) : marks.previousUnread(before: selected)
        guard let target else {
            message = "No unread comments."
            return
        }
        select(target)
    }
}
