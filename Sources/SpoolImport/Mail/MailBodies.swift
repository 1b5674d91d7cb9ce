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
    // Guarded by `lock`: a small cache of recent bodies, evicted oldest first.
    private let lock = NSLock()
    /// Recent bodies by the offset of their message.
    private var recent: [Int: String] = [:]
    private var order: [Int] = []
    private static let kept = 256

    init(store: ByteStore) { self.store = store }

    func text(of span: Range<Int>) -> String {
        let index = span.lowerBound
        lock.lock()
        if let text = recent[index] {
            lock.unlock()
            return text
        }
        lock.unlock()
        let text = decode(span)
        lock.lock()
        if recent.updateValue(text, forKey: index) == nil {
            order.append(index)
            if order.count > Self.kept { recent[order.removeFirst()] = nil }
        }
        lock.unlock()
        return text
    }

    func textOnce(of span: Range<Int>) -> String {
        lock.lock()
        let cached = recent[span.lowerBound]
        lock.unlock()
        return cached ?? decode(span)
    }

    /// The header fields of the message whose body is `body`, read again from the store.
    func headers(of body: CommentBody) -> MailHeaders? {
        guard let span = body.span, let bytes = store.bytes(span) else { return nil }
        return MailHeaders.parse(bytes[...]).0
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
