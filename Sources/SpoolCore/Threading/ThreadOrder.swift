/// How the threads (top-level comments and their replies) of a discussion are ordered.
/// Replies inside a thread keep their own order.
public enum ThreadOrder: String, CaseIterable, Sendable {
    /// As the source (or the importer, for an archive) has them.
    case source
    /// The thread with the latest message first.
    case newestFirst = "newest-first"
    /// The thread whose latest message is oldest first.
    case oldestFirst = "oldest-first"
    /// At every level, the replies with the highest score first (Hacker News points, Reddit
    /// and Lobsters scores); comments without one after those with one.
    case score

    /// The order a toggle goes to next.
    public var next: ThreadOrder {
        switch self {
        case .source: return .newestFirst
        case .newestFirst: return .oldestFirst
        case .oldestFirst: return .score
        case .score: return .source
        }
    }

    /// How the status line says it.
    public var summary: String {
        switch self {
        case .source: return "as the source has them"
        case .newestFirst: return "newest activity first"
        case .oldestFirst: return "oldest activity first"
        case .score: return "and replies by score, highest first"
        }
    }
}

extension Discussion {
    /// The same discussion with its threads in `order` (by the latest date in each thread;
    /// threads without dates, and ties, keep their source order). Comments come out in
    /// reading order, each thread's replies as they were.
    public func orderingThreads(_ order: ThreadOrder) -> Discussion {
        let tree = ThreadTree(self)
        if order == .score { return orderingByScore(tree) }
        var threads: [Int] = []
        var node = tree.firstChild(of: ThreadTree.root)
        while let current = node {
            threads.append(current)
            node = tree.nextSibling[current] >= 0 ? tree.nextSibling[current] : nil
        }
        if order != .source {
            let latest = threads.map { thread -> Int64 in
                (thread..<tree.subtreeEnd[thread]).reduce(Int64.min) { latest, node in
                    max(latest, comments[tree.commentIndex[node]].date?.secondsSinceEpoch ?? Int64.min)
                }
            }
            let positions = threads.indices.sorted { a, b in
                guard latest[a] != latest[b] else { return a < b }
                return order == .newestFirst ? latest[a] > latest[b] : latest[a] < latest[b]
            }
            threads = positions.map { threads[$0] }
        }
        return copying(tree, inOrder: threads.lazy.flatMap { $0..<tree.subtreeEnd[$0] })
    }

    /// Siblings at every level by score, highest first; equal scores (and comments with none,
    /// after every scored one) keep their source order. Iterative, for a chain of any depth.
    private func orderingByScore(_ tree: ThreadTree) -> Discussion {
        let score = { (node: Int) in self.comments[tree.commentIndex[node]].score }
        func sortedChildren(of node: Int) -> [Int] {
            var children: [Int] = []
            var child = tree.firstChild(of: node)
            while let current = child {
                children.append(current)
                child = tree.nextSibling[current] >= 0 ? tree.nextSibling[current] : nil
            }
            return children.enumerated().sorted { a, b in
                switch (score(a.element), score(b.element)) {
                case (let x?, let y?) where x != y: return x > y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.offset < b.offset
                }
            }.map(\.element)
        }
        var order: [Int] = []
        order.reserveCapacity(tree.count)
        var stack = sortedChildren(of: ThreadTree.root).reversed() as [Int]
        while let node = stack.popLast() {
            order.append(node)
            stack.append(contentsOf: sortedChildren(of: node).reversed())
        }
        return copying(tree, inOrder: order)
    }

    /// The comments of `nodes` (a pre-order of `tree`'s nodes: each parent before its
    /// replies), with their parent indices made to point into the new order.
    private func copying<Nodes: Sequence<Int>>(_ tree: ThreadTree, inOrder nodes: Nodes) -> Discussion {
        var reordered: [Comment] = []
        reordered.reserveCapacity(comments.count)
        var indexOfNode = [Int](repeating: -1, count: tree.count)
        for node in nodes {
            var comment = comments[tree.commentIndex[node]]
            let parent = tree.parent[node]
            comment.parent = parent == ThreadTree.root ? nil : indexOfNode[parent]
            indexOfNode[node] = reordered.count
            reordered.append(comment)
        }
        var copy = self
        copy.comments = reordered
        return copy
    }
}
