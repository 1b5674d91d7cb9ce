import SpoolCore

/// One parsed message, ready for threading.
struct MailMessage {
    var messageID: String?
    var references: [String]
    var inReplyTo: String?
    var comment: Comment
}

/// Threads messages after Jamie Zawinski's algorithm, with the parent choice of notmuch:
/// a message's parent is its In-Reply-To when that message is in the archive, else the
/// last of its References (so a References list written oldest-last, as Debbugs does, or a
/// mistyped one, still threads right when In-Reply-To is sound). A referenced message
/// that is missing becomes a placeholder with its replies under it, hung below the
/// reference before it; reference cycles are broken; duplicate Message-IDs stay separate
/// messages. Threading is kept apart from order: siblings are then sorted by date and
/// threads by their latest message, newest first.
enum MailThreader {
    private struct Container {
        var message: Int?
        var id: String
        var parent: Int?
        var children: [Int] = []
    }

    /// The comments in reading order, each with its parent index set.
    static func thread(_ messages: [MailMessage]) -> [Comment] {
        var forest = Forest()
        forest.present = Set(messages.compactMap(\.messageID))
        for (index, message) in messages.enumerated() { forest.add(message, index: index) }
        forest.pruneEmptyContainers()
        return emit(forest.containers, messages: messages)
    }

    /// The containers being linked, JWZ's id table with them.
    private struct Forest {
        var containers: [Container] = []
        var byID: [String: Int] = [:]
        /// Message-IDs of the messages the archive holds.
        var present: Set<String> = []

        mutating func add(_ message: MailMessage, index: Int) {
            let own: Int
            if let id = message.messageID, byID[id] == nil || containers[byID[id]!].message == nil {
                own = container(for: id)
            } else {
                // No Message-ID, or a second copy of one: a container of its own.
                containers.append(Container(message: nil, id: message.messageID ?? "<no-id-\(index + 1)>"))
                own = containers.count - 1
            }
            containers[own].message = index
            let refs = message.references
            let parentID: String?
            if let irt = message.inReplyTo, present.contains(irt) {
                parentID = irt
            } else {
                parentID = refs.last ?? message.inReplyTo
            }
            guard let parentID, parentID != message.messageID else { return }
            let parent = container(for: parentID)
            guard !isAncestor(own, of: parent) else { return }
            setParent(own, parent)
            hangPlaceholder(parentID, below: refs)
        }

        /// A missing message goes under the reference listed before it (itself perhaps missing).
        private mutating func hangPlaceholder(_ id: String, below refs: [String]) {
            var current = id
            while !present.contains(current), let position = refs.lastIndex(of: current), position > 0 {
                let above = container(for: refs[position - 1])
                let node = container(for: current)
                guard containers[node].parent == nil, above != node, !isAncestor(node, of: above) else { return }
                setParent(node, above)
                current = refs[position - 1]
            }
        }

        private mutating func container(for id: String) -> Int {
            if let known = byID[id] { return known }
            containers.append(Container(message: nil, id: id))
            byID[id] = containers.count - 1
            return containers.count - 1
        }

        /// Whether `candidate` is `node` or above it; linking it under `node` would make a cycle.
        private func isAncestor(_ candidate: Int, of node: Int) -> Bool {
            var current: Int? = node
            var steps = 0
            while let c = current, steps <= containers.count {
                if c == candidate { return true }
                current = containers[c].parent
                steps += 1
            }
            return false
        }

        private mutating func setParent(_ child: Int, _ parent: Int?) {
            if let old = containers[child].parent { containers[old].children.removeAll { $0 == child } }
            containers[child].parent = parent
            if let parent { containers[parent].children.append(child) }
        }

        /// Drops placeholders with no replies and splices out a placeholder whose only
        /// reply is another placeholder, so a chain of missing messages shows as one.
        mutating func pruneEmptyContainers() {
            var changed = true
            while changed {
                changed = false
                for index in containers.indices where containers[index].message == nil {
                    let children = containers[index].children
                    if children.isEmpty, let parent = containers[index].parent {
                        containers[parent].children.removeAll { $0 == index }
                        containers[index].parent = nil
                        changed = true
                    } else if children.count == 1, containers[children[0]].message == nil {
                        setParent(children[0], containers[index].parent)
                        changed = true
                    }
                }
            }
        }
    }

    private static func emit(_ containers: [Container], messages: [MailMessage]) -> [Comment] {
        // Latest date in each subtree, computed bottom-up without recursion.
        var latest = [Int64](repeating: Int64.min, count: containers.count)
        var order: [Int] = []
        var stack = containers.indices.filter { containers[$0].parent == nil && (containers[$0].message != nil || !containers[$0].children.isEmpty) }
        let roots = stack
        while let node = stack.popLast() {
            order.append(node)
            stack.append(contentsOf: containers[node].children)
        }
        for node in order.reversed() {
            if let m = containers[node].message, let date = messages[m].comment.date { latest[node] = max(latest[node], date.secondsSinceEpoch) }
            if let parent = containers[node].parent { latest[parent] = max(latest[parent], latest[node]) }
        }
        func own(_ node: Int) -> Int64 { containers[node].message.flatMap { messages[$0].comment.date?.secondsSinceEpoch } ?? latest[node] }
        let sortedRoots = roots.enumerated().sorted { a, b in
            latest[a.element] != latest[b.element] ? latest[a.element] > latest[b.element] : a.offset < b.offset
        }.map(\.element)
        var comments: [Comment] = []
        var walk: [(node: Int, parent: Int?)] = sortedRoots.reversed().map { ($0, nil) }
        while let (node, parent) = walk.popLast() {
            var comment: Comment
            if let m = containers[node].message {
                comment = messages[m].comment
            } else {
                comment = Comment(id: containers[node].id, author: "", date: nil, body: "", isPlaceholder: true)
            }
            comment.parent = parent
            comments.append(comment)
            let index = comments.count - 1
            let children = containers[node].children.enumerated().sorted { a, b in
                own(a.element) != own(b.element) ? own(a.element) < own(b.element) : a.offset < b.offset
            }.map(\.element)
            walk.append(contentsOf: children.reversed().map { ($0, index) })
        }
        return comments
    }
}
