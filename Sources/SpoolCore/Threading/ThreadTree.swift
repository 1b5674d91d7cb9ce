/// A discussion laid out as a pre-order tree under one root node (the article).
///
/// Node 0 is the root; every other node is one comment. Because nodes are numbered in
/// pre-order, a subtree is the contiguous range `node ..< subtreeEnd[node]`, which makes
/// collapsing, hidden counts and "next in reading order" simple index arithmetic. Built
/// iteratively, so a reply chain of any depth never touches the call stack.
public struct ThreadTree: Sendable {
    /// The node that stands for the article (or the archive) at the top of the tree.
    public static let root = 0

    /// The comment index in the discussion for each node; -1 for the root.
    public let commentIndex: NodeColumn
    /// The parent node of each node; -1 for the root.
    public let parent: NodeColumn
    /// Depth of each node: 0 for the root, 1 for top-level comments.
    public let depth: NodeColumn
    /// One past the last node of each node's subtree.
    public let subtreeEnd: NodeColumn
    /// The next sibling of each node, or -1.
    public let nextSibling: NodeColumn
    /// The previous sibling of each node, or -1.
    public let previousSibling: NodeColumn
    /// The interned author of each node (index into ``authors``); -1 for the root.
    public let authorID: NodeColumn
    /// Distinct author names, in order of first appearance.
    public let authors: [String]
    /// For each author, the nodes they wrote, in pre-order.
    public let nodesByAuthor: [[Int]]
    /// The node of each comment index.
    public let nodeOfComment: NodeColumn
    /// The top-level ancestor of each node (itself for a top-level node; the root for the root).
    public let threadRoot: NodeColumn
    /// The top-level nodes (the threads of an archive), ascending: each one's replies lie
    /// between it and the next.
    public let topLevel: NodeColumn
    /// How many top-level nodes (threads of an archive) there are.
    public var topLevelCount: Int { topLevel.count }
    /// How many nodes stand for real comments (not placeholders for missing ones).
    public let messageCount: Int

    public var count: Int { parent.count }

    /// Lays out `discussion`; replies keep their source order among siblings.
    ///
    /// A parent index that is out of range, or that would make a cycle, makes its comment
    /// a top-level one.
    public init(_ discussion: Discussion) {
        let comments = discussion.comments
        let n = comments.count + 1
        var commentIndex = NodeColumn(repeating: -1, count: n)
        var nodeOfComment = NodeColumn(repeating: 0, count: comments.count)
        // The parent comment of each comment, -1 for none.
        let effectiveParent: NodeColumn
        if let parents = ThreadTree.parentsIfPreOrder(comments) {
            // Importers emit reading order already: nothing to sort.
            for index in comments.indices {
                commentIndex[index + 1] = index
                nodeOfComment[index] = index + 1
            }
            effectiveParent = parents
        } else {
            let children = ThreadTree.childLists(of: comments)
            for (position, comment) in ThreadTree.preOrder(children: children, count: comments.count).enumerated() {
                commentIndex[position + 1] = comment
                nodeOfComment[comment] = position + 1
            }
            effectiveParent = NodeColumn(children.effectiveParent.lazy.map { $0 ?? -1 })
        }
        var parent = NodeColumn(repeating: -1, count: n)
        var depth = NodeColumn(repeating: 0, count: n)
        var threadRoot = NodeColumn(repeating: 0, count: n)
        for node in 1..<max(n, 1) {
            let parentComment = effectiveParent[commentIndex[node]]
            let parentNode = parentComment >= 0 ? nodeOfComment[parentComment] : 0
            parent[node] = parentNode
            depth[node] = depth[parentNode] + 1
            threadRoot[node] = parentNode == 0 ? node : threadRoot[parentNode]
        }
        var subtreeEnd = NodeColumn(repeating: 0, count: n)
        for node in stride(from: n - 1, through: 0, by: -1) {
            subtreeEnd[node] = max(subtreeEnd[node], node + 1)
            if node > 0 { subtreeEnd[parent[node]] = max(subtreeEnd[parent[node]], subtreeEnd[node]) }
        }
        var nextSibling = NodeColumn(repeating: -1, count: n)
        var previousSibling = NodeColumn(repeating: -1, count: n)
        for node in 1..<max(n, 1) {
            let candidate = subtreeEnd[node]
            if candidate < n && parent[candidate] == parent[node] {
                nextSibling[node] = candidate
                previousSibling[candidate] = node
            }
        }
        var authorIDs = NodeColumn(repeating: -1, count: n)
        var numbering = AuthorNumbering()
        var nodesByAuthor: [[Int]] = []
        for node in 1..<max(n, 1) {
            let id = numbering.number(of: comments[commentIndex[node]].author)
            if id == nodesByAuthor.count { nodesByAuthor.append([]) }
            authorIDs[node] = id
            nodesByAuthor[id].append(node)
        }
        let authors = numbering.names
        self.commentIndex = commentIndex
        self.parent = parent
        self.depth = depth
        self.subtreeEnd = subtreeEnd
        self.nextSibling = nextSibling
        self.previousSibling = previousSibling
        self.authorID = authorIDs
        self.authors = authors
        self.nodesByAuthor = nodesByAuthor
        self.nodeOfComment = nodeOfComment
        self.threadRoot = threadRoot
        topLevel = NodeColumn(depth.indices.lazy.filter { depth[$0] == 1 })
        messageCount = comments.indices.lazy.filter { !comments[$0].isPlaceholder }.count
    }

    /// How many nodes are below `node` (all descendants, not only direct replies).
    public func descendantCount(of node: Int) -> Int { subtreeEnd[node] - node - 1 }

    /// Whether `node` has replies.
    public func hasChildren(_ node: Int) -> Bool { subtreeEnd[node] > node + 1 }

    /// The first reply of `node`, if any.
    public func firstChild(of node: Int) -> Int? { hasChildren(node) ? node + 1 : nil }

    /// Whether `node` is the last reply of its parent.
    public func isLastChild(_ node: Int) -> Bool { nextSibling[node] < 0 }

    /// Whether `ancestor` is `node` or one of its ancestors.
    public func contains(_ ancestor: Int, _ node: Int) -> Bool {
        ancestor <= node && node < subtreeEnd[ancestor]
    }

    /// The ancestors of `node`, nearest first, without the node itself.
    public func ancestors(of node: Int) -> [Int] {
        var result: [Int] = []
        var current = parent[node]
        while current >= 0 {
            result.append(current)
            current = parent[current]
        }
        return result
    }
}

extension ThreadTree {
    /// Children lists in source order, with parents that are invalid or cyclic dropped.
    struct ChildLists {
        var topLevel: [Int]
        var replies: [[Int]]
        var effectiveParent: [Int?]
    }

    /// The parents (-1 for none) when the comments are already in pre-order (each one's
    /// parent is on the path to the comment before it), which is how importers emit them;
    /// else nil.
    static func parentsIfPreOrder(_ comments: [Comment]) -> NodeColumn? {
        var parents = NodeColumn(repeating: -1, count: comments.count)
        var path: [Int] = []
        for index in comments.indices {
            let parent = comments[index].parent
            if let parent {
                while let last = path.last, last != parent { path.removeLast() }
                if path.isEmpty { return nil }
            } else {
                path.removeAll(keepingCapacity: true)
            }
            path.append(index)
            parents[index] = parent ?? -1
        }
        return parents
    }

    static func childLists(of comments: [Comment]) -> ChildLists {
        var effectiveParent: [Int?] = comments.indices.map { index in
            guard let p = comments[index].parent, p >= 0, p < comments.count else { return nil }
            return p
        }
        // A chain that meets itself is cut where it closes.
        for node in ParentCycles.closingNodes(count: comments.count, parent: { effectiveParent[$0] }) {
            effectiveParent[node] = nil
        }
        var topLevel: [Int] = []
        var replies = [[Int]](repeating: [], count: comments.count)
        for index in comments.indices {
            if let p = effectiveParent[index] { replies[p].append(index) } else { topLevel.append(index) }
        }
        return ChildLists(topLevel: topLevel, replies: replies, effectiveParent: effectiveParent)
    }

    static func preOrder(children: ChildLists, count: Int) -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(count)
        var stack: [Int] = children.topLevel.reversed()
        while let node = stack.popLast() {
            order.append(node)
            stack.append(contentsOf: children.replies[node].reversed())
        }
        return order
    }
}

/// Authors numbered in the order they first come, a name being its bytes (a `String` key
/// would be normalised, NFC, at each look). Every node's name is looked up as a tree is laid
/// out: most are found in a small table of the names met last, by a cheap hash of their
/// length and first and last bytes and then compared byte for byte; the others, and any
/// names made to collide there, through a dictionary hashed by the seeded `Hasher`, so no
/// crafted run of names makes the numbering slow.
struct AuthorNumbering {
    /// The names, by number.
    private(set) var names: [String] = []
    private var numberOfName: [NameBytes: Int] = [:]
    private var recent = [(name: String, number: Int)?](repeating: nil, count: 1 << recentBits)
    private static let recentBits = 10

    /// The number of `name`, given now if it is new.
    mutating func number(of name: String) -> Int {
        if let found = name.utf8.withContiguousStorageIfAvailable({ number(of: name, bytes: $0) }) { return found }
        return numbered(name)
    }

    private mutating func number(of name: String, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let slot = Self.slot(bytes)
        if let entry = recent[slot],
            entry.name.utf8.withContiguousStorageIfAvailable({ $0.elementsEqual(bytes) })
                ?? entry.name.utf8.elementsEqual(bytes)
        {
            return entry.number
        }
        let number = numbered(name)
        recent[slot] = (name, number)
        return number
    }

    /// The number of `name` from the dictionary.
    private mutating func numbered(_ name: String) -> Int {
        if let known = numberOfName[NameBytes(name: name)] { return known }
        numberOfName[NameBytes(name: name)] = names.count
        names.append(name)
        return names.count - 1
    }

    /// A slot of the table from the name's length and up to eight bytes at each end.
    private static func slot(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash = UInt64(bytes.count)
        for byte in bytes.prefix(8) { hash = hash &* 31 &+ UInt64(byte) }
        for byte in bytes.suffix(8) { hash = hash &* 31 &+ UInt64(byte) }
        hash = (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: hash >> UInt64(64 - recentBits))
    }
}

/// An author's name hashed and compared by its bytes.
private struct NameBytes: Hashable {
    let name: String

    static func == (a: NameBytes, b: NameBytes) -> Bool {
        var (first, second) = (a.name, b.name)
        return first.withUTF8 { one in second.withUTF8 { other in one.elementsEqual(other) } }
    }

    func hash(into hasher: inout Hasher) {
        var name = name
        name.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
