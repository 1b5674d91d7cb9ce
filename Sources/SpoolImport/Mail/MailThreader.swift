import SpoolCore

/// One parsed message, ready for threading.
struct MailMessage {
    var messageID: String?
    var references: [String]
    /// The ids in In-Reply-To, in order (old mailers put addresses in angle brackets too).
    var inReplyTo: [String]
    var comment: Comment
}

/// Threads messages after Jamie Zawinski's algorithm, with the parent choice of notmuch:
/// a message's parent is its In-Reply-To when that message is in the archive, else the
/// last of its References (so a References list written oldest-last, as Debbugs does, or a
/// mistyped one, still threads right when In-Reply-To is sound). A referenced message
/// that is missing becomes a placeholder with its replies under it, hung below the
/// reference before it; reference cycles are broken; a message whose Message-ID was seen
/// before stays a message of its own, shown as a reply to the first copy (as mutt does). Threading is kept apart from order: siblings are then sorted by date and
/// threads by their latest message, newest first.
enum MailThreader {
    private struct Container {
        var message: Int?
        var id: String
        var parent: Int?
        var children: [Int] = []
    }

    /// The comments in reading order, each with its parent index set, and how many links
    /// were left out because they would have made a reply its own ancestor.
    static func thread(_ messages: [MailMessage], options: ArchiveOptions = ArchiveOptions()) -> (comments: [Comment], brokenCycles: Int) {
        var forest = Forest()
        forest.present = Set(messages.compactMap(\.messageID))
        let containers = messages.enumerated().map { forest.addContainer(for: $0.element, index: $0.offset) }
        // JWZ: references presume parents first; then each message's own headers decide
        // its parent definitively, throwing a presumed parent away.
        for message in messages { forest.linkChain(message.references) }
        for own in containers { forest.detach(own) }
        for (index, message) in messages.enumerated() { forest.setOwnParent(containers[index], message) }
        forest.breakCycles()
        forest.rebuildChildren()
        forest.pruneEmptyContainers()
        if options.groupsBySubject { forest.groupRootsBySubject(messages) }
        return (emit(forest.containers, messages: messages, newestFirst: options.newestThreadsFirst), forest.brokenCycles)
    }

    /// The containers being linked, JWZ's id table with them.
    private struct Forest {
        var containers: [Container] = []
        var byID: [String: Int] = [:]
        /// Message-IDs of the messages the archive holds.
        var present: Set<String> = []
        /// Containers of second copies of a Message-ID, and the first copy's container.
        var copyOf: [Int: Int] = [:]
        var brokenCycles = 0

        mutating func addContainer(for message: MailMessage, index: Int) -> Int {
            if let id = message.messageID, byID[id] == nil || containers[byID[id]!].message == nil {
                let own = container(for: id)
                containers[own].message = index
                return own
            }
            // No Message-ID, or a second copy of one: a container of its own.
            containers.append(Container(message: index, id: message.messageID ?? "<no-id-\(index + 1)>"))
            let own = containers.count - 1
            if let id = message.messageID, let original = byID[id] { copyOf[own] = original }
            return own
        }

        /// Each reference presumed to be the parent of the next, where the next has none yet.
        mutating func linkChain(_ refs: [String]) {
            let chain = refs.map { container(for: $0) }
            for (a, b) in zip(chain, chain.dropFirst()) where a != b && containers[b].parent == nil {
                if isAncestor(b, of: a) {
                    if containers[b].message == nil { brokenCycles += 1 }
                } else {
                    setParent(b, a)
                }
            }
        }

        /// Puts each thread root under the earliest root with the same subject (ignoring
        /// `Re:` and list tags), for archives whose mailers wrote no threading headers.
        mutating func groupRootsBySubject(_ messages: [MailMessage]) {
            var firstBySubject: [String: Int] = [:]
            for index in containers.indices where containers[index].parent == nil {
                guard let message = containers[index].message, let subject = messages[message].comment.subject else { continue }
                let key = Subject.normalised(subject)
                guard !key.isEmpty else { continue }
                if let first = firstBySubject[key] { move(index, to: first) } else { firstBySubject[key] = index }
            }
        }

        /// Throws away a parent presumed from other messages' references.
        mutating func detach(_ own: Int) { setParent(own, nil) }

        /// The message's own parent: a copy goes under the first copy (as mutt shows
        /// duplicates); else In-Reply-To when that message is here, else the last reference,
        /// else In-Reply-To as a placeholder; none makes it a thread root.
        mutating func setOwnParent(_ own: Int, _ message: MailMessage) {
            if let original = copyOf[own] {
                setParent(own, original)
                return
            }
            let presentReply = message.inReplyTo.first { present.contains($0) }
            let parentID = presentReply ?? message.references.last ?? message.inReplyTo.last
            guard let parentID, parentID != message.messageID else {
                setParent(own, nil)
                return
            }
            let parent = container(for: parentID)
            if parent != own { setParent(own, parent) } else { brokenCycles += 1 }
        }

        /// Cuts every loop that the messages' own parents made (a message naming its own
        /// reply as parent), in one pass over all containers, without recursion: O(n) even
        /// for a reply chain 100,000 deep.
        mutating func breakCycles() {
            let closing = ParentCycles.closingNodes(count: containers.count) { containers[$0].parent }
            for node in closing { setParent(node, nil) }
            brokenCycles += closing.count
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

        /// While linking only parent pointers change (O(1) a link, however many replies a
        /// message has); the children lists are derived once, by ``rebuildChildren()``.
        private mutating func setParent(_ child: Int, _ parent: Int?) {
            containers[child].parent = parent
        }

        /// Children lists from the parent pointers, in container order.
        mutating func rebuildChildren() {
            for index in containers.indices { containers[index].children.removeAll() }
            for index in containers.indices {
                if let parent = containers[index].parent { containers[parent].children.append(index) }
            }
        }

        /// Re-parents after the children lists exist, keeping them in step.
        private mutating func move(_ child: Int, to parent: Int?) {
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
                        move(children[0], to: containers[index].parent)
                        changed = true
                    }
                }
            }
        }
    }

    private static func emit(_ containers: [Container], messages: [MailMessage], newestFirst: Bool) -> [Comment] {
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
            guard latest[a.element] != latest[b.element] else { return a.offset < b.offset }
            return newestFirst ? latest[a.element] > latest[b.element] : latest[a.element] < latest[b.element]
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
