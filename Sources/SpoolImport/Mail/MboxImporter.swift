import Foundation
import SpoolCore

/// How an archive is threaded and ordered.
public struct ArchiveOptions: Sendable, Equatable {
    /// Threads ordered by their latest message, newest first (else oldest first).
    public var newestThreadsFirst: Bool
    /// Thread roots with the same subject grouped under the earliest (off by default).
    public var groupsBySubject: Bool
    /// A message with no threading headers whose subject starts with `Re:` goes into the
    /// thread of its subject, as mutt does (on by default).
    public var groupsRepliesBySubject: Bool

    public init(newestThreadsFirst: Bool = true, groupsBySubject: Bool = false, groupsRepliesBySubject: Bool = true) {
        self.newestThreadsFirst = newestThreadsFirst
        self.groupsBySubject = groupsBySubject
        self.groupsRepliesBySubject = groupsRepliesBySubject
    }
}

/// Imports a mailbox (`--from mbox`): mboxo and mboxrd files, Mailman pipermail archives,
/// and single raw messages or news articles without a separator line.
///
/// Each message becomes a comment: author from `From:` (display name, else address), date
/// from `Date:` (else the separator line), subject, and a deferred body: ``MboxScanner``
/// reads only the header blocks, and the text MIMEBody makes of a body is decoded from the
/// file when the comment is shown or searched (``MailBodies``). Messages are threaded by
/// ``MailThreader``; the discussion has no title or article and one top-level node per
/// thread. Throws ``ImportError`` when no message is found.
public struct MboxImporter: Sendable {
    public var options: ArchiveOptions

    public init(options: ArchiveOptions = ArchiveOptions()) { self.options = options }

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(store: ByteStore(bytes: bytes, path: file), file: file)
    }

    /// Imports the mbox file held by `store`, reading it once in chunks (on several threads
    /// when it is large); message bodies stay in the file and are read again when shown.
    func parse(store: ByteStore, file: String, parts: Int? = nil, chunk: Int = 1 << 20) throws -> Discussion {
        let bodies = MailBodies(store: store)
        return try parse(Self.scan(store, parts: parts, chunk: chunk), bodies: bodies, file: file)
    }

    /// Imports a Maildir: every file in `cur/` and `new/` is one message.
    public func parseMaildir(files: [(name: String, bytes: [UInt8])], folder: String) throws -> Discussion {
        var all: [UInt8] = []
        var ranges: [Range<Int>] = []
        for file in files {
            ranges.append(all.count..<(all.count + file.bytes.count))
            all.append(contentsOf: file.bytes)
        }
        let store = ByteStore(bytes: all, path: folder)
        let bodies = MailBodies(store: store)
        var scanner = MboxScanner(store: store)
        var messages = ScannedMessages()
        for (file, range) in zip(files, ranges) {
            // Maildir keeps flags in the name: `…:2,FRS` (S: seen).
            let info = file.name.range(of: ":2,", options: .backwards)
            let seen = info.map { file.name[$0.upperBound...].contains("S") } ?? false
            scanner.message(in: range, isReadAtSource: seen, to: &messages)
        }
        return try parse(messages, bodies: bodies, file: folder)
    }

    /// The messages of `store` in file order, scanned in parts on as many threads as pay.
    /// `parts` and `chunk` (the read size) are for tests; by default a file of 8 MiB or more
    /// is split in as many parts as there are cores (at most 4).
    static func scan(_ store: ByteStore, parts: Int? = nil, chunk: Int = 1 << 20)
        -> ScannedMessages
    {
        let parts = max(1, parts ?? (store.count >= 8 << 20 ? min(4, ProcessInfo.processInfo.activeProcessorCount) : 1))
        var bounds = [0]
        var finder = MboxScanner(store: store, chunk: chunk)
        for part in 1..<max(parts, 1) {
            let next = finder.nextSeparator(atOrAfter: max(bounds.last!, store.count / parts * part)) ?? store.count
            bounds.append(max(next, bounds.last!))
        }
        bounds.append(store.count)
        let starts = bounds
        let results = ScanResults(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var scanner = MboxScanner(store: store, chunk: chunk)
            results.set(part, scanner.messages(from: starts[part], to: starts[part + 1]))
        }
        return results.joined()
    }

    func parse(_ found: consuming ScannedMessages, bodies: MailBodies, file: String) throws -> Discussion {
        guard !found.isEmpty else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed("no mail message found (expected a `From ` separator line or message headers)."))
        }
        // Ids beyond the messages own are the missing ones replies name: usually few.
        var table = MessageIDTable(capacity: found.count + found.count / 4)
        let (rows, brokenCycles) = try thread(&found, table: &table, file: file)
        // A message naming several missing ids has its headers read back once: their ids
        // by bytes, and parsed only for an id the bytes did not show.
        var idsByHash: [Int: [UInt64: String]] = [:]
        var namedIDs: [Int: [String]] = [:]
        let placeholderIDs = rows.compactMap(\.missingID).map { number in
            let (message, hash) = table.namer(ofMissing: number)
            let span = found[message].span
            let byHash = idsByHash[message] ?? bodies.messageIDsByHash(namedBy: span)
            idsByHash[message] = byHash
            if let id = byHash[hash] { return id }
            let named = namedIDs[message] ?? Self.idsNamed(by: span, bodies: bodies)
            namedIDs[message] = named
            return named.first { MessageIDHash.of($0) == hash } ?? "<\(String(hash, radix: 16))@missing>"
        }
        let (comments, fingerprints) = Self.comments(
            rows, scanned: &found, placeholderIDs: placeholderIDs, bodies: bodies, file: file)
        var notices: [String] = []
        if brokenCycles > 0 {
            notices.append(
                "\(brokenCycles) reference loop\(brokenCycles == 1 ? "" : "s") (a message naming its own reply as parent) cut; those messages start threads."
            )
        }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        var discussion = Discussion(
            title: nil, article: nil, format: .mbox, comments: comments, notices: notices, sourceName: name)
        discussion.keep(keyFingerprints: fingerprints)
        return discussion
    }

    /// The messages threaded, their Message-IDs numbered in `table`. The links live only
    /// here, so they are gone before the comments are made; each hash is replaced by its
    /// number in place (the archive is at its largest in memory while it is threaded).
    /// Threading counts in 31 bits: an archive whose messages and ids need more is refused
    /// by name (at 2 billion, far beyond any archive, and beyond memory here first).
    private func thread(_ found: inout ScannedMessages, table: inout MessageIDTable, file: String) throws -> (
        rows: [MailThreader.Row], brokenCycles: Int
    ) {
        // Checked before any number is stored in 32 bits, and again once the missing ids
        // are numbered too.
        func checkFits(ids: Int) throws {
            guard ids + found.count < Int(Int32.max) else {
                throw ImportError(
                    file: file, line: nil,
                    reason: .malformed(
                        "\(found.count) messages naming \(ids) Message-IDs: more than Spool threads at once (2,147,483,647); split the archive."
                    ))
            }
        }
        try checkFits(ids: found.count)
        // Own ids first: an id numbered later is a missing message's.
        var own = OptionalIndexColumn(repeating: nil, count: found.count)
        for index in 0..<found.count where found.hasMessageID(index) {
            own[index] = table.number(carried: found.ownHashes[index])
        }
        var (numbers, ends) = found.takeLinks()
        table.number(links: &numbers, ends: ends)
        table.dropLookup()
        try checkFits(ids: table.count)
        // Handed over, not copied: threading lets go of the links before its largest step.
        let links = MailLinks(
            messageIDs: consume own, numbers: consume numbers, ends: consume ends,
            dates: found.dates)
        return MailThreader.thread(consume links, idCount: table.count, options: options) { found.subject(of: $0) }
    }

    /// The comments in reading order. A Message-ID seen twice keeps its id on both copies;
    /// the copies' keys get `#2`, `#3`. A message without one gets a made-up id and a key
    /// from its content. `placeholderIDs` are the placeholders' ids in row order.
    ///
    /// The comments are made in file order from the scan's runs, each let go once made, each
    /// comment made at its row (`ReadingOrder`): the scan and the comments are never held
    /// whole together (at a million messages: 64 and 136 MB), and no comment is moved.
    private static func comments(
        _ rows: [MailThreader.Row], scanned: inout ScannedMessages, placeholderIDs: [String], bodies: MailBodies,
        file: String
    ) -> (comments: [Comment], keyFingerprints: [UInt64]) {
        let fileName = file.split(separator: "/").last ?? ""
        let messageCount = scanned.count
        // Key fingerprints as the scan made them; the pass below makes those of the keys it
        // sets.
        var fingerprints = rows.map { row in row.message.map { scanned.keyFingerprints[$0] } ?? 0 }
        let ids = scanned.takeIDs()
        var comments = [Comment](unsafeUninitializedCapacity: rows.count) { buffer, initialized in
            let destinations = ReadingOrder.destinations(of: rows, messageCount: messageCount)
            let slots = ParallelSlots(base: buffer.baseAddress!)
            let cores = ProcessInfo.processInfo.activeProcessorCount
            scanned.consumeRuns(width: cores) { runs in
                DispatchQueue.concurrentPerform(iterations: runs.count) { run in
                    runs[run].takeEach { index, message in
                        (slots.base + destinations[index]).initialize(
                            to: message.comment(index: index, ids: ids, bodies: bodies))
                    }
                }
            }
            for (number, id) in placeholderIDs.enumerated() {
                (slots.base + destinations[messageCount + number]).initialize(
                    to: Comment(id: id, author: "", date: nil, body: "", isPlaceholder: true))
            }
            initialized = rows.count
        }
        for (position, row) in rows.enumerated() { comments[position].parent = row.parent }
        for (position, row) in rows.enumerated() where row.message == nil {
            fingerprints[position] = comments[position].key.fingerprint
        }
        // In reading order, where each comment's parent is final before it: keys apart for
        // copies and id-less messages.
        var copies: [String: Int] = [:]
        // The keys' fingerprints as the ids gave them (the pass changes a copy's), which
        // tell most parents from copies without reading the parent's id.
        let idFingerprints = fingerprints
        for (position, row) in rows.enumerated() {
            guard let index = row.message else { continue }
            let hasID = !ids.isEmpty(at: index)
            // A second copy of a Message-ID hangs under the first (which counts as 1).
            let isCopy =
                hasID
                && row.parent.map {
                    idFingerprints[$0] == idFingerprints[position] && comments[$0].id == comments[position].id
                } == true
            guard isCopy || !hasID else { continue }
            var comment = comments[position]
            if !hasID {
                comment.id = "<message-\(index + 1)@\(fileName)>"
                comment.key = .content(
                    title: comment.subject, author: comment.author, date: comment.date, body: comment.body.text)
            }
            // Copies of a Message-ID, and identical id-less messages, are numbered apart.
            let count = (copies[comment.key.rawValue] ?? (isCopy ? 1 : 0)) + 1
            copies[comment.key.rawValue] = count
            if count > 1 { comment.key = StableKey(rawValue: comment.key.rawValue + "#\(count)") }
            comments[position] = comment
            fingerprints[position] = comment.key.fingerprint
        }
        return (comments, fingerprints)
    }
}

extension MboxImporter {
    /// The ids a message names in References and In-Reply-To, read again from its headers
    /// (for the text of a missing message's placeholder).
    fileprivate static func idsNamed(by span: Range<Int>, bodies: MailBodies) -> [String] {
        let headers = bodies.headers(of: span)
        return MessageIDs.all(in: headers?["references"]) + MessageIDs.all(in: headers?["in-reply-to"])
    }
}

/// The messages each scanning thread found, joined in file order.
private final class ScanResults: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [ScannedMessages]

    init(count: Int) { parts = Array(repeating: ScannedMessages(), count: count) }

    func set(_ part: Int, _ messages: consuming ScannedMessages) {
        lock.lock()
        parts[part] = messages
        lock.unlock()
    }

    /// All parts in order; the first part's columns are reused, not copied.
    func joined() -> ScannedMessages {
        lock.lock()
        defer { lock.unlock() }
        var all = ScannedMessages()
        swap(&all, &parts[0])
        all.reserveCapacity(toAppend: Array(parts.dropFirst()))
        for index in parts.indices.dropFirst() {
            var part = ScannedMessages()
            swap(&part, &parts[index])
            all.append(contentsOf: part)
        }
        return all
    }
}
