/// The read-state key of a comment: survives re-importing, updated copies and moved files.
///
/// It is the source's own identity where there is one (`id:<Message-ID>`), else a hash of
/// the discussion title, author, date and whitespace-normalised body (`h:` + 16 hex digits).
public struct StableKey: Hashable, Sendable, CustomStringConvertible {
    /// A source id is kept without its `id:`, so the key shares the comment id's storage
    /// instead of a string of its own (an archive of a million messages holds a million),
    /// or is an index into a ``SourceIDList`` that holds the archive's ids together.
    /// Every key whose text starts with `id:` is stored as `.sourceID` or `.listed`; keys
    /// are equal when their texts' bytes are.
    private enum Storage: Sendable {
        case sourceID(String)
        case text(String)
        case listed(SourceIDList, Int)
    }

    private let storage: Storage

    private static let sourcePrefix = "id:"

    /// The key's text, as read marks store it.
    public var rawValue: String {
        switch storage {
        case .sourceID(let id): return Self.sourcePrefix + id
        case .text(let text): return text
        case .listed(let list, let index): return Self.sourcePrefix + list[index]
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

    /// The key of the comment whose source id is id `index` of `list` (the same key as
    /// ``sourceID(_:)`` of that id's text).
    public static func sourceID(in list: SourceIDList, at index: Int) -> StableKey {
        StableKey(storage: .listed(list, index))
    }

    private init(storage: Storage) { self.storage = storage }

    /// The source id the key is made of; nil for a key from content.
    public var sourceID: String? {
        switch storage {
        case .sourceID(let id): return id
        case .text: return nil
        case .listed(let list, let index): return list[index]
        }
    }

    /// Calls `body` with whether the key is a source id's, and the UTF-8 bytes of the id
    /// (without `id:`) or of the whole text, in place.
    private func withBytes<Result>(_ body: (_ isSourceID: Bool, UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        func bytes(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
        }
        switch storage {
        case .sourceID(let id): return bytes(of: id) { body(true, $0) }
        case .text(let text): return bytes(of: text) { body(false, $0) }
        case .listed(let list, let index): return list.withBytes(of: index) { body(true, $0) }
        }
    }

    public static func == (a: StableKey, b: StableKey) -> Bool {
        if case .listed(let first, let x) = a.storage, case .listed(let second, let y) = b.storage, first === second,
            x == y
        {
            return true
        }
        return a.withBytes { aIsSourceID, aBytes in
            b.withBytes { bIsSourceID, bBytes in aIsSourceID == bIsSourceID && aBytes.elementsEqual(bBytes) }
        }
    }

    public func hash(into hasher: inout Hasher) {
        withBytes { isSourceID, bytes in
            hasher.combine(isSourceID)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }

    /// Whether the key's text ends with the bytes of `suffix`, found without making the text
    /// (a search for a key goes through every comment).
    public func textEnds(with suffix: String) -> Bool {
        withBytes { isSourceID, bytes in
            let tail = suffix.utf8
            guard isSourceID, tail.count > bytes.count else { return bytes.reversed().starts(with: tail.reversed()) }
            // The suffix reaches into `id:`: it is the whole id after a tail of the prefix.
            return tail.reversed().starts(with: bytes.reversed())
                && Self.sourcePrefix.utf8.reversed().starts(with: tail.dropLast(bytes.count).reversed())
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
        case .listed(let list, let index):
            body(Self.sourcePrefix)
            body(list[index])
        }
    }

    /// 64-bit FNV-1a of the key's text: the same on every run and machine.
    public var fingerprint: UInt64 {
        withBytes { isSourceID, bytes in
            var hash = FNV1a64()
            if isSourceID { hash.add(Self.sourcePrefix) }
            hash.add(bytes: UnsafeRawBufferPointer(bytes))
            return hash.value
        }
    }

    /// The fingerprint of the key of source id `bytes` (``sourceID(_:)``), from its bytes.
    public static func sourceIDFingerprint(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = FNV1a64()
        hash.add(sourcePrefix)
        hash.add(bytes: bytes)
        return hash.value
    }

    /// The key of a comment without a source identity, from its content.
    public static func content(title: String?, author: String, date: Timestamp?, body: String) -> StableKey {
        StableKey(contentHash: contentHash(title: title, author: author, date: date, body: body))
    }

    /// The key of the `occurrence`th comment (from 1) whose content hashes to `contentHash`:
    /// `h:` and the hash's 16 hex digits, then `#` and the occurrence from the second on, so
    /// that two comments with the same author, date and body keep keys of their own.
    public init(contentHash: UInt64, occurrence: Int = 1) {
        let hex = FNV1a64.hexDigits(contentHash, after: "h:")
        self.init(rawValue: occurrence > 1 ? hex + "#" + String(occurrence) : hex)
    }

    /// The hash a content key is made of (see ``ContentHasher``), for a body held as one string.
    public static func contentHash(title: String?, author: String, date: Timestamp?, body: String) -> UInt64 {
        var hasher = ContentHasher(title: title, author: author, date: date)
        var body = body
        body.withUTF8 { hasher.addBody($0) }
        return hasher.value
    }

    public var description: String { rawValue }

    /// The key that stands for the article (the tree's root), for its fold state.
    public static let articleRoot = StableKey(rawValue: "root")
}

/// Hashes a comment's content into the hash its ``StableKey`` is made of: the discussion
/// title, author and date, then the body with each run of white space as one space and
/// white space at its end not at all.
///
/// The body may come in pieces (an importer hashing a body's source lines without making
/// its text): white space between pieces is added with ``addBodySpace()``, and the hash is
/// the one of the pieces joined.
public struct ContentHasher {
    private var hash: FNV1a64
    private var pendingSpace = false

    public init(title: String?, author: String, date: Timestamp?) {
        var hash = FNV1a64()
        hash.add(title ?? "")
        hash.add("\u{1F}")
        hash.add(author)
        hash.add("\u{1F}")
        hash.add(date?.iso8601 ?? "")
        hash.add("\u{1F}")
        self.hash = hash
    }

    /// The hash of everything added so far.
    public var value: UInt64 { hash.value }

    /// Adds white space to the body (counted as one space with any next to it).
    public mutating func addBodySpace() { pendingSpace = true }

    /// Adds a piece of the body. Printable ASCII, most of any text, takes the first test alone.
    public mutating func addBody(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Both kept in registers through the loop, stored once at its end.
        var running = hash
        var spaceBefore = pendingSpace
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte > 0x20 && byte < 0x80 {
                if spaceBefore {
                    running.add(0x20)
                    spaceBefore = false
                }
                running.add(byte)
                index += 1
                continue
            }
            let space = UnicodeWhiteSpace.canStart(byte) ? UnicodeWhiteSpace.length(bytes, at: index) : 0
            if space > 0 {
                spaceBefore = true
                index += space
                continue
            }
            if spaceBefore { running.add(0x20) }
            spaceBefore = false
            running.add(byte)
            index += 1
        }
        hash = running
        pendingSpace = spaceBefore
    }
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

    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    @inline(__always)
    public mutating func add(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* Self.prime
    }

    /// The hash as 16 lowercase hex digits.
    var hex: String { Self.hexDigits(value, after: "") }

    /// `prefix` and then `value` as 16 lowercase hex digits, made in one string.
    static func hexDigits(_ value: UInt64, after prefix: StaticString) -> String {
        let count = prefix.utf8CodeUnitCount + 16
        return String(unsafeUninitializedCapacity: count) { buffer in
            let prefixBytes = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
            _ = buffer.initialize(from: prefixBytes)
            for digit in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * digit)) & 0x0F
                buffer[prefixBytes.count + digit] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return count
        }
    }
}
