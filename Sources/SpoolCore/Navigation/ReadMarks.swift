/// Which comments of a tree have been read, with a running unread count.
public struct ReadMarks: Sendable, Equatable {
    private var isRead: [Bool]
    /// Unread comments (the root is not a comment and never counts).
    public private(set) var unreadCount: Int

    /// All comments of `tree` unread.
    public init(tree: ThreadTree) {
        isRead = [Bool](repeating: false, count: tree.count)
        if !isRead.isEmpty { isRead[ThreadTree.root] = true }
        unreadCount = max(0, tree.count - 1)
    }

    public func isRead(_ node: Int) -> Bool { isRead[node] }

    /// Sets the mark of `node`; returns whether it changed.
    @discardableResult
    public mutating func setRead(_ node: Int, _ read: Bool) -> Bool {
        guard node != ThreadTree.root, isRead[node] != read else { return false }
        isRead[node] = read
        unreadCount += read ? -1 : 1
        return true
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
