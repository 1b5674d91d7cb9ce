/// Indices that may be absent, kept as 32-bit numbers (-1 for none): threading a million
/// messages holds several such columns at once, a quarter of the size of `[Int?]`.
struct OptionalIndexColumn: RandomAccessCollection, MutableCollection {
    private var values: [Int32]

    /// `count` copies of `value`.
    init(repeating value: Int?, count: Int) { values = Array(repeating: Self.stored(value), count: count) }

    var startIndex: Int { 0 }
    var endIndex: Int { values.count }

    subscript(position: Int) -> Int? {
        get {
            let value = values[position]
            return value < 0 ? nil : Int(value)
        }
        set { values[position] = Self.stored(newValue) }
    }

    mutating func append(_ value: Int?) { values.append(Self.stored(value)) }

    mutating func reserveCapacity(_ count: Int) { values.reserveCapacity(count) }

    private static func stored(_ value: Int?) -> Int32 {
        guard let value else { return -1 }
        precondition(value >= 0 && value <= Int32.max, "an index of 31 bits")
        return Int32(truncatingIfNeeded: value)
    }
}
