/// Which comments of a tree have been read, with a running unread count.
///
/// A Fenwick tree over the pre-order numbering answers "how many unread in this subtree"
/// in O(log n), since a subtree is a contiguous range of nodes.
public struct ReadMarks: Sendable {
    private var isRead: [Bool]
    /// Counts every change, so "did anything change" is one comparison.
    public private(set) var version = 0
    /// Nodes whose mark changed since the last ``takeChanges()``, in order.
    private var changeLog: [Int] = []
    /// Unread comments (the root is not a comment and never counts).
    public private(set) var unreadCount: Int
    /// Fenwick tree of unread flags, 1-based.
    private var unreadSums: [Int32]

    /// All comments of `tree` unread.
    public init(tree: ThreadTree) {
        let n = tree.count
        isRead = [Bool](repeating: false, count: n)
        if !isRead.isEmpty { isRead[ThreadTree.root] = true }
        unreadCount = max(0, n - 1)
        unreadSums = []
        rebuildSums()
    }

    /// Builds the Fenwick tree from the flags in O(n).
    private mutating func rebuildSums() {
        let n = isRead.count
        var sums = [Int32](repeating: 0, count: n + 1)
        for position in stride(from: 1, through: n, by: 1) {
            sums[position] += isRead[position - 1] ? 0 : 1
            let parent = position + (position & -position)
            if parent <= n { sums[parent] += sums[position] }
        }
        unreadSums = sums
    }

    /// Unread comments in the subtree of `node` (the node included), in O(log n).
    public func unreadCount(inSubtreeOf node: Int, of tree: ThreadTree) -> Int {
        Int(prefixSum(tree.subtreeEnd[node]) - prefixSum(node))
    }

    private func prefixSum(_ count: Int) -> Int32 {
        var total: Int32 = 0
        var position = count
        while position > 0 {
            total += unreadSums[position]
            position -= position & -position
        }
        return total
    }

    private mutating func addUnread(_ node: Int, _ delta: Int32) {
        var position = node + 1
        while position < unreadSums.count {
            unreadSums[position] += delta
            position += position & -position
        }
    }

    public func isRead(_ node: Int) -> Bool { isRead[node] }

    /// Sets the mark of `node`; returns whether it changed.
    @discardableResult
    public mutating func setRead(_ node: Int, _ read: Bool) -> Bool {
        guard node != ThreadTree.root, isRead[node] != read else { return false }
        isRead[node] = read
        unreadCount += read ? -1 : 1
        addUnread(node, read ? -1 : 1)
        version += 1
        changeLog.append(node)
        return true
    }

    /// Sets the mark of every node in `nodes`; returns those that changed. A large change
    /// rebuilds the counts in one pass instead of updating them node by node.
    public mutating func setRead(_ nodes: Range<Int>, _ read: Bool) -> [Int] {
        var changed: [Int] = []
        for node in nodes.clamped(to: 0..<isRead.count) where node != ThreadTree.root && isRead[node] != read {
            isRead[node] = read
            changed.append(node)
        }
        guard !changed.isEmpty else { return [] }
        unreadCount += read ? -changed.count : changed.count
        if changed.count > isRead.count / 32 {
            rebuildSums()
        } else {
            for node in changed { addUnread(node, read ? -1 : 1) }
        }
        version += 1
        changeLog.append(contentsOf: changed)
        return changed
    }

    /// The nodes changed since the last call, each with its current mark, and an empty log.
    public mutating func takeChanges() -> [(node: Int, read: Bool)] {
        var seen = Set<Int>()
        let changes = changeLog.reversed().filter { seen.insert($0).inserted }.reversed().map { ($0, isRead[$0]) }
        changeLog.removeAll(keepingCapacity: true)
        return changes
    }

    /// The first unread node after `node` in reading order, wrapping; nil when all are read.
    /// O(log n) through the counts, however far away it is.
    public func nextUnread(after node: Int) -> Int? {
        guard unreadCount > 0 else { return nil }
        let before = Int(prefixSum(min(node + 1, isRead.count)))
        return unread(number: before < unreadCount ? before + 1 : 1)
    }

    /// The last unread node before `node` in reading order, wrapping.
    public func previousUnread(before node: Int) -> Int? {
        guard unreadCount > 0 else { return nil }
        let before = Int(prefixSum(max(0, min(node, isRead.count))))
        return unread(number: before > 0 ? before : unreadCount)
    }

    /// The node of the `k`-th unread comment in reading order (1-based): a descent through
    /// the Fenwick tree.
    private func unread(number k: Int) -> Int? {
        let n = isRead.count
        guard k >= 1, k <= unreadCount else { return nil }
        var position = 0
        var remaining = Int32(k)
        var step = 1
        while step * 2 <= n { step *= 2 }
        while step > 0 {
            if position + step <= n && unreadSums[position + step] < remaining {
                position += step
                remaining -= unreadSums[position]
            }
            step /= 2
        }
        return position < n ? position : nil
    }
}
