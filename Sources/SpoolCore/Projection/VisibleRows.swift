/// The nodes of a ``ThreadTree`` that are on view under a collapse state, in pre-order.
///
/// Because the rows are ascending node numbers, finding a node's row is a binary search.
public struct VisibleRows: Sendable, Equatable {
    public private(set) var nodes: [Int]

    /// The rows of `tree` with the subtrees of `collapsed` nodes hidden; with `root`, only
    /// that node's subtree (a focused view); with `kept`, only the nodes it marks (a limit,
    /// which keeps every ancestor of a kept node, so an unkept node's subtree is skipped).
    public init(tree: ThreadTree, collapsed: CollapseState, root: Int = ThreadTree.root, kept: [Bool]? = nil) {
        nodes = Self.visible(in: root..<tree.subtreeEnd[root], tree: tree, collapsed: collapsed, kept: kept)
    }

    /// The nodes of `range` (a node's subtree, or what is below the node) on view.
    private static func visible(in range: Range<Int>, tree: ThreadTree, collapsed: CollapseState, kept: [Bool]?)
        -> [Int]
    {
        var nodes: [Int] = []
        var node = range.lowerBound
        while node < range.upperBound {
            if let kept, !kept[node] {
                node = tree.subtreeEnd[node]
                continue
            }
            nodes.append(node)
            node = collapsed.isCollapsed(node) ? tree.subtreeEnd[node] : node + 1
        }
        return nodes
    }

    /// Hides what is below `node` after it was collapsed: the rows of its subtree go, the
    /// rest stay (work in proportion to the rows removed, not to the tree).
    public mutating func hideReplies(of node: Int, in tree: ThreadTree) {
        guard let row = row(of: node) else { return }
        let end = insertionRow(of: tree.subtreeEnd[node])
        if end > row + 1 { nodes.removeSubrange((row + 1)..<end) }
    }

    /// Shows what is below `node` after it was expanded, under `collapsed` and `kept` (work
    /// in proportion to the rows added).
    public mutating func showReplies(of node: Int, in tree: ThreadTree, collapsed: CollapseState, kept: [Bool]? = nil) {
        guard let row = row(of: node), row + 1 == nodes.count || nodes[row + 1] >= tree.subtreeEnd[node] else { return }
        let below = Self.visible(in: (node + 1)..<tree.subtreeEnd[node], tree: tree, collapsed: collapsed, kept: kept)
        nodes.insert(contentsOf: below, at: row + 1)
    }

    public var count: Int { nodes.count }

    public subscript(row: Int) -> Int { nodes[row] }

    /// The row that shows `node`, or nil when it is hidden.
    public func row(of node: Int) -> Int? {
        let row = insertionRow(of: node)
        return row < nodes.count && nodes[row] == node ? row : nil
    }

    /// The row of `node`, or of the nearest visible row before it when it is hidden.
    public func rowAtOrBefore(_ node: Int) -> Int {
        let row = insertionRow(of: node)
        if row < nodes.count && nodes[row] == node { return row }
        return max(0, row - 1)
    }

    private func insertionRow(of node: Int) -> Int {
        var low = 0
        var high = nodes.count
        while low < high {
            let mid = (low + high) / 2
            if nodes[mid] < node { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
