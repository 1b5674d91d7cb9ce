import Foundation
import SpoolCore

/// How an archive is threaded and ordered.
public struct ArchiveOptions: Sendable, Equatable {
    /// Threads ordered by their latest message, newest first (else oldest first).
    public var newestThreadsFirst: Bool
    /// Thread roots with the same subject grouped under the earliest (off by default).
    public var groupsBySubject: Bool

    public init(newestThreadsFirst: Bool = true, groupsBySubject: Bool = false) {
        self.newestThreadsFirst = newestThreadsFirst
        self.groupsBySubject = groupsBySubject
    }
}

/// Imports a mailbox (`--from mbox`): mboxo and mboxrd files, Mailman pipermail archives,
/// and single raw messages or news articles without a separator line.
///
/// Each message becomes a comment: author from `From:` (display name, else address), date
/// from `Date:` (else the separator line), subject, and the text MIMEBody makes of the
/// body. Messages are threaded by ``MailThreader``; the discussion has no title or article
/// and one top-level node per thread. Throws ``ImportError`` when no message is found.
public struct MboxImporter: Sendable {
    public var options: ArchiveOptions

    public init(options: ArchiveOptions = ArchiveOptions()) { self.options = options }

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        let store = ByteStore(bytes: bytes, path: file)
        return try parse(Self.scan(store), store: store, file: file)
    }

    /// Imports the mbox file held by `store`, reading it once in chunks (on several threads
    /// when it is large); message bodies stay in the file and are read again when shown.
    func parse(store: ByteStore, file: String) throws -> Discussion {
        try parse(Self.scan(store), store: store, file: file)
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
        var scanner = MboxScanner(store: store)
        return try parse(ranges.compactMap { scanner.message(in: $0) }, store: store, file: folder)
    }

    /// The messages of `store` in file order, scanned in parts on as many threads as pay.
    static func scan(_ store: ByteStore) -> [ScannedMessage] {
        let parts = store.count >= 8 << 20 ? min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) : 1
        var bounds = [0]
        var finder = MboxScanner(store: store)
        for part in 1..<max(parts, 1) {
            let next = finder.nextSeparator(atOrAfter: max(bounds.last!, store.count / parts * part)) ?? store.count
            bounds.append(max(next, bounds.last!))
        }
        bounds.append(store.count)
        let starts = bounds
        let results = ScanResults(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var scanner = MboxScanner(store: store)
            results.set(part, scanner.messages(from: starts[part], to: starts[part + 1]))
        }
        return results.joined()
    }

    func parse(_ found: [ScannedMessage], store: ByteStore, file: String) throws -> Discussion {
        guard !found.isEmpty else {
            throw ImportError(file: file, line: 1, reason: .malformed("no mail message found (expected a `From ` separator line or message headers)."))
        }
        let bodies = MailBodies(store: store, ranges: found.map(\.range))
        var table = MessageIDTable(capacity: found.count * 2)
        let links = found.map { message in
            MailLinks(
                messageID: message.messageID.map { table.number($0) }, references: message.references.map { table.number($0) },
                inReplyTo: message.inReplyTo.map { table.number($0) }, date: message.date?.secondsSinceEpoch)
        }
        let (rows, brokenCycles) = MailThreader.thread(links, idCount: table.ids.count, options: options) { found[$0].subject }
        let comments = Self.comments(rows, found: found, ids: table.ids, bodies: bodies, file: file)
        var notices: [String] = []
        if brokenCycles > 0 {
            notices.append("\(brokenCycles) reference loop\(brokenCycles == 1 ? "" : "s") (a message naming its own reply as parent) cut; those messages start threads.")
        }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return Discussion(title: nil, article: nil, format: .mbox, comments: comments, notices: notices, sourceName: name)
    }

    /// The comments in reading order. A Message-ID seen twice keeps its id on both copies;
    /// the copies' keys get `#2`, `#3`. A message without one gets a made-up id and a key
    /// from its content.
    private static func comments(_ rows: [MailThreader.Row], found: [ScannedMessage], ids: [String], bodies: MailBodies, file: String) -> [Comment] {
        let fileName = file.split(separator: "/").last ?? ""
        var copies: [String: Int] = [:]
        var comments: [Comment] = []
        comments.reserveCapacity(rows.count)
        for row in rows {
            guard let index = row.message else {
                comments.append(Comment(id: ids[row.missingID!], author: "", date: nil, body: "", parent: row.parent, isPlaceholder: true))
                continue
            }
            let message = found[index]
            let body = CommentBody(source: bodies, index: index)
            var comment = Comment(
                id: message.messageID ?? "<message-\(index + 1)@\(fileName)>", author: message.author, date: message.date,
                subject: message.subject, body: body, parent: row.parent)
            if message.messageID == nil {
                comment.key = .content(title: message.subject, author: message.author, date: message.date, body: body.text)
            }
            // A second copy of a Message-ID hangs under the first (which counts as 1);
            // identical id-less messages share a content key.
            let isCopy = message.messageID != nil && row.parent.map({ comments[$0].id == comment.id }) == true
            if isCopy || message.messageID == nil {
                let count = (copies[comment.key.rawValue] ?? (isCopy ? 1 : 0)) + 1
                copies[comment.key.rawValue] = count
                if count > 1 { comment.key = StableKey(rawValue: comment.key.rawValue + "#\(count)") }
            }
            comments.append(comment)
        }
        return comments
    }
}

/// The messages each scanning thread found, joined in file order.
private final class ScanResults: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[ScannedMessage]]

    init(count: Int) { parts = Array(repeating: [], count: count) }

    func set(_ part: Int, _ messages: [ScannedMessage]) {
        lock.lock()
        parts[part] = messages
        lock.unlock()
    }

    func joined() -> [ScannedMessage] { parts.flatMap { $0 } }
}
