import Foundation
import SpoolCore

/// The messages' threading headers, their Message-IDs numbered by ``MessageIDTable``, as
/// columns (one entry a message, every message's numbers in one array).
struct MailLinks {
    /// Each message's own id number; nil without one.
    let messageIDs: OptionalIndexColumn
    /// Every message's References numbers, then its In-Reply-To numbers (in order: old
    /// mailers put addresses in angle brackets too), message after message.
    private let numbers: [UInt64]
    /// Where each message's References and In-Reply-To numbers end in `numbers`.
    private let ends: [(references: Int, inReplyTo: Int)]
    /// Seconds since the epoch, for ordering; ``MailLinks/noDate`` for a message without one.
    let dates: [Int64]

    /// What ``dates`` holds for a message without a date (no date a message can carry).
    static let noDate = Int64.min

    init(
        messageIDs: OptionalIndexColumn, numbers: [UInt64], ends: [(references: Int, inReplyTo: Int)], dates: [Int64]
    ) {
        precondition(messageIDs.count == ends.count && dates.count == ends.count)
        self.messageIDs = messageIDs
        self.numbers = numbers
        self.ends = ends
        self.dates = dates
    }

    var count: Int { messageIDs.count }

    func references(of message: Int) -> LazyMapCollection<ArraySlice<UInt64>, Int> {
        numbers[(message == 0 ? 0 : ends[message - 1].inReplyTo)..<ends[message].references].lazy.map {
            Int(truncatingIfNeeded: $0)
        }
    }

    func inReplyTo(of message: Int) -> LazyMapCollection<ArraySlice<UInt64>, Int> {
        numbers[ends[message].references..<ends[message].inReplyTo].lazy.map { Int(truncatingIfNeeded: $0) }
    }
}

/// Message-IDs numbered in order of first sight by their 64-bit hash, so threading
/// compares integers. (Two different ids colliding in 64 bits is as likely as a few
/// in 10^9 for a million ids; they would thread as one message.)
///
/// The messages' own ids are numbered first, so every id numbered after them is named by
/// replies and carried by no message: a missing message, whose placeholder needs the id's
/// text, found again from the first message that names it.
struct MessageIDTable {
    private var numbers: HashNumbers
    /// How many ids messages carry: numbers below it.
    private(set) var carriedCount = 0
    /// For each missing id, from number `carriedCount` on: the first message naming it, and
    /// the id's hash.
    private var missing: [(message: Int, hash: UInt64)] = []

    /// `capacity`: how many ids are expected (the table grows past it).
    init(capacity: Int = 0) { numbers = HashNumbers(capacity: capacity) }

    var count: Int { carriedCount + missing.count }

    /// The number of a message's own id, whose hash is `hash` (before any id a message names).
    mutating func number(carried hash: UInt64) -> Int {
        precondition(missing.isEmpty, "own ids are numbered first")
        let (number, isNew) = numbers.number(for: hash, next: count)
        if isNew { carriedCount += 1 }
        return number
    }

    /// The number of an id that `message` replies to.
    mutating func number(_ hash: UInt64, namedBy message: Int) -> Int {
        let (number, isNew) = numbers.number(for: hash, next: count)
        if isNew { missing.append((message, hash)) }
        return number
    }

    /// Replaces each hash of `links` (every message's, ending at `ends`) by its id's number:
    /// the ids messages carry looked up
    /// on the cores (the table only read), then the others numbered in file order, as one
    /// pass numbers them (a missing id's number is its place among the missing by first
    /// naming). The lookups are random reads of a table of 32 MB at a million messages: a
    /// third of threading on one core.
    /// `minimumPerPart` (links a part) is for tests.
    mutating func number(
        links: inout [UInt64], ends: [(references: Int, inReplyTo: Int)], minimumPerPart: Int = 1 << 16
    ) {
        guard !links.isEmpty else { return }
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, links.count / minimumPerPart))
        let messageBounds = (0...parts).map { ends.count * $0 / parts }
        // The positions each part could not number, ascending (8 bytes each, the message
        // found again by walking `ends`).
        var unnumbered = [[Int]](repeating: [], count: parts)
        do {
            // A copy that shares the lookup's storage, gone before numbering starts again
            // (or numbering would copy all 32 MB).
            let lookup = numbers
            links.withUnsafeMutableBufferPointer { links in
                unnumbered.withUnsafeMutableBufferPointer { unnumbered in
                    let (slots, missing) = (
                        ParallelSlots(base: links.baseAddress!), ParallelSlots(base: unnumbered.baseAddress!)
                    )
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        var missed: [Int] = []
                        let first = messageBounds[part]
                        let start = first == 0 ? 0 : ends[first - 1].inReplyTo
                        let end = messageBounds[part + 1] == 0 ? 0 : ends[messageBounds[part + 1] - 1].inReplyTo
                        for position in start..<max(start, end) {
                            if let number = lookup.existingNumber(for: slots.base[position]) {
                                slots.base[position] = UInt64(number)
                            } else {
                                missed.append(position)
                            }
                        }
                        missing.base[part] = missed
                    }
                }
            }
        }
        var message = 0
        for part in unnumbered {
            for position in part {
                while ends[message].inReplyTo <= position { message += 1 }
                links[position] = UInt64(number(links[position], namedBy: message))
            }
        }
    }

    /// The first message naming the missing id `number`, and the id's hash.
    func namer(ofMissing number: Int) -> (message: Int, hash: UInt64) { missing[number - carriedCount] }

    /// Lets go of the lookup once every id is numbered (the numbers and the missing ids stay).
    mutating func dropLookup() { numbers = HashNumbers(capacity: 0) }
}

/// Numbers by 64-bit id hash: open addressing with linear probing, at most three quarters
/// full. One flat array and no per-entry allocation, where a `Dictionary` spent a fifth of
/// threading.
///
/// Slots come from ``SecretSlots``: an archive made of ids whose hashes share their low bits
/// cannot make threading quadratic.
private struct HashNumbers {
    /// A hash and its number side by side, so a probe reads one cache line, not two.
    private struct Entry {
        var hash: UInt64
        /// -1 marks an empty slot (so any hash, 0 included, can be stored).
        var number: Int
    }

    private var entries: [Entry]
    private var count = 0
    private let slots = SecretSlots()

    init(capacity: Int) {
        var size = 16
        while size * 3 < capacity * 4 { size *= 2 }
        entries = Array(repeating: Entry(hash: 0, number: -1), count: size)
    }

    /// The number stored for `hash`, or else `next`, stored for it (`isNew`).
    mutating func number(for hash: UInt64, next: Int) -> (number: Int, isNew: Bool) {
        if (count + 1) * 4 > entries.count * 3 { grow() }
        let mask = entries.count - 1
        var slot = start(hash, mask)
        while entries[slot].number >= 0 {
            if entries[slot].hash == hash { return (entries[slot].number, false) }
            slot = (slot + 1) & mask
        }
        entries[slot] = Entry(hash: hash, number: next)
        count += 1
        return (next, true)
    }

    /// The number stored for `hash`, nil when there is none.
    func existingNumber(for hash: UInt64) -> Int? {
        let mask = entries.count - 1
        var slot = start(hash, mask)
        while entries[slot].number >= 0 {
            if entries[slot].hash == hash { return entries[slot].number }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private func start(_ hash: UInt64, _ mask: Int) -> Int { slots.start(of: hash, mask: mask) }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(hash: 0, number: -1), count: old.count * 2)
        let mask = entries.count - 1
        for entry in old where entry.number >= 0 {
            var slot = start(entry.hash, mask)
            while entries[slot].number >= 0 { slot = (slot + 1) & mask }
            entries[slot] = entry
        }
    }
}

/// Threads messages after Jamie Zawinski's algorithm, with the parent choice of notmuch:
/// a message's parent is its In-Reply-To when that message is in the archive, else the
/// last of its References (so a References list written oldest-last, as Debbugs does, or a
/// mistyped one, still threads right when In-Reply-To is sound). A referenced message
/// that is missing becomes a placeholder with its replies under it, hung below the
/// reference before it; reference cycles are broken; a message whose Message-ID was seen
/// before stays a message of its own, shown as a reply to the first copy (as mutt does).
/// Threading is kept apart from order: siblings are then sorted by date and threads by
/// their latest message, newest first.
///
/// Everything is integers and flat arrays: ids are numbers, parents are indices, and the
/// children lists are built once at the end.
enum MailThreader {
    /// One row of the threaded result, in reading order (8 bytes: a million-message
    /// archive holds a million while it is threaded).
    struct Row {
        /// The message's index, or the placeholder's Message-ID number inverted (`~id`).
        private let node: Int32
        /// The parent's row, or -1.
        private let parentRow: Int32

        init(message: Int?, missingID: Int?, parent: Int?) {
            precondition((message == nil) != (missingID == nil), "a row is a message or a placeholder")
            precondition(max(message ?? 0, missingID ?? 0, parent ?? 0) <= Int32.max, "rows of 31 bits")
            node = Int32(truncatingIfNeeded: message ?? ~(missingID ?? 0))
            parentRow = Int32(truncatingIfNeeded: parent ?? -1)
        }

        /// The message's index in the input, or nil for a placeholder.
        var message: Int? { node >= 0 ? Int(node) : nil }
        /// The placeholder's Message-ID number.
        var missingID: Int? { node < 0 ? Int(~node) : nil }
        /// The row index of the parent; nil for a thread root.
        var parent: Int? { parentRow >= 0 ? Int(parentRow) : nil }
    }

    /// The rows in reading order and how many links were left out because they would have
    /// made a reply its own ancestor. `idCount` is how many Message-IDs the table numbered;
    /// `subject` gives a message's subject for `groupsBySubject`.
    static func thread(
        _ messages: consuming MailLinks, idCount: Int, options: ArchiveOptions = ArchiveOptions(),
        subject: (Int) -> String? = { _ in nil }
    ) -> (rows: [Row], brokenCycles: Int) {
        var forest = Forest(messageIDs: messages.messageIDs, dates: messages.dates, idCount: idCount)
        // JWZ: references presume parents first; then each message's own headers decide
        // its parent definitively, throwing a presumed parent away.
        for index in 0..<messages.count { forest.linkChain(messages.references(of: index)) }
        forest.endChains()
        for index in 0..<messages.count { forest.setOwnParent(of: index, in: messages) }
        forest.headerless = (0..<messages.count).map {
            messages.references(of: $0).isEmpty && messages.inReplyTo(of: $0).isEmpty
        }
        // The links are done with: gone before the sorting, when the forest is at its largest.
        _ = consume messages
        forest.breakCycles()
        if options.groupsBySubject {
            forest.groupRootsBySubject(subject)
        } else if options.groupsRepliesBySubject {
            forest.groupRootsBySubject(subject, onlyHeaderlessReplies: true)
        }
        forest.pruneEmptyPlaceholders()
        return (forest.emit(newestFirst: options.newestThreadsFirst), forest.brokenCycles)
    }

    /// Columns of 32-bit numbers throughout: at a million messages the forest is the
    /// largest thing an import holds while it threads.
    private struct Forest {
        /// Each message's own id number and date (``MailLinks/noDate`` without one).
        let messageIDs: OptionalIndexColumn
        let dates: [Int64]
        /// Whether each message has neither References nor In-Reply-To.
        var headerless: [Bool] = []
        /// Container `i < idCount` stands for Message-ID `i`; later ones for messages
        /// without an id and for second copies.
        var message: OptionalIndexColumn
        var parent: OptionalIndexColumn
        /// Union-find over the presumed parents while chains are linked (let go after).
        private var chainRoots: NodeColumn = []
        /// Each message's own container.
        var own: NodeColumn
        var present: [Bool]
        /// Containers of second copies of a Message-ID, and the first copy's container.
        var copyOf: [Int: Int] = [:]
        var brokenCycles = 0

        init(messageIDs: OptionalIndexColumn, dates: [Int64], idCount: Int) {
            self.messageIDs = messageIDs
            self.dates = dates
            message = OptionalIndexColumn(repeating: nil, count: idCount)
            present = Array(repeating: false, count: idCount)
            own = NodeColumn(repeating: 0, count: messageIDs.count)
            for (index, messageID) in messageIDs.enumerated() {
                if let id = messageID, message[id] == nil {
                    message[id] = index
                    present[id] = true
                    own[index] = id
                } else {
                    // No Message-ID, or a second copy of one: a container of its own.
                    message.append(index)
                    own[index] = message.count - 1
                    if let id = messageID { copyOf[message.count - 1] = id }
                }
            }
            parent = OptionalIndexColumn(repeating: nil, count: message.count)
            chainRoots = NodeColumn(0..<message.count)
        }

        /// Lets go of what only the linking of chains needed.
        mutating func endChains() { chainRoots = [] }

        /// Each reference presumed to be the parent of the next, where the next has none yet.
        ///
        /// While chains are linked, parents are only ever given to roots, so "is `b` above
        /// `a`" is "is `b` the root of `a`'s tree": a union-find with path halving answers
        /// it in near-constant time, where walking up the parents would make a References
        /// header of n ids cost n² (a hostile or broken header can hold 100,000).
        mutating func linkChain(_ refs: some Collection<Int>) {
            for (a, b) in zip(refs, refs.dropFirst()) where a != b && parent[b] == nil {
                if chainRoot(of: a) == b {
                    if message[b] == nil { brokenCycles += 1 }
                } else {
                    parent[b] = a
                    chainRoots[b] = a
                }
            }
        }

        /// The root of `node`'s tree of presumed parents (``linkChain(_:)`` only).
        private mutating func chainRoot(of node: Int) -> Int {
            var current = node
            while chainRoots[current] != current {
                chainRoots[current] = chainRoots[chainRoots[current]]
                current = chainRoots[current]
            }
            return current
        }

        /// The message's own parent: a copy goes under the first copy (as mutt shows
        /// duplicates); else In-Reply-To when that message is here, else the last reference,
        /// else In-Reply-To as a placeholder; none makes it a thread root.
        mutating func setOwnParent(of index: Int, in links: MailLinks) {
            let container = own[index]
            if let original = copyOf[container] {
                parent[container] = original
                return
            }
            let (references, inReplyTo) = (links.references(of: index), links.inReplyTo(of: index))
            let presentReply = inReplyTo.first { present[$0] }
            guard let parentID = presentReply ?? references.last ?? inReplyTo.last,
                parentID != messageIDs[index]
            else {
                parent[container] = nil
                return
            }
            if parentID != container {
                parent[container] = parentID
            } else {
                parent[container] = nil
                brokenCycles += 1
            }
        }

        /// Cuts every loop that the messages' own parents made (a message naming its own
        /// reply as parent), in one pass over all containers, without recursion.
        mutating func breakCycles() {
            let closing = ParentCycles.closingNodes(count: parent.count) { parent[$0] }
            for node in closing { parent[node] = nil }
            brokenCycles += closing.count
        }

        /// Puts each thread root under the earliest root with the same subject (ignoring
        /// `Re:` and list tags), for archives whose mailers wrote no threading headers.
        /// With `onlyHeaderlessReplies`, only roots that are replies by their subject and
        /// carry no In-Reply-To or References move (mutt's default): a thread that merely
        /// shares a subject stays apart.
        mutating func groupRootsBySubject(_ subject: (Int) -> String?, onlyHeaderlessReplies: Bool = false) {
            if onlyHeaderlessReplies {
                // Nothing moves unless some root may: no subject is normalised then (a
                // million-message archive has some 60,000 roots).
                let someMayMove = parent.indices.contains { index in
                    guard parent[index] == nil, let m = message[index], headerless[m], let text = subject(m) else {
                        return false
                    }
                    return Subject.isReply(text)
                }
                guard someMayMove else { return }
            }
            var firstBySubject: [String: Int] = [:]
            var movers: [(index: Int, key: String)] = []
            for index in parent.indices where parent[index] == nil {
                guard let m = message[index], let text = subject(m) else { continue }
                let key = Subject.normalised(text)
                guard !key.isEmpty else { continue }
                let mayMove =
                    !onlyHeaderlessReplies
                    || (Subject.isReply(text) && headerless[m])
                if mayMove && onlyHeaderlessReplies {
                    // Moved once every thread that started the subject is known.
                    movers.append((index, key))
                } else if let first = firstBySubject[key] {
                    if mayMove { parent[index] = first }
                } else {
                    firstBySubject[key] = index
                }
            }
            for (index, key) in movers {
                if let first = firstBySubject[key] { parent[index] = first } else { firstBySubject[key] = index }
            }
        }

        /// Drops placeholders with no replies and splices out a placeholder whose only
        /// reply is another placeholder, so a chain of missing messages shows as one.
        mutating func pruneEmptyPlaceholders() {
            var replies: [Int: [Int]] = [:]
            for index in parent.indices {
                if let p = parent[index], message[p] == nil { replies[p, default: []].append(index) }
            }
            let placeholders = message.indices.filter { message[$0] == nil }
            var changed = true
            while changed {
                changed = false
                for index in placeholders {
                    let children = replies[index] ?? []
                    if children.isEmpty, let p = parent[index] {
                        if message[p] == nil { replies[p]?.removeAll { $0 == index } }
                        parent[index] = nil
                        changed = true
                    } else if children.count == 1, message[children[0]] == nil {
                        let child = children[0]
                        replies[index] = []
                        parent[child] = parent[index]
                        if let p = parent[index], message[p] == nil { replies[p, default: []].append(child) }
                        changed = true
                    }
                }
            }
        }

        /// The rows in reading order: threads by their latest message, siblings by date.
        func emit(newestFirst: Bool) -> [Row] {
            let count = parent.count
            // Children in container order, as one flat array (counting sort by parent).
            var firstChild = NodeColumn(repeating: 0, count: count + 1)
            for p in parent { if let p { firstChild[p + 1] += 1 } }
            for index in 0..<count { firstChild[index + 1] += firstChild[index] }
            var fill = firstChild
            var children = NodeColumn(repeating: 0, count: firstChild[count])
            for index in 0..<count {
                if let p = parent[index] {
                    children[fill[p]] = index
                    fill[p] += 1
                }
            }
            // Each node's date read once: the sorts below compare dates n log n times.
            let dates = message.map { $0.map { self.dates[$0] } ?? MailLinks.noDate }
            func date(_ node: Int) -> Int64? { dates[node] == MailLinks.noDate ? nil : dates[node] }
            // Latest date in each subtree, bottom-up without recursion.
            var latest = [Int64](repeating: Int64.min, count: count)
            let roots = (0..<count).filter {
                parent[$0] == nil && (message[$0] != nil || firstChild[$0 + 1] > firstChild[$0])
            }
            var order: [Int32] = []
            order.reserveCapacity(messageIDs.count)
            var stack = roots
            while let node = stack.popLast() {
                order.append(Int32(truncatingIfNeeded: node))
                stack.append(contentsOf: children[firstChild[node]..<firstChild[node + 1]])
            }
            for node in order.reversed().lazy.map(Int.init) {
                if let d = date(node) { latest[node] = max(latest[node], d) }
                if let p = parent[node] { latest[p] = max(latest[p], latest[node]) }
            }
            func ownDate(_ node: Int) -> Int64 { date(node) ?? latest[node] }
            let sortedRoots = roots.enumerated().sorted { a, b in
                guard latest[a.element] != latest[b.element] else { return a.offset < b.offset }
                return newestFirst ? latest[a.element] > latest[b.element] : latest[a.element] < latest[b.element]
            }.map(\.element)
            var rows: [Row] = []
            rows.reserveCapacity(order.count)
            var walk: [(node: Int, parent: Int?)] = sortedRoots.reversed().map { ($0, nil) }
            var siblings: [Int] = []
            while let (node, parentRow) = walk.popLast() {
                rows.append(
                    Row(message: message[node], missingID: message[node] == nil ? node : nil, parent: parentRow))
                let row = rows.count - 1
                let range = firstChild[node]..<firstChild[node + 1]
                if range.count == 1 {
                    walk.append((children[range.lowerBound], row))
                } else if !range.isEmpty {
                    // By date in one reused array; siblings of one date stay in container
                    // order, the order they were filled in.
                    siblings.removeAll(keepingCapacity: true)
                    siblings.append(contentsOf: children[range])
                    siblings.sort { a, b in
                        let (x, y) = (ownDate(a), ownDate(b))
                        return x != y ? x < y : a < b
                    }
                    for child in siblings.reversed() { walk.append((child, row)) }
                }
            }
            return rows
        }
    }
}
