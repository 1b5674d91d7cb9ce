/// One column of the tree lines drawn before a row; the view picks the glyphs.
public enum TreeGuide: Sendable, Equatable {
    /// Nothing: the ancestor at this level was its parent's last reply.
    case blank
    /// A vertical line: the ancestor at this level has later siblings.
    case stem
    /// This row has later siblings.
    case tee
    /// This row is its parent's last reply.
    case corner
}

extension ThreadTree {
    /// The guides for `node`, outermost first: one per level below the top level.
    ///
    /// Costs O(depth) and reads only the node's ancestors, so drawing is proportional to
    /// what is on screen. Top-level comments get one guide; the root gets none.
    public func guides(for node: Int) -> [TreeGuide] { guides(for: node, innermost: Int.max) }

    /// The `limit` innermost guides of `node`: O(limit), however deep the node is.
    public func guides(for node: Int, innermost limit: Int) -> [TreeGuide] {
        guard node != ThreadTree.root, limit > 0 else { return [] }
        var guides = [TreeGuide](repeating: .blank, count: min(depth[node], limit))
        guides[guides.count - 1] = isLastChild(node) ? .corner : .tee
        var ancestor = parent[node]
        var level = guides.count - 2
        while level >= 0, ancestor > 0 {
            guides[level] = isLastChild(ancestor) ? .blank : .stem
            ancestor = parent[ancestor]
            level -= 1
        }
        return guides
    }
}
