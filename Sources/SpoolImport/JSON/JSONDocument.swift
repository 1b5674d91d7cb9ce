import Foundation
import SpoolCore

/// A JSON text parsed once into a flat list of values over its bytes (a tape).
///
/// Each value is a ``Node`` of 16 bytes: its kind, where its text is, and where the value
/// after it starts, so a container is skipped in one step. Strings and numbers stay byte
/// spans until an importer asks for them; keys are compared as bytes. A 60 MB Hacker News
/// export is about 1.6 million nodes (26 MB) instead of a Foundation object per value.
/// The parser is strict RFC 8259 (any value at the top, as `JSONSerialization` with
/// `.fragmentsAllowed`), iterative, and names the line and column of the first error.
struct JSONDocument: Sendable {
    /// What a node holds.
    enum Kind: UInt8, Sendable { case object, array, string, number, `true`, `false`, null }

    /// One value: for a string the bytes between its quotes, for a number its digits, for a
    /// container its opening bracket. An object's children alternate key and value.
    struct Node: Sendable {
        var kind: Kind
        /// A string with a backslash escape (decoded by ``string(_:)``).
        var escaped: Bool
        var start: UInt32
        var length: UInt32
        /// The index of the value after this one and everything it contains.
        var next: UInt32
    }

    let bytes: [UInt8]
    private(set) var nodes: [Node]

    /// The deepest nesting accepted; real threads nest a few dozen deep, and Foundation values
    /// made from a document (``foundationValue(_:)``) are built recursively.
    static let maximumNesting = 512

    /// The largest text accepted: node offsets are 32-bit.
    static let maximumSize = Int(UInt32.max)

    init(_ bytes: [UInt8], file: String) throws {
        let bytes = JSONDocument.utf8(bytes)
        self.bytes = bytes
        nodes = []
        guard bytes.count < JSONDocument.maximumSize else {
            throw ImportError(
                file: file, line: nil,
                reason: .malformed("is JSON over 4 GiB; no discussion export is that large, so the file is refused."))
        }
        nodes.reserveCapacity(bytes.count / 24)
        var parser = Parser(bytes: bytes)
        do {
            try parser.parse(into: &nodes)
        } catch let failure as Parser.Failure {
            throw failure.importError(bytes: bytes, file: file)
        }
    }

    /// The text as UTF-8 without a byte order mark: JSON in UTF-16 or UTF-32 (told by its
    /// mark, or by the zero bytes around its first ASCII character, as RFC 4627 describes) is
    /// converted, as `JSONSerialization` reads it.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        guard bytes.count >= 2 else { return bytes }
        let encoding: String.Encoding?
        switch (bytes[0], bytes[1], bytes.count >= 4 ? bytes[2] : 1, bytes.count >= 4 ? bytes[3] : 1) {
        case (0x00, 0x00, 0xFE, 0xFF), (0xFF, 0xFE, 0x00, 0x00): encoding = .utf32
        case (0xFE, 0xFF, _, _), (0xFF, 0xFE, _, _): encoding = .utf16
        case (0x00, 0x00, 0x00, _): encoding = .utf32BigEndian
        case (_, 0x00, 0x00, 0x00): encoding = .utf32LittleEndian
        case (0x00, _, _, _): encoding = .utf16BigEndian
        case (_, 0x00, _, _): encoding = .utf16LittleEndian
        default: encoding = nil
        }
        guard let encoding, let text = String(data: Data(bytes), encoding: encoding) else { return bytes }
        var utf8 = Array(text.utf8)
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8.removeFirst(3) }
        return utf8
    }

    /// The top value.
    var root: Int { 0 }

    func kind(_ index: Int) -> Kind { nodes[index].kind }

    /// The values of an array, or the keys and values of an object alternately.
    func children(_ index: Int) -> JSONChildren {
        JSONChildren(nodes: nodes, first: index + 1, end: Int(nodes[index].next))
    }

    /// The value of `key` in an object (the last one when a key repeats, as Foundation does).
    func member(_ object: Int, _ key: String) -> Int? {
        guard nodes[object].kind == .object else { return nil }
        var found: Int?
        var index = object + 1
        let end = Int(nodes[object].next)
        while index < end {
            let value = index + 1
            if keyEquals(index, key) { found = value }
            index = Int(nodes[value].next)
        }
        return found
    }

    /// Whether an object has `key`.
    func has(_ object: Int, _ key: String) -> Bool { member(object, key) != nil }

    /// The text of a string node, escapes decoded; malformed UTF-8 is repaired.
    func string(_ index: Int) -> String? {
        let node = nodes[index]
        guard node.kind == .string else { return nil }
        let start = Int(node.start)
        let end = start + Int(node.length)
        if !node.escaped { return bytes.withUnsafeBufferPointer { String(decoding: $0[start..<end], as: UTF8.self) } }
        return JSONDocument.unescaped(bytes[start..<end])
    }

    /// A number as Foundation makes it from JSON: a 64-bit integer when it is one, else a double.
    func number(_ index: Int) -> NSNumber? {
        let node = nodes[index]
        guard node.kind == .number else { return nil }
        let text = String(decoding: bytes[Int(node.start)..<Int(node.start + node.length)], as: UTF8.self)
        if !text.utf8.contains(where: { $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }) {
            if let value = Int64(text) { return NSNumber(value: value) }
            if let value = UInt64(text) { return NSNumber(value: value) }
        }
        return Double(text).map { NSNumber(value: $0) }
    }

    /// The value as `JSONSerialization` gives it: `[String: Any]`, `[Any]`, `String`,
    /// `NSNumber` (also for `true` and `false`), `NSNull`. An object's member named `emptied`
    /// is given as an empty list: enough to tell a format by its shape without building the
    /// replies it holds.
    func foundationValue(_ index: Int, emptying emptied: String? = nil) -> Any {
        switch nodes[index].kind {
        case .object:
            var object: [String: Any] = [:]
            var child = index + 1
            let end = Int(nodes[index].next)
            while child < end {
                let value = child + 1
                let key = string(child) ?? ""
                object[key] = key == emptied ? [Any]() : foundationValue(value)
                child = Int(nodes[value].next)
            }
            return object
        case .array:
            return children(index).map { foundationValue($0) }
        case .string: return string(index) ?? ""
        case .number: return number(index) ?? NSNumber(value: 0)
        case .true: return NSNumber(value: true)
        case .false: return NSNumber(value: false)
        case .null: return NSNull()
        }
    }

    private func keyEquals(_ index: Int, _ key: String) -> Bool {
        let node = nodes[index]
        if node.escaped { return string(index) == key }
        let start = Int(node.start)
        let count = Int(node.length)
        var key = key
        return key.withUTF8 { wanted in
            wanted.count == count
                && bytes.withUnsafeBufferPointer { all in
                    memcmp(all.baseAddress! + start, wanted.baseAddress!, count) == 0
                }
        }
    }

    /// Decodes backslash escapes (the parser has checked them); a lone surrogate becomes U+FFFD.
    private static func unescaped(_ text: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = text.startIndex
        var pendingHigh: UInt32?
        func flushHigh() {
            if pendingHigh != nil { out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
            pendingHigh = nil
        }
        while index < text.endIndex {
            let byte = text[index]
            guard byte == 0x5C else {
                flushHigh()
                out.append(byte)
                index += 1
                continue
            }
            let escape = text[index + 1]
            index += 2
            guard escape == 0x75 else {
                flushHigh()
                switch escape {
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                default: out.append(escape)  // " \ /
                }
                continue
            }
            var unit: UInt32 = 0
            for digit in text[index..<index + 4] { unit = unit << 4 | UInt32(hexValue(digit)) }
            index += 4
            if (0xD800...0xDBFF).contains(unit) {
                flushHigh()
                pendingHigh = unit
            } else if (0xDC00...0xDFFF).contains(unit) {
                if let high = pendingHigh {
                    pendingHigh = nil
                    appendUTF8(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &out)
                } else {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                }
            } else {
                flushHigh()
                appendUTF8(unit, to: &out)
            }
        }
        flushHigh()
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(scalar) else {
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            return
        }
        out.append(contentsOf: UTF8.encode(scalar)!)
    }

    fileprivate static func hexValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: 0xFF
        }
    }
}

/// The child indices of a container, in order (for an object: key, value, key, value…).
struct JSONChildren: Sequence {
    let nodes: [JSONDocument.Node]
    let first: Int
    let end: Int

    func makeIterator() -> AnyIterator<Int> {
        var index = first
        return AnyIterator {
            guard index < end else { return nil }
            defer { index = Int(nodes[index].next) }
            return index
        }
    }
}

/// The strict single-pass parser behind ``JSONDocument``.
private struct Parser {
    let bytes: [UInt8]
    var offset = 0

    /// Where parsing stopped and why.
    struct Failure: Error {
        var offset: Int
        var problem: String
        /// Nesting too deep, reported in its own words.
        var depth: Int?

        func importError(bytes: [UInt8], file: String) -> ImportError {
            let clamped = min(offset, bytes.count)
            let before = bytes[..<clamped]
            let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            if let depth {
                return ImportError(
                    file: file, line: line,
                    reason: .malformed(
                        "nests JSON deeper than \(JSONDocument.maximumNesting) levels (\(depth) here); no discussion export does, so the file is refused."
                    ))
            }
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<clamped], as: UTF8.self).count + 1
            return ImportError(
                file: file, line: line,
                reason: .malformed(
                    "is not valid JSON (\(problem) at line \(line), column \(column)). Check that the export is complete."
                ))
        }
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parse(into nodes: inout [JSONDocument.Node]) throws {
        try bytes.withUnsafeBufferPointer { text in
            // Open containers, innermost last: the node index and whether it is an object.
            var open: [(node: Int, isObject: Bool)] = []
            skipSpace(text)
            try value(text, &nodes, &open)
            while let (container, isObject) = open.last {
                skipSpace(text)
                guard offset < text.count else {
                    throw Failure(
                        offset: offset,
                        problem: isObject ? "the text ends inside an object" : "the text ends inside an array")
                }
                let byte = text[offset]
                let close: UInt8 = isObject ? 0x7D : 0x5D
                let justOpened = nodes.count == container + 1
                if byte == close {
                    offset += 1
                    nodes[container].next = UInt32(nodes.count)
                    open.removeLast()
                    continue
                }
                if !justOpened {
                    guard byte == 0x2C else {
                        throw Failure(
                            offset: offset,
                            problem: isObject ? "expected , or } after a member" : "expected , or ] after a value")
                    }
                    offset += 1
                    skipSpace(text)
                }
                if isObject {
                    guard offset < text.count, text[offset] == 0x22 else {
                        throw Failure(offset: offset, problem: "expected a member name in double quotes")
                    }
                    try string(text, &nodes)
                    skipSpace(text)
                    guard offset < text.count, text[offset] == 0x3A else {
                        throw Failure(offset: offset, problem: "expected : after a member name")
                    }
                    offset += 1
                    skipSpace(text)
                }
                try value(text, &nodes, &open)
            }
            skipSpace(text)
            if offset < text.count {
                throw Failure(offset: offset, problem: "unexpected text after the JSON value")
            }
        }
    }

    /// Parses one value at `offset`; a container is opened and left for the loop to fill.
    private mutating func value(
        _ text: UnsafeBufferPointer<UInt8>, _ nodes: inout [JSONDocument.Node],
        _ open: inout [(node: Int, isObject: Bool)]
    ) throws {
        guard offset < text.count else {
            throw Failure(offset: offset, problem: "the text ends where a value was expected")
        }
        let start = offset
        switch text[offset] {
        case 0x7B, 0x5B:
            let isObject = text[offset] == 0x7B
            guard open.count < JSONDocument.maximumNesting else {
                throw Failure(offset: offset, problem: "", depth: open.count + 1)
            }
            open.append((nodes.count, isObject))
            append(isObject ? .object : .array, start, 1, to: &nodes)
            offset += 1
        case 0x22: try string(text, &nodes)
        case 0x2D, 0x30...0x39:
            try number(text)
            append(.number, start, offset - start, to: &nodes)
        case 0x74: try literal(text, "true", .true, &nodes)
        case 0x66: try literal(text, "false", .false, &nodes)
        case 0x6E: try literal(text, "null", .null, &nodes)
        default:
            throw Failure(offset: offset, problem: "expected a value")
        }
    }

    /// Adds a node; `next` of a scalar is the node after it, a container's is set when it closes.
    private func append(
        _ kind: JSONDocument.Kind, _ start: Int, _ length: Int, escaped: Bool = false,
        to nodes: inout [JSONDocument.Node]
    ) {
        nodes.append(
            JSONDocument.Node(
                kind: kind, escaped: escaped, start: UInt32(start), length: UInt32(length),
                next: UInt32(nodes.count + 1)))
    }

    private mutating func string(_ text: UnsafeBufferPointer<UInt8>, _ nodes: inout [JSONDocument.Node]) throws {
        let quote = offset
        offset += 1
        let start = offset
        var escaped = false
        while offset < text.count {
            let byte = text[offset]
            if byte == 0x22 {
                append(.string, start, offset - start, escaped: escaped, to: &nodes)
                offset += 1
                return
            }
            if byte == 0x5C {
                escaped = true
                try escape(text)
                continue
            }
            if byte < 0x20 {
                throw Failure(offset: offset, problem: "a control character inside a string (escape it as \\u00XX)")
            }
            offset += 1
        }
        throw Failure(offset: quote, problem: "a string that is never closed")
    }

    private mutating func escape(_ text: UnsafeBufferPointer<UInt8>) throws {
        guard offset + 1 < text.count else { throw Failure(offset: offset, problem: "the text ends inside an escape") }
        switch text[offset + 1] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
            offset += 2
        case 0x75:
            guard offset + 6 <= text.count,
                text[(offset + 2)..<(offset + 6)].allSatisfy({ JSONDocument.hexValue($0) != 0xFF })
            else {
                throw Failure(offset: offset, problem: "\\u without four hexadecimal digits")
            }
            offset += 6
        default:
            throw Failure(offset: offset, problem: "an unknown escape")
        }
    }

    private mutating func number(_ text: UnsafeBufferPointer<UInt8>) throws {
        let start = offset
        func digits() -> Int {
            let first = offset
            while offset < text.count, (0x30...0x39).contains(text[offset]) { offset += 1 }
            return offset - first
        }
        if text[offset] == 0x2D { offset += 1 }
        let integerStart = offset
        let integerDigits = digits()
        guard integerDigits > 0 else { throw Failure(offset: start, problem: "a number without digits") }
        if integerDigits > 1 && text[integerStart] == 0x30 {
            throw Failure(offset: start, problem: "a number with a leading zero")
        }
        if offset < text.count, text[offset] == 0x2E {
            offset += 1
            guard digits() > 0 else { throw Failure(offset: start, problem: "a number without digits after its point") }
        }
        if offset < text.count, text[offset] == 0x65 || text[offset] == 0x45 {
            offset += 1
            if offset < text.count, text[offset] == 0x2B || text[offset] == 0x2D { offset += 1 }
            guard digits() > 0 else { throw Failure(offset: start, problem: "a number without digits in its exponent") }
        }
    }

    private mutating func literal(
        _ text: UnsafeBufferPointer<UInt8>, _ word: StaticString, _ kind: JSONDocument.Kind,
        _ nodes: inout [JSONDocument.Node]
    ) throws {
        let length = word.utf8CodeUnitCount
        guard offset + length <= text.count, memcmp(text.baseAddress! + offset, word.utf8Start, length) == 0 else {
            throw Failure(offset: offset, problem: "expected a value")
        }
        append(kind, offset, length, to: &nodes)
        offset += length
    }

    private mutating func skipSpace(_ text: UnsafeBufferPointer<UInt8>) {
        while offset < text.count {
            switch text[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }
}
