import Foundation

/// One cell of a ``Screen``: a grapheme, how many columns it takes, and its style.
///
/// A wide character takes two cells: the first holds it with `width == 2`, the second is a
/// continuation with an empty grapheme and `width == 0`.
///
/// A cell is plain data (no reference counting), so a screen of 5,000 cells is filled,
/// copied and compared as fast as memory allows: a grapheme of one Unicode scalar (nearly
/// all text) is stored as that scalar, a longer one as its number in ``GraphemeTable``.
public struct Cell: Equatable, Sendable {
    /// The scalar value; 0 for the empty grapheme; with the high bit set, a table number.
    private var code: UInt32
    public var width: UInt8
    public var style: Style

    public init(grapheme: String, width: UInt8, style: Style) {
        code = Cell.code(for: grapheme)
        self.width = width
        self.style = style
    }

    /// A cell holding one scalar (not U+0000).
    init(scalar: Unicode.Scalar, width: UInt8, style: Style) {
        code = scalar.value
        self.width = width
        self.style = style
    }

    public var grapheme: String {
        get {
            if code & 0x8000_0000 != 0 { return GraphemeTable.shared.grapheme(code & 0x7FFF_FFFF) }
            return code == 0 ? "" : Unicode.Scalar(code).map { String($0) } ?? ""
        }
        set { code = Cell.code(for: newValue) }
    }

    public static func blank(_ style: Style = .plain) -> Cell { Cell(scalar: " ", width: 1, style: style) }

    public var isContinuation: Bool { width == 0 }

    private static func code(for grapheme: String) -> UInt32 {
        var scalars = grapheme.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        if scalars.next() == nil && first.value != 0 { return first.value }
        return GraphemeTable.shared.number(of: grapheme) | 0x8000_0000
    }
}

/// Graphemes of more than one scalar (emoji sequences, letters with combining marks),
/// numbered once for the life of the process so cells can hold a number.
final class GraphemeTable: @unchecked Sendable {
    static let shared = GraphemeTable()

    private let lock = NSLock()
    private var graphemes: [String] = []
    private var numbers: [String: UInt32] = [:]

    func number(of grapheme: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[grapheme] { return known }
        let number = UInt32(graphemes.count)
        graphemes.append(grapheme)
        numbers[grapheme] = number
        return number
    }

    func grapheme(_ number: UInt32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return Int(number) < graphemes.count ? graphemes[Int(number)] : ""
    }
}
