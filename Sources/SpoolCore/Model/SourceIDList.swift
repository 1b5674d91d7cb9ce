/// Source ids (an archive's Message-IDs) held as one run of UTF-8 bytes, each made into a
/// `String` only when it is asked for.
///
/// A million Message-IDs as a million strings take 80 MB (each id is too long to be held
/// inline, so each is an allocation of its own); here they take their bytes and an end
/// offset each, about 36 MB. Comments and keys refer to an id by its index (see
/// ``StableKey/sourceID(in:at:)``).
public final class SourceIDList: Sendable {
    private let bytes: [UInt8]
    /// Where each id ends in ``bytes``; it starts where the one before ends.
    private let ends: [Int]

    /// The ids whose UTF-8 bytes follow each other in `bytes`, each ending at its entry of
    /// `ends` (ascending, the last at most `bytes.count`).
    public init(bytes: [UInt8], ends: [Int]) {
        precondition(ends.last ?? 0 <= bytes.count, "every id within the bytes")
        self.bytes = bytes
        self.ends = ends
    }

    public var count: Int { ends.count }

    /// The bytes of id `index`.
    public func range(of index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

    /// Whether id `index` is empty (a message without a Message-ID).
    public func isEmpty(at index: Int) -> Bool { range(of: index).isEmpty }

    /// Id `index` as text.
    public subscript(index: Int) -> String { withBytes(of: index) { String(decoding: $0, as: UTF8.self) } }

    /// Calls `body` with the UTF-8 bytes of id `index`, in place.
    public func withBytes<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = range(of: index)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
