import SpoolCore
import SpoolScreen

extension Reader {
    mutating func toggleRead() {
        guard selected != ThreadTree.root, !comment(at: selected).isPlaceholder else {
            messages.say("Only messages have read marks; select one.")
            return
        }
        let read = !marks.isRead(selected)
        marks.setRead(selected, read)
        messages.say(read ? "Marked read." : "Marked unread.")
    }

    /// Marks every node in `nodes` read and remembers which changed, for undo.
    mutating func markRead(_ nodes: Range<Int>, what: String) {
        let changed = marks.setRead(nodes, true)
        if !changed.isEmpty { lastBulkMark = changed }
        let noun = changed.count == 1 ? "comment" : "comments"
        messages.say(
            changed.isEmpty
                ? "Everything \(what) was already read." : "Marked \(changed.count) \(noun) \(what) read; U undoes.")
    }

    mutating func undoBulkMark() {
        guard !lastBulkMark.isEmpty else {
            messages.say("No bulk mark to undo.")
            return
        }
        if let first = lastBulkMark.first, let last = lastBulkMark.last, last - first + 1 == lastBulkMark.count {
            _ = marks.setRead(first..<(last + 1), false)  // a contiguous run (M, R): one pass
        } else {
            for node in lastBulkMark { marks.setRead(node, false) }
        }
        let noun = lastBulkMark.count == 1 ? "comment" : "comments"
        messages.say("\(lastBulkMark.count) \(noun) unread again.")
        lastBulkMark = []
    }
}
