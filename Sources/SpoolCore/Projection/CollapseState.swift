/// Which nodes of a tree have their replies folded away.
public struct CollapseState: Sendable, Equatable {
    private var collapsed: Set<Int> = []

    public init(collapsed: Set<Int> = []) { self.collapsed = collapsed }

    public func isCollapsed(_ node: Int) -> Bool { collapsed.contains(node) }

    /// The collapsed nodes, ascending.
    public var nodes: [Int] { collapsed.sorted() }

    public mutating func collapse(_ node: Int) { collapsed.insert(node) }

    public mutating func expand(_ node: Int) { collapsed.remove(node) }

    public mutating func toggle(_ node: Int) {
        if collapsed.contains(node) { collapsed.remove(node) } else { collapsed.insert(node) }
    }

    /// Expands every ancestor of `node` so that it is on view.
    public mutating func reveal(_ node: Int, in tree: ThreadTree) {
        for ancestor in tree.ancestors(of: node) { collapsed.remove(ancestor) }
    }

    /// Collapses every top-level comment that has replies (the root stays open).
    public mutating func collapseToTopLevel(in tree: ThreadTree) {
        collapsed.removeAll()
        var node = tree.firstChild(of: ThreadTree.root)
        while let current = node {
            if tree.hasChildren(current) { collapsed.insert(current) }
            node = tree.nextSibling[current] >= 0 ? tree.nextSibling[current] : nil
        }
    }

    public mutating func expandAll() { collapsed.removeAll() }
}
