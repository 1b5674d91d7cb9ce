import SpoolCore

/// Where read marks are kept between the reader's key presses and its runs.
public protocol ReadMarkStore: AnyObject {
    /// The keys marked read in the discussion identified by `discussion`.
    func readKeys(in discussion: String) -> Set<StableKey>
    /// Replaces the read keys of `discussion`.
    func save(_ keys: Set<StableKey>, in discussion: String)
}

/// Read marks held in memory for one run; the persistent SQLite store replaces it.
public final class InMemoryReadMarkStore: ReadMarkStore {
    private var marks: [String: Set<StableKey>] = [:]

    public init() {}

    public func readKeys(in discussion: String) -> Set<StableKey> { marks[discussion] ?? [] }

    public func save(_ keys: Set<StableKey>, in discussion: String) { marks[discussion] = keys }
}
