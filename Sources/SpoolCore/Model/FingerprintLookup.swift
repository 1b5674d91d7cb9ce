/// Key fingerprints for many membership checks in a row (every comment of a discussion
/// against a saved set, as it opens): open addressing at most half full, so a check is
/// about one memory read where ``KeyFingerprints/contains(fingerprint:)`` searches a sorted
/// list (17 reads for 100,000 keys).
///
/// Slots come from ``SecretSlots``: saved keys made to share their fingerprints' low bits
/// cannot make one probe chain as long as the set.
public struct FingerprintLookup: Sendable {
    /// 0 marks an empty slot; the fingerprint 0 is kept apart.
    private var slots: [UInt64]
    private var holdsZero = false
    private let starts = SecretSlots()

    /// A lookup of `fingerprints` (in any order, repeats allowed).
    public init<Fingerprints: Collection>(_ fingerprints: Fingerprints) where Fingerprints.Element == UInt64 {
        var size = 16
        while size < fingerprints.count * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        for fingerprint in fingerprints { insert(fingerprint) }
    }

    /// A lookup of the fingerprints of `keys`.
    public init<Keys: Collection>(keys: Keys) where Keys.Element == StableKey {
        self.init(keys.lazy.map(\.fingerprint))
    }

    public func contains(_ fingerprint: UInt64) -> Bool {
        guard fingerprint != 0 else { return holdsZero }
        let mask = slots.count - 1
        var slot = start(fingerprint, mask)
        while slots[slot] != 0 {
            if slots[slot] == fingerprint { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    private mutating func insert(_ fingerprint: UInt64) {
        guard fingerprint != 0 else {
            holdsZero = true
            return
        }
        let mask = slots.count - 1
        var slot = start(fingerprint, mask)
        while slots[slot] != 0 {
            if slots[slot] == fingerprint { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = fingerprint
    }

    private func start(_ fingerprint: UInt64, _ mask: Int) -> Int { starts.start(of: fingerprint, mask: mask) }
}

extension KeyFingerprints {
    /// The same set, for many membership checks in a row.
    public var lookup: FingerprintLookup { FingerprintLookup(values) }
}

/// Where a 64-bit hash starts probing in an open-addressing table: the hash xor a secret of
/// this process, through a bijective 64-bit finaliser. FNV-1a is public, so input could be
/// made of keys whose hashes share their low bits, putting every key in one probe chain and
/// making a table quadratic; without the secret no such set can be chosen.
public struct SecretSlots: Sendable {
    private let secret = UInt64.random(in: .min ... .max)

    public init() {}

    /// The first slot for `hash` in a table of `mask + 1` slots (a power of two).
    public func start(of hash: UInt64, mask: Int) -> Int {
        var mixed = hash ^ secret
        mixed = (mixed ^ (mixed >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        mixed = (mixed ^ (mixed >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 33)) & mask
    }
}
