/// A set of comment keys kept as their 64-bit FNV-1a fingerprints, sorted: what a visit
/// records ("these comments were there"), 8 bytes a comment on disk and in memory instead
/// of a string each. Two keys sharing a fingerprint (about one chance in 10^9 for a
/// million comments) would only make one of them not show as new.
public struct KeyFingerprints: Equatable, Sendable, ExpressibleByArrayLiteral {
    /// Sorted, without duplicates.
    public private(set) var values: [UInt64]

    /// The fingerprints of `keys`.
    public init<Keys: Sequence>(_ keys: Keys) where Keys.Element == StableKey {
        self.init(fingerprints: keys.map(\.fingerprint))
    }

    public init(arrayLiteral keys: StableKey...) { self.init(keys) }

    /// A set of fingerprints in any order.
    public init(fingerprints: [UInt64]) {
        var values = fingerprints
        // A set read back from a store is in order already: a look instead of a sort.
        if !values.indices.dropFirst().allSatisfy({ values[$0 - 1] <= values[$0] }) { Self.sort(&values) }
        var kept = 0
        for value in values where kept == 0 || values[kept - 1] != value {
            values[kept] = value
            kept += 1
        }
        values.removeLast(values.count - kept)
        self.values = values
    }

    /// Sorts `values`: a large set by radix, 16 bits at a time (four counting passes), which
    /// takes a million fingerprints in a fraction of a comparison sort's 80 ms (the visit
    /// record is made of them, and `q` may wait for it).
    static func sort(_ values: inout [UInt64]) {
        guard values.count > 1 << 12 else { return values.sort() }
        var scratch = [UInt64](repeating: 0, count: values.count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) {
            values.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { counts in
                        counts.update(repeating: 0)
                        for value in source { counts[Int(truncatingIfNeeded: (value >> shift) & 0xFFFF)] += 1 }
                        var total = 0
                        for digit in counts.indices {
                            (counts[digit], total) = (total, total + counts[digit])
                        }
                        for value in source {
                            let digit = Int(truncatingIfNeeded: (value >> shift) & 0xFFFF)
                            target[counts[digit]] = value
                            counts[digit] += 1
                        }
                    }
                }
            }
            swap(&values, &scratch)
        }
    }

    /// The set read back from ``bytes`` (a length that is not a multiple of 8 loses its tail),
    /// read a word at a time: a million fingerprints are 8 MB.
    public init<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        self.init(
            fingerprints: StoredWords.reading(bytes) { words in
                [UInt64](unsafeUninitializedCapacity: words.count) { buffer, initialized in
                    for index in 0..<words.count { buffer[index] = words[index] }
                    initialized = words.count
                }
            })
    }

    /// Whether every fingerprint of this set is in the set stored as `bytes` (``bytes``'s
    /// form), found by one walk over both without reading the stored set into memory: a
    /// visit that brings nothing new writes nothing. Stored words out of order can only make
    /// the answer false.
    public func isSubset<Bytes: Collection>(ofStored bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        StoredWords.reading(bytes) { stored in
            var index = 0
            for value in values {
                while index < stored.count && stored[index] < value { index += 1 }
                guard index < stored.count, stored[index] == value else { return false }
            }
            return true
        }
    }

    /// Little-endian, 8 bytes a key, in order: how a store keeps the set.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: values.count * 8) { bytes, initialized in
            let raw = UnsafeMutableRawBufferPointer(bytes)
            for (index, value) in values.enumerated() {
                raw.storeBytes(of: value.littleEndian, toByteOffset: index * 8, as: UInt64.self)
            }
            initialized = values.count * 8
        }
    }

    public var count: Int { values.count }

    public func contains(_ key: StableKey) -> Bool { contains(fingerprint: key.fingerprint) }

    public func contains(fingerprint: UInt64) -> Bool {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < fingerprint { low = middle + 1 } else { high = middle }
        }
        return low < values.count && values[low] == fingerprint
    }

    /// Both sets in one (a merge of the two sorted lists).
    public func union(_ other: KeyFingerprints) -> KeyFingerprints {
        var merged: [UInt64] = []
        merged.reserveCapacity(values.count + other.values.count)
        var (a, b) = (0, 0)
        while a < values.count || b < other.values.count {
            let next: UInt64
            if b == other.values.count || (a < values.count && values[a] <= other.values[b]) {
                next = values[a]
                a += 1
            } else {
                next = other.values[b]
                b += 1
            }
            if merged.last != next { merged.append(next) }
        }
        var result = KeyFingerprints(fingerprints: [])
        result.values = merged
        return result
    }
}

/// The little-endian 64-bit words of a stored set, read in place.
private struct StoredWords {
    let raw: UnsafeRawBufferPointer

    var count: Int { raw.count / 8 }

    subscript(index: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
    }

    /// `body` over the words of `bytes` (copied first only when they are not contiguous).
    static func reading<Bytes: Collection, Result>(_ bytes: Bytes, _ body: (StoredWords) -> Result) -> Result
    where Bytes.Element == UInt8 {
        func read(_ buffer: UnsafeBufferPointer<UInt8>) -> Result {
            body(StoredWords(raw: UnsafeRawBufferPointer(buffer)))
        }
        return bytes.withContiguousStorageIfAvailable(read) ?? Array(bytes).withUnsafeBufferPointer(read)
    }
}
