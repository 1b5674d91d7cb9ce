import Foundation

/// A discussion given by its address, ready to be read as a file: fetched and cached, or
/// the cached copy when offline or when the fetch failed (with a note of its age).
public struct RemoteOpening: Sendable {
    public let file: URL
    /// What the address was (shown as the discussion's name).
    public let address: String
    /// Set when the copy is not fresh: why, and how old it is.
    public let notice: String?
}

/// Opens addresses through the fetcher and the cache.
public struct RemoteOpener: Sendable {
    public let fetcher: RemoteFetcher
    public let cache: DiscussionCache

    public init(fetcher: RemoteFetcher, cache: DiscussionCache) {
        self.fetcher = fetcher
        self.cache = cache
    }

    /// Fetches `text` (an address) and caches it; `offline` opens the cached copy only.
    /// A failed fetch falls back to the cached copy; with none, the fetch's error is thrown.
    public func open(_ text: String, source: RemoteSource? = nil, offline: Bool, now: Date = Date())
        throws -> RemoteOpening
    {
        let address = try RemoteAddress(text, source: source)
        // A login in the address (news://USER:PASSWORD@HOST/GROUP) is never shown or kept.
        let text = RemoteAddress.withoutLogin(text)
        let cached = cache.entry(for: address)
        if offline {
            guard let cached else { throw RemoteError.notCached(text) }
            return RemoteOpening(
                file: cached.file, address: text,
                notice: "Offline: the copy fetched \(Self.age(of: cached.fetched, now: now)).")
        }
        do {
            let fetched = try fetcher.fetch(address)
            let entry = try cache.store(fetched, for: address, as: text)
            return RemoteOpening(file: entry.file, address: text, notice: nil)
        } catch let error as RemoteError {
            guard let cached, Self.fallsBack(error) else { throw error }
            return RemoteOpening(
                file: cached.file, address: text,
                notice: "\(error.description) Showing the copy fetched \(Self.age(of: cached.fetched, now: now)).")
        }
    }

    /// Failures after which the cached copy is still the discussion (not a bad address).
    private static func fallsBack(_ error: RemoteError) -> Bool {
        switch error {
        case .badAddress, .unsupported: false
        default: true
        }
    }

    /// `3 hours ago (2026-12-02 03:10 UTC)`.
    static func age(of date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        let ago: String
        switch seconds {
        case ..<60: ago = "just now"
        case ..<3600: ago = plural(seconds / 60, "minute") + " ago"
        case ..<86400: ago = plural(seconds / 3600, "hour") + " ago"
        default: ago = plural(seconds / 86400, "day") + " ago"
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return "\(ago) (\(formatter.string(from: date)) UTC)"
    }

    private static func plural(_ count: Int, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
}
