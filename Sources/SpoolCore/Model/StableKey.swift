/// The read-state key of a comment: survives re-importing, updated copies and moved files.
///
/// It is the source's own identity where there is one (`id:<Message-ID>`), else a hash of
/// the discussion title, author, date and whitespace-normalised body (`h:` + 16 hex digits).
public struct StableKey: Hashable, Sendable, CustomStringConvertible {
    /// A source id is kept without its `id:`, so the key shares the comment id's storage
    /// instead of a string of its own (an archive of a million messages holds a million).
    /// Every key whose text starts with `id:` is stored as `.sourceID`, so equal texts are
    /// equal storages.
    private enum Storage: Hashable, Sendable {
        case sourceID(String)
        case text(String)
    }

    private let storage: Storage

    private static let sourcePrefix = "id:"

    /// The key's text, as read marks store it.
    public var rawValue: String {
        switch storage {
        case .sourceID(let id): return Self.sourcePrefix + id
        case .text(let text): return text
        }
    }

    public init(rawValue: String) {
        storage =
            rawValue.utf8.starts(with: Self.sourcePrefix.utf8)
            ? .sourceID(String(decoding: rawValue.utf8.dropFirst(Self.sourcePrefix.utf8.count), as: UTF8.self))
            : .text(rawValue)
    }

    /// The key of a comment that carries its own identity in the source.
    public static func sourceID(_ id: String) -> StableKey { StableKey(storage: .sourceID(id)) }

    private init(storage: Storage) { self.storage = storage }

    /// Whether the key's text ends with the bytes of `suffix`, found without making the text
    /// (a search for a key goes through every comment).
    public func textEnds(with suffix: String) -> Bool {
        switch storage {
        case .text(let text): return text.utf8.reversed().starts(with: suffix.utf8.reversed())
        case .sourceID(let id):
            let idCount = id.utf8.count
            guard suffix.utf8.count > idCount else { return id.utf8.reversed().starts(with: suffix.utf8.reversed()) }
            // The suffix reaches into `id:`: it is the whole id after a tail of the prefix.
            return suffix.utf8.reversed().starts(with: id.utf8.reversed())
                && Self.sourcePrefix.utf8.reversed().starts(with: suffix.utf8.dropLast(idCount).reversed())
        }
    }

    /// Calls `body` with the pieces of the key's text in order (what ``rawValue`` joins),
    /// for writing or hashing a key without making its text.
    public func forEachTextPiece(_ body: (String) -> Void) {
        switch storage {
        case .sourceID(let id):
            body(Self.sourcePrefix)
            body(id)
        case .text(let text): body(text)
        }
    }

    /// The key of a comment without a source identity, from its content.
    public static func content(title: String?, author: String, date: Timestamp?, body: String) -> StableKey {
        var hash = FNV1a64()
        hash.add(title ?? "")
        hash.add("\u{1F}")
        hash.add(author)
        hash.add("\u{1F}")
        hash.add(date?.iso8601 ?? "")
        hash.add("\u{1F}")
        // Each run of white space hashes as one space; white space at the end not at all.
        var body = body
        body.withUTF8 { bytes in
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let space = UnicodeWhiteSpace.canStart(bytes[index]) ? UnicodeWhiteSpace.length(bytes, at: index) : 0
                if space > 0 {
                    pendingSpace = true
                    index += space
                    continue
                }
                if pendingSpace { hash.add(UInt8(ascii: " ")) }
                pendingSpace = false
                hash.add(bytes[index])
                index += 1
            }
        }
        return StableKey(rawValue: "h:" + hash.hex)
    }

    public var description: String { rawValue }

    /// The key that stands for the article (the tree's root), for its fold state.
    public static let articleRoot = StableKey(rawValue: "root")
}

/// 64-bit FNV-1a over UTF-8: stable across runs and machines, unlike Swift's `Hasher`.
public struct FNV1a64: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Adds raw bytes (an importer hashing ids straight from a file).
    public mutating func add(bytes: UnsafeRawBufferPointer) {
        for byte in bytes { add(byte) }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ scalar: Unicode.Scalar) {
        guard let bytes = UTF8.encode(scalar) else { return }
        for byte in bytes { add(byte) }
    }

    public mutating func add(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
