/// Which nodes of a tree have their replies folded away: one bit a node, so folding every
/// thread of a 100,000-message archive is a pass over words, not 100,000 hash inserts.
public struct CollapseState: Sendable, Equatable {
    private var words: [UInt64] = []
    /// Counts changes (a node folded or unfolded), so "did a key change the folds" is one
    /// comparison however large the tree is.
    public private(set) var version = 0

    public init(collapsed: Set<Int> = []) {
        for node in collapsed { collapse(node) }
    }

    /// Whether nothing is folded.
    public var isEmpty: Bool { !words.contains { $0 != 0 } }

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
        guard node >= 0, !isCollapsed(node) else { return }
        let word = node >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= 1 << UInt64(node & 63)
        version += 1
    }

    public mutating func expand(_ node: Int) {
        guard isCollapsed(node) else { return }
        words[node >> 6] &= ~(1 << UInt64(node & 63))
        version += 1
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

    /// Collapses every top-level comment that has replies (the root stays open): the bits
    /// set in words made at their full size, from the tree's list of top-level nodes (a
    /// node has replies when the next one is not right after it), so `C` on a million
    /// messages reads 60,000 numbers in a row, not a column at 60,000 places.
    public mutating func collapseToTopLevel(in tree: ThreadTree) {
        var folded = [UInt64](repeating: 0, count: (tree.count + 63) >> 6)
        let threads = tree.topLevel
        for (index, node) in threads.enumerated() {
            let next = index + 1 < threads.count ? threads[index + 1] : tree.count
            if next > node + 1 { folded[node >> 6] |= 1 << UInt64(node & 63) }
        }
        guard CollapseState(words: folded) != self else { return }
        words = folded
        version += 1
    }

    private init(words: [UInt64]) { self.words = words }

    public mutating func expandAll() {
        guard words.contains(where: { $0 != 0 }) else { return }
        words.removeAll()
        version += 1
    }

    /// The nodes whose fold differs from `old`, each with its fold now, ascending: a pass
    /// over words, so saving a fold change writes that change, not every fold.
    public func changes(since old: CollapseState) -> [(node: Int, collapsed: Bool)] {
        var result: [(node: Int, collapsed: Bool)] = []
        for index in 0..<max(words.count, old.words.count) {
            let now = index < words.count ? words[index] : 0
            let before = index < old.words.count ? old.words[index] : 0
            var bits = now ^ before
            while bits != 0 {
                let node = index << 6 + bits.trailingZeroBitCount
                result.append((node, now & (1 << UInt64(node & 63)) != 0))
                bits &= bits - 1
            }
        }
        return result
    }

    /// Equal when the same nodes are folded (trailing empty words and the change count do
    /// not count).
    public static func == (lhs: CollapseState, rhs: CollapseState) -> Bool {
        let common = min(lhs.words.count, rhs.words.count)
        for index in 0..<common where lhs.words[index] != rhs.words[index] { return false }
        let longer = lhs.words.count > common ? lhs.words : rhs.words
        return longer[common...].allSatisfy { $0 == 0 }
    }
}
