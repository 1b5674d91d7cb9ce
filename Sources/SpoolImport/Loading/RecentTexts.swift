import Foundation

/// The last few bodies a ``BodySource`` made, by where they lie in its source, evicted
/// oldest first: drawing the same screen again (a row's preview, the article, the bodies
/// the reader asks for ahead) makes nothing again, and the rest cost no memory.
final class RecentTexts: @unchecked Sendable {
    // Guarded by `lock`: sources are asked from the reader and from search alike.
    private let lock = NSLock()
    private var texts: [Int: String] = [:]
    private var order: [Int] = []
    private let capacity: Int

    init(keeping capacity: Int = 256) { self.capacity = capacity }

    /// The text kept for `key`, else the one `make` gives, kept from now on.
    func text(for key: Int, _ make: () -> String) -> String {
        if let text = kept(for: key) { return text }
        let text = make()
        lock.withLock {
            if texts.updateValue(text, forKey: key) == nil {
                order.append(key)
                if order.count > capacity { texts[order.removeFirst()] = nil }
            }
        }
        return text
    }

    /// The text kept for `key`, if any (a one-off look keeps nothing new).
    func kept(for key: Int) -> String? { lock.withLock { texts[key] } }
}
