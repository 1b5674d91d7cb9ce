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
        // Build the Fenwick tree in O(n): every comment starts unread.
        var sums = [Int32](repeating: 0, count: n + 1)
        for position in stride(from: 1, through: n, by: 1) {
            sums[position] += position == 1 ? 0 : 1
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

    /// The nodes changed since the last call, each with its current mark, and an empty log.
    public mutating func takeChanges() -> [(node: Int, read: Bool)] {
        var seen = Set<Int>()
        let changes = changeLog.reversed().filter { seen.insert($0).inserted }.reversed().map { ($0, isRead[$0]) }
        changeLog.removeAll(keepingCapacity: true)
        return changes
    }

    /// The first unread node after `node` in reading order, wrapping; nil when all are read.
    public func nextUnread(after node: Int) -> Int? {
        let n = isRead.count
        guard unreadCount > 0, n > 1 else { return nil }
        var candidate = node
        for _ in 0..<n {
            candidate = (candidate + 1) % n
            if !isRead[candidate] { return candidate }
        }
        return nil
    }

    /// The last unread node before `node` in reading order, wrapping.
    public func previousUnread(before node: Int) -> Int? {
        let n = isRead.count
        guard unreadCount > 0, n > 1 else { return nil }
        var candidate = node
        for _ in 0..<n {
            candidate = (candidate - 1 + n) % n
            if !isRead[candidate] { return candidate }
        }
        return nil
    }
}
