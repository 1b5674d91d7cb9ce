/// The nodes of a ``ThreadTree`` that are on view under a collapse state, in pre-order.
///
/// Because the rows are ascending node numbers, finding a node's row is a binary search.
public struct VisibleRows: Sendable, Equatable {
    public private(set) var nodes: [Int]

    /// The rows of `tree` with the subtrees of `collapsed` nodes hidden; with `root`, only
    /// that node's subtree (a focused view); with `kept`, only the nodes it marks (a limit,
    /// which keeps every ancestor of a kept node, so an unkept node's subtree is skipped).
    public init(tree: ThreadTree, collapsed: CollapseState, root: Int = ThreadTree.root, kept: [Bool]? = nil) {
        var nodes: [Int] = []
        nodes.reserveCapacity(tree.count)
        var node = root
        let end = tree.subtreeEnd[root]
        while node < end {
            if let kept, !kept[node] {
                node = tree.subtreeEnd[node]
                continue
            }
            nodes.append(node)
            node = collapsed.isCollapsed(node) ? tree.subtreeEnd[node] : node + 1
        }
        self.nodes = nodes
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
