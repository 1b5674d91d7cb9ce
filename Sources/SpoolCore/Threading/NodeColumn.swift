/// One number for each node of a tree (or each comment), held in 32 bits: a tree keeps ten
/// such columns, 40 MB for a million messages where `[Int]` took 80. Reads and writes are
/// `Int`; a value must fit 32 bits (node and comment numbers do, up to two billion).
public struct NodeColumn: RandomAccessCollection, MutableCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    @usableFromInline var values: [Int32]

    /// `count` copies of `value`.
    public init(repeating value: Int, count: Int) { values = Array(repeating: Int32(value), count: count) }

    /// The values of `numbers` (inlinable: made in other modules, unspecialised, it went
    /// through the sequence's witnesses for each number).
    @inlinable
    public init<Numbers: Sequence>(_ numbers: Numbers) where Numbers.Element == Int {
        values = numbers.map { Int32($0) }
    }

    public init(arrayLiteral numbers: Int...) { self.init(numbers) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }

    @inlinable public subscript(position: Int) -> Int {
        get { Int(values[position]) }
        set { values[position] = Int32(newValue) }
    }
}
