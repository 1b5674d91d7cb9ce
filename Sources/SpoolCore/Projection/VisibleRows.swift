/// The nodes of a ``ThreadTree`` that are on view under a collapse state, in pre-order.
///
/// Because the rows are ascending node numbers, finding a node's row is a binary search.
/// With nothing folded and no limit, every node of the range is a row: that is held as the
/// range, so opening everything (`E`) on a million messages makes no list of a million rows.
public struct VisibleRows: Sendable, Equatable {
    private enum Storage: Sendable, Equatable {
        /// Every node of the range, in order.
        case all(Range<Int>)
        /// The nodes on view, ascending.
        case listed([Int])
    }

    private var storage: Storage

    /// The rows of `tree` with the subtrees of `collapsed` nodes hidden; with `root`, only
    /// that node's subtree (a focused view); with `kept`, only the nodes it marks (a limit,
    /// which keeps every ancestor of a kept node, so an unkept node's subtree is skipped).
    public init(tree: ThreadTree, collapsed: CollapseState, root: Int = ThreadTree.root, kept: [Bool]? = nil) {
        let range = root..<tree.subtreeEnd[root]
        storage =
            collapsed.isEmpty && kept == nil
            ? .all(range) : .listed(Self.visible(in: range, tree: tree, collapsed: collapsed, kept: kept))
    }

    /// The node of every row, in order (a list made for the asking).
    public var nodes: [Int] {
        switch storage {
        case .all(let range): return Array(range)
        case .listed(let nodes): return nodes
        }
    }

    /// The nodes of `range` (a node's subtree, or what is below the node) on view. The
    /// whole tree is walked thread by thread from the tree's list of top-level nodes, so a
    /// folded thread costs its row and one bit, not a read of its subtree's end (`C` on a
    /// million messages: 60,000 threads, one sequential list).
    private static func visible(in range: Range<Int>, tree: ThreadTree, collapsed: CollapseState, kept: [Bool]?)
        -> [Int]
    {
        var nodes: [Int] = []
        guard range.lowerBound == ThreadTree.root, range.upperBound == tree.count, tree.count > 0 else {
            walk(range, tree: tree, collapsed: collapsed, kept: kept, into: &nodes)
            return nodes
        }
        let root = ThreadTree.root
        if let kept, !kept[root] { return [] }
        nodes.append(root)
        guard !collapsed.isCollapsed(root) else { return nodes }
        let threads = tree.topLevel
        for (index, thread) in threads.enumerated() {
            if let kept, !kept[thread] { continue }
            nodes.append(thread)
            guard !collapsed.isCollapsed(thread) else { continue }
            let end = index + 1 < threads.count ? threads[index + 1] : tree.count
            walk((thread + 1)..<end, tree: tree, collapsed: collapsed, kept: kept, into: &nodes)
        }
        return nodes
    }

    /// Appends the nodes of `range` on view, found by a walk that steps over folded subtrees.
    private static func walk(
        _ range: Range<Int>, tree: ThreadTree, collapsed: CollapseState, kept: [Bool]?, into nodes: inout [Int]
    ) {
        var node = range.lowerBound
        while node < range.upperBound {
            if let kept, !kept[node] {
                node = tree.subtreeEnd[node]
                continue
            }
            nodes.append(node)
            node = collapsed.isCollapsed(node) ? tree.subtreeEnd[node] : node + 1
        }
    }

    /// Hides what is below `node` after it was collapsed: the rows of its subtree go, the
    /// rest stay (work in proportion to the rows removed, not to the tree, once the rows are
    /// a list).
    public mutating func hideReplies(of node: Int, in tree: ThreadTree) {
        guard let row = row(of: node) else { return }
        let end = insertionRow(of: tree.subtreeEnd[node])
        guard end > row + 1 else { return }
        var nodes = takeList()
        nodes.removeSubrange((row + 1)..<end)
        storage = .listed(nodes)
    }

    /// Shows what is below `node` after it was expanded, under `collapsed` and `kept` (work
    /// in proportion to the rows added).
    public mutating func showReplies(of node: Int, in tree: ThreadTree, collapsed: CollapseState, kept: [Bool]? = nil) {
        guard let row = row(of: node), row + 1 == count || self[row + 1] >= tree.subtreeEnd[node] else { return }
        let below = Self.visible(in: (node + 1)..<tree.subtreeEnd[node], tree: tree, collapsed: collapsed, kept: kept)
        var nodes = takeList()
        nodes.insert(contentsOf: below, at: row + 1)
        storage = .listed(nodes)
    }

    /// The rows as a list, taken out of the storage so that changing it copies nothing.
    private mutating func takeList() -> [Int] {
        let nodes: [Int]
        switch storage {
        case .all(let range): nodes = Array(range)
        case .listed(let listed): nodes = listed
        }
        storage = .all(0..<0)
        return nodes
    }

    public var count: Int {
        switch storage {
        case .all(let range): return range.count
        case .listed(let nodes): return nodes.count
        }
    }

    public subscript(row: Int) -> Int {
        switch storage {
        case .all(let range): return range.lowerBound + row
        case .listed(let nodes): return nodes[row]
        }
    }

    /// Equal when the same nodes are rows, however they are held.
    public static func == (lhs: VisibleRows, rhs: VisibleRows) -> Bool {
        if case .all(let one) = lhs.storage, case .all(let other) = rhs.storage { return one == other }
        return lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs[$0] == rhs[$0] }
    }

    /// The row that shows `node`, or nil when it is hidden.
    public func row(of node: Int) -> Int? {
        let row = insertionRow(of: node)
        return row < count && self[row] == node ? row : nil
    }

    /// The row of `node`, or of the nearest visible row before it when it is hidden.
    public func rowAtOrBefore(_ node: Int) -> Int {
        let row = insertionRow(of: node)
        if row < count && self[row] == node { return row }
        return max(0, row - 1)
    }

    /// The row where `node` is or would be.
    private func insertionRow(of node: Int) -> Int {
        switch storage {
        case .all(let range): return min(max(node, range.lowerBound), range.upperBound) - range.lowerBound
        case .listed(let nodes):
            var low = 0
            var high = nodes.count
            while low < high {
                let mid = (low + high) / 2
                if nodes[mid] < node { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }
}
