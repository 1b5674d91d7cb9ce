import SpoolCore
import Testing

@Suite struct KeyFingerprintsTests {
    @Test func aSetRoundTripsThroughItsBytes() {
        let keys = (0..<1000).map { StableKey(rawValue: "h:\($0)") }
        let set = KeyFingerprints(keys + keys.prefix(10))
        #expect(set.count == 1000, "duplicates kept once")
        #expect(set.bytes.count == 8000)
        #expect(KeyFingerprints(bytes: set.bytes) == set)
        #expect(keys.allSatisfy(set.contains))
        #expect(!set.contains(StableKey(rawValue: "h:1000")))
        #expect(KeyFingerprints(bytes: set.bytes + [1, 2, 3]) == set, "a torn tail is dropped")
    }

    @Test func theStoredFormIsLittleEndianWordsInOrder() {
        let set = KeyFingerprints(fingerprints: [0x0102_0304_0506_0708, 0xFF])
        #expect(set.bytes == [0xFF, 0, 0, 0, 0, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1])
        #expect(KeyFingerprints(bytes: set.bytes.reversed().reversed()) == set, "from bytes not stored together")
        #expect(KeyFingerprints(bytes: set.bytes[1...]).values == [0x0800_0000_0000_0000], "read from where it starts")
    }

    @Test func aSubsetIsFoundInTheStoredFormWithoutReadingIt() {
        let stored = KeyFingerprints(fingerprints: [2, 4, 6, 8]).bytes
        #expect(KeyFingerprints(fingerprints: [2, 8]).isSubset(ofStored: stored))
        #expect(KeyFingerprints(fingerprints: []).isSubset(ofStored: stored))
        #expect(KeyFingerprints(fingerprints: [2, 4, 6, 8]).isSubset(ofStored: stored))
        #expect(!KeyFingerprints(fingerprints: [1]).isSubset(ofStored: stored), "before the first")
        #expect(!KeyFingerprints(fingerprints: [4, 5]).isSubset(ofStored: stored), "between two")
        #expect(!KeyFingerprints(fingerprints: [9]).isSubset(ofStored: stored), "after the last")
        #expect(!KeyFingerprints(fingerprints: [2]).isSubset(ofStored: []), "nothing stored")
        let unordered = KeyFingerprints(fingerprints: [8]).bytes + KeyFingerprints(fingerprints: [2]).bytes
        #expect(!KeyFingerprints(fingerprints: [2, 8]).isSubset(ofStored: unordered), "out of order: not trusted")
    }

    @Test func anyOrderAndRepeatsBecomeOneSortedSet() {
        #expect(KeyFingerprints(fingerprints: [5, 1, 5, 3, 1]).values == [1, 3, 5])
        #expect(KeyFingerprints(fingerprints: [1, 1, 3, 5, 5]).values == [1, 3, 5], "in order already, repeats go")
        #expect(KeyFingerprints(fingerprints: [1, 3, 2]).values == [1, 2, 3], "out of order at the end")
        #expect(KeyFingerprints(fingerprints: []).values.isEmpty && KeyFingerprints(fingerprints: [7]).values == [7])
    }

    @Test func aLargeSetIsSortedAsAComparisonSortWould() {
        // Real fingerprints (spread over every digit), repeats, the extremes, and values
        // alike in some 16-bit digits but not others.
        var values = (0..<50_000).map { StableKey(rawValue: "h:\($0)").fingerprint }
        values += values.prefix(1000) + [0, .max, 1 << 48, 1 << 32, 1 << 16, 1, (1 << 48) + 1]
        values += (0..<2000).map { UInt64($0) << 40 | 0xABCD }
        #expect(values.count > 4096, "large enough to be sorted by radix")
        #expect(KeyFingerprints(fingerprints: values).values == Array(Set(values)).sorted())
    }

    /// The hash-table lookup answers as the sorted list does, for the fingerprint 0, the
    /// largest, repeats, values alike in their low bits, and values never put in.
    @Test func aLookupAnswersAsTheSortedSetDoes() {
        var values = (0..<20_000).map { StableKey(rawValue: "h:\($0)").fingerprint }
        values += values.prefix(500) + [0, .max, 1, 1 << 63]
        values += (1..<3000).map { UInt64($0) << 32 }
        let lookup = FingerprintLookup(values)
        let sorted = KeyFingerprints(fingerprints: values)
        #expect(values.allSatisfy(lookup.contains))
        let absent: [UInt64] =
            (20_000..<40_000).map { StableKey(rawValue: "h:\($0)").fingerprint } + [2, (1 << 63) + 1, 5 << 20]
        #expect(absent.allSatisfy { lookup.contains($0) == sorted.contains(fingerprint: $0) })
        #expect(absent.filter(lookup.contains).isEmpty)
        let empty = FingerprintLookup([UInt64]())
        #expect(!empty.contains(0) && !empty.contains(7))
        #expect(
            FingerprintLookup(keys: [StableKey(rawValue: "id:<a@b>")]).contains(
                StableKey(rawValue: "id:<a@b>").fingerprint))
        #expect(sorted.lookup.contains(0) && !KeyFingerprints(fingerprints: [1]).lookup.contains(0))
    }

    @Test func unionMergesAndKeepsOrder() {
        let a: KeyFingerprints = [StableKey(rawValue: "a"), StableKey(rawValue: "b")]
        let b: KeyFingerprints = [StableKey(rawValue: "b"), StableKey(rawValue: "c")]
        let both = a.union(b)
        #expect(both.count == 3)
        #expect(both.values == both.values.sorted())
        #expect(
            both == KeyFingerprints([StableKey(rawValue: "a"), StableKey(rawValue: "b"), StableKey(rawValue: "c")]))
        #expect(KeyFingerprints([]).union(a) == a && a.union([]) == a)
    }

    @Test func theFingerprintIsFNV1aOfTheKeyText() {
        // FNV-1a 64 of "a" (the published test vector).
        #expect(StableKey(rawValue: "a").fingerprint == 0xaf63_dc4c_8601_ec8c)
    }

    @Test(arguments: ["<a@b>", "", "id:nested", ":\u{301}combining", "\u{301}", "é@ü"])
    func aSourceIDKeyIsTheSameKeyAsItsTextReadBack(id: String) {
        let made = StableKey.sourceID(id)
        let readBack = StableKey(rawValue: "id:" + id)
        #expect(made.rawValue == "id:" + id && readBack.rawValue == "id:" + id)
        #expect(made == readBack && Set([made, readBack]).count == 1)
        var hash = FNV1a64()
        hash.add("id:" + id)
        #expect(made.fingerprint == hash.value && readBack.fingerprint == hash.value)
        #expect(made != StableKey(rawValue: id) && made != StableKey(rawValue: "id:" + id + "#2"))
        for tail in ["", "d:" + id, ":" + id, "id:" + id, String(id.utf8.suffix(1)) ?? "", "x" + id, "iid:" + id] {
            let expected = Array(("id:" + id).utf8).reversed().starts(with: Array(tail.utf8).reversed())
            #expect(made.textEnds(with: tail) == expected && readBack.textEnds(with: tail) == expected, "\(tail)")
        }
        #expect(
            StableKey(rawValue: "h:abc").textEnds(with: ":abc") && !StableKey(rawValue: "h:abc").textEnds(with: "x"))
    }
}
