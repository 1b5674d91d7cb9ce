import SpoolCore
import SpoolScreen

/// Work the reader does while no key is pending, so that key presses do not wait for it: a
/// search going through the rest of the discussion, a limit checking the rest of the
/// comments, the comments' text checked for muted words, then getting the comments the next key most likely shows (the rows around
/// the selection and the next unread) decoded from an archive, so `j`, `k` and `Tab` find
/// them ready. The loop hands in a budget of comments; the reader never reads the clock.
extension Reader {
    /// Whether there is work for idle time.
    public var hasPendingWork: Bool {
        search.isRunning || pendingLimit != nil || needsPrefetch || mutes.isCheckingWords
    }

    /// Does up to `budget` comments of the pending work.
    public mutating func work(budget: Int) -> Effects {
        var left = max(1, budget)
        var effects = Effects.none
        let readBefore = marks.version
        let collapseBefore = collapse.version
        if search.isRunning {
            let selectedBefore = selected
            left -= continueSearch(budget: left)
            effects.redraw = true
            if selected != selectedBefore { needsPrefetch = true }
        }
        if left > 0 && mutes.isCheckingWords {
            left -= continueMuteCheck(budget: left)
            effects.redraw = true
        }
        if left > 0 && pendingLimit != nil {
            left -= continueLimit(budget: left)
            effects.redraw = true
        }
        if marks.version != readBefore { effects.commands.append(.saveReadMarks) }
        if collapse.version != collapseBefore { effects.commands.append(.saveCollapsed) }
        if left > 0 && needsPrefetch && !search.isRunning && pendingLimit == nil {
            needsPrefetch = false
            prefetchAroundSelection()
        }
        return effects
    }

    /// Asks for the bodies of the rows next to the selection and of the next unread
    /// comment, which a deferred body source decodes and keeps.
    private func prefetchAroundSelection() {
        var nodes: [Int] = []
        if let row = rows.row(of: selected) {
            if row + 1 < rows.count { nodes.append(rows[row + 1]) }
            if row > 0 { nodes.append(rows[row - 1]) }
        }
        if let unread = marks.nextUnread(after: selected) { nodes.append(unread) }
        for node in nodes where node != ThreadTree.root {
            let body = comment(at: node).body
            if body.isDeferred { _ = body.text }
        }
    }
}
