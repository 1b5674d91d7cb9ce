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
        try parse(messages: MboxSplitter.messages(in: bytes), file: file)
    }

    /// Imports a Maildir: every file in `cur/` and `new/` is one message.
    public func parseMaildir(files: [(name: String, bytes: [UInt8])], folder: String) throws -> Discussion {
        let messages = files.map { MboxSplitter.Message(line: 1, separator: nil, bytes: $0.bytes[...]) }
        return try parse(messages: messages, file: folder)
    }

    func parse(messages found: [MboxSplitter.Message], file: String) throws -> Discussion {
        var messages: [MailMessage] = []
        messages.reserveCapacity(found.count)
        var missingIDs = 0
        for (index, raw) in found.enumerated() {
            let (headers, bodyStart) = MailHeaders.parse(raw.bytes)
            guard !headers.fields.isEmpty else { continue }
            let body = MIMEBody.text(headers: headers, body: MboxSplitter.unescape(raw.bytes[bodyStart...]))
            let messageID = MessageIDs.all(in: headers["message-id"]).first
            if messageID == nil { missingIDs += 1 }
            let references = MessageIDs.all(in: headers["references"])
            let inReplyTo = MessageIDs.all(in: headers["in-reply-to"]).filter { $0 != messageID }
            let date = MailDate.parse(headers["date"]) ?? MailDate.parse(raw.separator.map { String($0.dropFirst(5)) })
            let subject = headers["subject"].map { EncodedWords.decode($0) }
            let author = headers["from"].map(MailAddress.displayName) ?? "(no sender)"
            let id = messageID ?? "<message-\(index + 1)@\(file.split(separator: "/").last ?? "")>"
            var comment = Comment(id: id, author: author.isEmpty ? "(no sender)" : author, date: date, subject: subject, body: body)
            if messageID == nil { comment.key = .content(title: subject, author: author, date: date, body: body) }
            messages.append(
                MailMessage(
                    messageID: messageID, references: references.filter { $0 != messageID },
                    inReplyTo: inReplyTo, comment: comment))
        }
        guard !messages.isEmpty else {
            throw ImportError(file: file, line: 1, reason: .malformed("no mail message found (expected a `From ` separator line or message headers)."))
        }
        var (comments, brokenCycles) = MailThreader.thread(messages, options: options)
        disambiguateKeys(&comments)
        let name = file.split(separator: "/").last.map(String.init) ?? file
        var notices: [String] = []
        if brokenCycles > 0 {
            notices.append("\(brokenCycles) reference loop\(brokenCycles == 1 ? "" : "s") (a message naming its own reply as parent) cut; those messages start threads.")
        }
        return Discussion(title: nil, article: nil, format: .mbox, comments: comments, notices: notices, sourceName: name)
    }

    /// A Message-ID seen twice keeps its id on both copies; the copies' keys get `#2`, `#3`.
    private func disambiguateKeys(_ comments: inout [Comment]) {
        var seen: [StableKey: Int] = [:]
        for index in comments.indices where !comments[index].isPlaceholder {
            let key = comments[index].key
            let count = (seen[key] ?? 0) + 1
            seen[key] = count
            if count > 1 { comments[index].key = StableKey(rawValue: key.rawValue + "#\(count)") }
        }
    }
}
