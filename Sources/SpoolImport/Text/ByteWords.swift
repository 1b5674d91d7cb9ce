/// Bytes looked at eight at a time: a word's bytes that are past ASCII or equal to a byte,
/// each marked by its high bit (the lowest mark is exact; marks above a match may be false,
/// which is all a search for the first match needs).
enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The bytes of `word` past ASCII.
    @inline(__always) static func high(_ word: UInt64) -> UInt64 { word & highs }

    /// The bytes of `word` equal to `byte`.
    @inline(__always) static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs
    }

    /// The index of the first byte at or after `start` that `marks` marks in its word (a
    /// byte past the last whole word is tested alone, as the low byte of a word of its
    /// own), or the end of `value`.
    @inline(__always) static func next(
        in value: UnsafeRawBufferPointer, from start: Int, _ marks: (UInt64) -> UInt64
    ) -> Int {
        var index = start
        while index + 8 <= value.count {
            let hits = marks(UInt64(littleEndian: value.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            if hits != 0 { return index + hits.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < value.count && marks(UInt64(value[index])) & 0x80 == 0 { index += 1 }
        return index
    }
}
