import SpoolCore
import SpoolScreen

/// The folds a discussion opens with: its ``FoldDefault`` (the saved one; else an archive with
/// more threads than the tree pane shows starts folded to one row a thread) with the saved
/// exceptions folded or opened; and with `collapse_read`, every subtree with nothing unread
/// is folded; with `collapse_seen`, every subtree with nothing new.
struct OpeningCollapse {
    let tree: ThreadTree
    let discussion: Discussion
    let marks: ReadMarks
    let saved: SavedState
    /// Every comment's key fingerprint, by comment index.
    let fingerprints: [UInt64]
    let isNew: [Bool]

    /// The folds for a tree pane `treeHeight` rows high (the real screen's, measured first),
    /// and the default they were made from (what a fold is saved against).
    func state(
        treeHeight: Int, collapsesRead: Bool, collapsesSeen: Bool = false
    ) -> (folds: CollapseState, default: FoldDefault) {
        let foldDefault = chosenDefault(treeHeight: treeHeight)
        var collapse = CollapseState()
        if foldDefault == .threads { collapse.collapseToTopLevel(in: tree) }
        Reader.apply(saved.collapsedKeys, folded: true, to: &collapse, tree: tree, fingerprints: fingerprints)
        Reader.apply(saved.expandedKeys, folded: false, to: &collapse, tree: tree, fingerprints: fingerprints)
        if collapsesRead { collapseRead(&collapse) }
        if collapsesSeen { collapseSeen(&collapse) }
        return (collapse, foldDefault)
    }

    /// The saved default; saved keys without one are every fold (nothing folded besides);
    /// with nothing saved, an archive with more threads than the pane shows is folded to one
    /// row a thread.
    private func chosenDefault(treeHeight: Int) -> FoldDefault {
        if let saved = saved.foldDefault { return saved }
        if !saved.collapsedKeys.isEmpty || !saved.expandedKeys.isEmpty { return .open }
        return discussion.isArchive && topLevelCount(atMost: treeHeight + 1) > treeHeight ? .threads : .open
    }

    /// Folds every subtree with nothing new, in one pass: new comments are counted in tree
    /// order, so a subtree's count is a difference of two running counts.
    private func collapseSeen(_ collapse: inout CollapseState) {
        var newBefore = [Int](repeating: 0, count: tree.count + 1)
        for node in 0..<tree.count { newBefore[node + 1] = newBefore[node] + (isNew[node] ? 1 : 0) }
        var node = 1
        while node < tree.count {
            if tree.hasChildren(node) && newBefore[tree.subtreeEnd[node]] == newBefore[node] {
                collapse.collapse(node)
                node = tree.subtreeEnd[node]
            } else {
                node += 1
            }
        }
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
