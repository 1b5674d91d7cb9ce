import Foundation
import SpoolCore

/// The bodies of an archive's messages, decoded (MIME, charset, HTML) when one is shown
/// or searched: each message's bytes are read again from the ``ByteStore`` by its range.
///
/// The last few decoded bodies are kept, so drawing the same screen again decodes
/// nothing; the rest cost no memory.
final class MailBodies: BodySource, @unchecked Sendable {
    private let store: ByteStore
    private let ranges: [Range<Int>]
    // Guarded by `lock`: a small cache of recent bodies, evicted oldest first.
    private let lock = NSLock()
    private var recent: [Int: String] = [:]
    private var order: [Int] = []
    private static let kept = 256

    init(store: ByteStore, ranges: [Range<Int>]) {
        self.store = store
        self.ranges = ranges
    }

    func text(of index: Int) -> String {
        lock.lock()
        if let text = recent[index] {
            lock.unlock()
            return text
        }
        lock.unlock()
        let text = decode(index)
        lock.lock()
        if recent.updateValue(text, forKey: index) == nil {
            order.append(index)
            if order.count > Self.kept { recent[order.removeFirst()] = nil }
        }
        lock.unlock()
        return text
    }

    /// Decodes message `index` from its bytes in the store.
    private func decode(_ index: Int) -> String {
        guard let bytes = store.bytes(ranges[index]) else {
            return "(This message can no longer be read: \(store.path) changed since it was opened. Open it again to read it.)"
        }
        return Self.bodyText(of: bytes[...])
    }

    /// The text of a whole message (headers and body).
    static func bodyText(of message: ArraySlice<UInt8>) -> String {
        let (headers, bodyStart) = MailHeaders.parse(message)
        return MIMEBody.text(headers: headers, body: MboxQuoting.unescape(message[bodyStart...]))
    }
}
