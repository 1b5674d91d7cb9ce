/// How the threads (top-level comments and their replies) of a discussion are ordered.
/// Replies inside a thread keep their own order.
public enum ThreadOrder: String, CaseIterable, Sendable {
    /// As the source (or the importer, for an archive) has them.
    case source
    /// The thread with the latest message first.
    case newestFirst = "newest-first"
    /// The thread whose latest message is oldest first.
    case oldestFirst = "oldest-first"

    /// The order a toggle goes to next.
    public var next: ThreadOrder {
        switch self {
        case .source: return .newestFirst
        case .newestFirst: return .oldestFirst
        case .oldestFirst: return .source
        }
    }

    /// How the status line says it.
    public var summary: String {
        switch self {
        case .source: return "as the source has them"
        case .newestFirst: return "newest activity first"
        case .oldestFirst: return "oldest activity first"
        }
    }
}

extension Discussion {
    /// The same discussion with its threads in `order` (by the latest date in each thread;
    /// threads without dates, and ties, keep their source order). Comments come out in
    /// reading order, each thread's replies as they were.
    public func orderingThreads(_ order: ThreadOrder) -> Discussion {
        let tree = ThreadTree(self)
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
        var reordered: [Comment] = []
        reordered.reserveCapacity(comments.count)
        var indexOfNode = [Int](repeating: -1, count: tree.count)
        for thread in threads {
            for node in thread..<tree.subtreeEnd[thread] {
                var comment = comments[tree.commentIndex[node]]
                let parent = tree.parent[node]
                comment.parent = parent == ThreadTree.root ? nil : indexOfNode[parent]
                indexOfNode[node] = reordered.count
                reordered.append(comment)
            }
        }
        var copy = self
        copy.comments = reordered
        return copy
    }
}
