import SpoolCore
import SpoolScreen

/// The mouse: a click selects the row under it (and on a row's tree lines or fold count,
/// folds or unfolds it), a click in the article pane gives it focus (and on a folded quote,
/// signature or muted comment shows it), and the wheel scrolls
/// the pane under the pointer. The wheel never marks anything read: it scrolls the tree, and
/// a selection scrolled off moves to the nearest row on screen unread, as a cursor in less or
/// tig does.
extension Reader {
    mutating func handleMouse(_ button: MouseButton, column: Int, row: Int) -> Effects {
        if isInline {
            // Rows in the inline scroll have no fixed height: the wheel scrolls, clicks do nothing.
            if button != .click { scrollInline(by: button == .wheelDown ? 3 : -3, marking: false) }
            return .redraw
        }
        let layout = viewport
        let inTree = contains(layout.tree, column, row)
        let inArticle = contains(layout.article, column, row)
        switch button {
        case .wheelUp, .wheelDown:
            let step = button == .wheelDown ? 3 : -3
            if inArticle {
                scrollArticle(by: step)
            } else if inTree {
                scrollTree(by: step)
            }
        case .click:
            if inTree {
                clickTree(column: column - layout.tree.x, rowOnScreen: row - layout.tree.y)
            } else if inArticle {
                presentation = .panes(.article)
                let line = articleScroll + row - layout.article.y
                if layout.measure.isFoldLine(line, of: selected, in: self) {
                    // A click on a folded quote, signature or muted comment shows it.
                    if isMuted(selected) { toggleShowMuted() } else { toggleQuotes() }
                } else {
                    messages.say("Focus: article (j/k scroll it, w or Esc to go back).")
                }
            }
        }
        return .redraw
    }

    private mutating func clickTree(column: Int, rowOnScreen: Int) {
        let index = treeTop + rowOnScreen
        guard index < rows.count else { return }
        let node = rows[index]
        presentation = .panes(.tree)
        let foldZone = viewport.measure.foldZoneWidth(of: node, in: self)
        if canToggleFold(node) && (column < foldZone || node == selected) {
            select(node)
            collapse.toggle(node)
            rebuildRows()
        } else {
            select(node)
        }
    }

    private mutating func scrollTree(by step: Int) {
        let height = max(1, viewport.tree.height)
        treeTop = max(0, min(treeTop + step, rows.count - height))
        let row = rows.row(of: selected) ?? 0
        let onScreen = min(max(row, treeTop), min(treeTop + height, rows.count) - 1)
        if onScreen != row { select(rows[onScreen], marking: false) }
    }

    private func contains(_ rect: Rect, _ column: Int, _ row: Int) -> Bool {
        column >= rect.x && column < rect.maxX && row >= rect.y && row < rect.maxY
    }
}
