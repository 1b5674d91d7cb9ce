/// Where a jump to the next or previous comment by the same author lands.
public struct AuthorJump: Sendable, Equatable {
    /// The node jumped to.
    public let node: Int
    /// Its position among the author's comments, counting from 1.
    public let ordinal: Int
    /// How many comments the author wrote.
    public let total: Int
    public let author: String
}

extension ThreadTree {
    /// The next (or previous) comment in reading order by the author of `node`, wrapping.
    ///
    /// Uses the per-author index, so it costs O(log k) for an author of k comments.
    public func jumpBySameAuthor(from node: Int, forward: Bool) -> AuthorJump? {
        guard node != ThreadTree.root else { return nil }
        let id = authorID[node]
        let nodes = nodesByAuthor[id]
        var low = 0
        var high = nodes.count
        while low < high {
            let mid = (low + high) / 2
            if nodes[mid] < node { low = mid + 1 } else { high = mid }
        }
        let step = forward ? 1 : -1
        let position = (low + step + nodes.count) % nodes.count
        return AuthorJump(node: nodes[position], ordinal: position + 1, total: nodes.count, author: authors[id])
    }
}
