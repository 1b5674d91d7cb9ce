import SpoolCore
import SpoolScreen

/// The folds a discussion opens with: the saved folds when there are any; else an archive
/// with more threads than the tree pane shows starts folded to one row a thread; and with
/// `collapse_read`, every subtree with nothing unread is folded.
struct OpeningCollapse {
    let tree: ThreadTree
    let discussion: Discussion
    let marks: ReadMarks
    let saved: SavedState

    /// The folds for a tree pane `treeHeight` rows high (the real screen's, measured first).
    func state(treeHeight: Int, collapsesRead: Bool) -> CollapseState {
        var collapse = CollapseState()
        if !saved.collapsedKeys.isEmpty {
            if saved.collapsedKeys.contains(.articleRoot) { collapse.collapse(ThreadTree.root) }
            for node in 1..<max(tree.count, 1)
            where saved.collapsedKeys.contains(discussion.comments[tree.commentIndex[node]].key) {
                collapse.collapse(node)
            }
        } else if discussion.isArchive && topLevelCount(atMost: treeHeight + 1) > treeHeight {
            collapse.collapseToTopLevel(in: tree)
        }
        if collapsesRead { collapseRead(&collapse) }
        return collapse
    }

    private func collapseRead(_ collapse: inout CollapseState) {
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

    /// How many top-level nodes the tree has, counting no further than `limit`.
    private func topLevelCount(atMost limit: Int) -> Int {
        var count = 0
        var node = tree.count > 1 ? 1 : -1
        while node >= 0 && count < limit {
            count += 1
            node = tree.nextSibling[node]
        }
        return count
    }
}
