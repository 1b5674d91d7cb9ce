import SpoolCore

/// Work the reader does while no key is pending, so that key presses do not wait for it: a
/// search going through the rest of the discussion, a limit checking the rest of the
/// comments, then getting the comments the next key most likely shows (the rows around
/// the selection and the next unread) decoded from an archive, so `j`, `k` and `Tab` find
/// them ready.
extension App {
    /// Whether there is work for idle time.
    public var hasPendingWork: Bool { search.isRunning || pendingLimit != nil || needsPrefetch }

    /// Does about `seconds` of the pending work; returns whether the screen changed.
    @discardableResult
    public mutating func doPendingWork(for seconds: Double = 0.015) -> Bool {
        if search.isRunning {
            searchOn(for: seconds)
            return true
        }
        if pendingLimit != nil {
            continueLimit(for: seconds)
            return true
        }
        if needsPrefetch {
            needsPrefetch = false
            prefetchAroundSelection()
        }
        return false
    }

    /// Finishes all pending work at once (for `spool render`, tests and the benchmark).
    public mutating func finishPendingWork() {
        while hasPendingWork { doPendingWork(for: 1) }
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
