import Foundation
import SpoolCore

/// The bodies of an archive's messages, decoded (MIME, charset, HTML) when one is shown
/// or searched: each message's bytes (the span its comment body names) are read again
/// from the ``ByteStore``.
///
/// The last few decoded bodies are kept, so drawing the same screen again decodes
/// nothing; the rest cost no memory.
final class MailBodies: BodySource, @unchecked Sendable {
    private let store: ByteStore
    /// Recent bodies by the offset of their message.
    private let recent = RecentTexts()

    init(store: ByteStore) { self.store = store }

    func text(of span: Range<Int>) -> String { recent.text(for: span.lowerBound) { decode(span) } }

    func textOnce(of span: Range<Int>) -> String { recent.kept(for: span.lowerBound) ?? decode(span) }

    /// The header fields of the message at `span`, read again from the store.
    func headers(of span: Range<Int>) -> MailHeaders? {
        guard let bytes = headerBytes(of: span) else { return nil }
        return MailHeaders.parse(bytes[...]).0
    }

    /// The ids the headers of the message at `span` show on lines of their own, by their
    /// ``MessageIDHash`` (``MailHeaderBytes/messageIDsByHash(inHeader:)``).
    func messageIDsByHash(namedBy span: Range<Int>) -> [UInt64: String] {
        headerBytes(of: span)?.withUnsafeBytes(MailHeaderBytes.messageIDsByHash) ?? [:]
    }

    /// The start of the message at `span` up to its blank line: the first 16 KiB when they
    /// hold it, not the whole message (a patch's body can be megabytes).
    private func headerBytes(of span: Range<Int>) -> [UInt8]? {
        let prefix = span.lowerBound..<min(span.upperBound, span.lowerBound + 16_384)
        if prefix.count < span.count, let bytes = store.bytes(prefix), Self.holdsBlankLine(bytes) { return bytes }
        return store.bytes(span)
    }

    /// Whether `bytes` hold an empty line (LF LF or LF CR LF), where headers end.
    private static func holdsBlankLine(_ bytes: [UInt8]) -> Bool {
        var (beforeLast, last): (UInt8, UInt8) = (0, 0)
        for byte in bytes {
            if byte == 0x0A && (last == 0x0A || (last == 0x0D && beforeLast == 0x0A)) { return true }
            (beforeLast, last) = (last, byte)
        }
        return false
    }

    /// The fields shown with full headers, in this order when present.
    static let shownFields = [
        "from", "reply-to", "to", "cc", "newsgroups", "followup-to", "date", "subject", "message-id", "in-reply-to",
        "list-id", "organization", "user-agent", "x-mailer",
    ]

    func headerFields(of span: Range<Int>) -> [HeaderField] {
        guard let bytes = headerBytes(of: span) else { return [] }
        let headers = MailHeaders.parse(bytes[...]).0
        return Self.shownFields.compactMap { name in
            headers[name].map { HeaderField(name: Self.displayName(of: name), value: EncodedWords.decode($0)) }
        }
    }

    func attachments(of span: Range<Int>) -> [Attachment] {
        guard let bytes = store.bytes(span) else { return [] }
        let (headers, bodyStart) = MailHeaders.parse(bytes[...], contentOnly: true)
        return MIMEBody.attachments(headers: headers, body: MboxQuoting.unescape(bytes[bodyStart...]))
    }

    func mboxEntry(of span: Range<Int>) -> [UInt8]? {
        guard let bytes = store.bytes(span) else { return nil }
        let message = MboxQuoting.unescape(bytes[...])
        let headers = MailHeaders.parse(message).0
        let sender = headers["from"].flatMap(MailAddress.address) ?? "MAILER-DAEMON"
        let date = MailDate.parse(headers["date"]).map(Self.asctime) ?? "Thu Jan  1 00:00:00 1970"
        var entry = Array("From \(sender) \(date)\n".utf8)
        // The blank line that ended it in its mailbox is the separator's, not the message's.
        var end = message.endIndex
        while end > message.startIndex && message[end - 1] == 0x0A { end -= 1 }
        entry += MboxQuoting.escape(message[..<end])
        entry += [0x0A, 0x0A]  // The line end, and the empty line that ends an mbox entry.
        return entry
    }

    /// `message-id` as `Message-ID`, `list-id` as `List-Id`.
    private static func displayName(of field: String) -> String {
        switch field {
        case "message-id": return "Message-ID"
        default:
            return field.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
        }
    }

    /// The date as a `From ` line gives it (C's `asctime`, in the message's own time).
    static func asctime(_ date: Timestamp) -> String {
        let local = date.secondsSinceEpoch + Int64(date.utcOffsetMinutes ?? 0) * 60
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
            min(max(date.month, 1), 12) - 1]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let day = date.day < 10 ? " \(date.day)" : "\(date.day)"
        return "\(weekday) \(month) \(day) \(two(date.hour)):\(two(date.minute)):\(two(date.second)) \(date.year)"
    }

    /// Decodes the message at `span` from its bytes in the store.
    private func decode(_ span: Range<Int>) -> String {
        guard let bytes = store.bytes(span) else {
            return
                "(This message can no longer be read: \(store.path) changed since it was opened. Open it again to read it.)"
        }
        return Self.bodyText(of: bytes[...])
    }

    /// The text of a whole message (headers and body).
    static func bodyText(of message: ArraySlice<UInt8>) -> String {
        let (headers, bodyStart) = MailHeaders.parse(message, contentOnly: true)
        return MIMEBody.text(headers: headers, body: MboxQuoting.unescape(message[bodyStart...]))
    }
}
