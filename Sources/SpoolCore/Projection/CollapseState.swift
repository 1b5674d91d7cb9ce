/// Which nodes of a tree have their replies folded away: one bit a node, so folding every
/// thread of a 100,000-message archive is a pass over words, not 100,000 hash inserts.
public struct CollapseState: Sendable, Equatable {
    private var words: [UInt64] = []

    public init(collapsed: Set<Int> = []) {
        for node in collapsed { collapse(node) }
    }

    public func isCollapsed(_ node: Int) -> Bool {
        let word = node >> 6
        return node >= 0 && word < words.count && words[word] & (1 << UInt64(node & 63)) != 0
    }

    /// The collapsed nodes, ascending.
    public var nodes: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                result.append(index << 6 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return result
    }

    public mutating func collapse(_ node: Int) {
        guard node >= 0 else { return }
        let word = node >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= 1 << UInt64(node & 63)
    }

    public mutating func expand(_ node: Int) {
        let word = node >> 6
        guard node >= 0, word < words.count else { return }
        words[word] &= ~(1 << UInt64(node & 63))
    }

    public mutating func toggle(_ node: Int) {
        if isCollapsed(node) { expand(node) } else { collapse(node) }
    }

    /// Expands every ancestor of `node` so that it is on view.
    public mutating func reveal(_ node: Int, in tree: ThreadTree) {
        var current = tree.parent[node]
        while current >= 0 {
            expand(current)
            current = tree.parent[current]
        }
    }

    /// Collapses every top-level comment that has replies (the root stays open).
    public mutating func collapseToTopLevel(in tree: ThreadTree) {
        words = Array(repeating: 0, count: (tree.count + 63) >> 6)
        var node = tree.firstChild(of: ThreadTree.root)
        while let current = node {
            if tree.hasChildren(current) { collapse(current) }
            node = tree.nextSibling[current] >= 0 ? tree.nextSibling[current] : nil
        }
    }

    public mutating func expandAll() { words.removeAll() }

    /// Equal when the same nodes are folded (trailing empty words do not count). The App
    /// compares states on every key, so this is a word-by-word loop, not two arrays of nodes.
    public static func == (lhs: CollapseState, rhs: CollapseState) -> Bool {
        let common = min(lhs.words.count, rhs.words.count)
        for index in 0..<common where lhs.words[index] != rhs.words[index] { return false }
        let longer = lhs.words.count > common ? lhs.words : rhs.words
        return longer[common...].allSatisfy { $0 == 0 }
    }
}
