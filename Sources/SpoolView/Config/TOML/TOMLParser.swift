/// A TOML 1.0 parser that returns an error for every malformed input and never traps: the
/// config file and user themes are read at every start, so no line in them may stop Spool.
///
/// It follows the structure of Python's `tomllib` (which the tests compare it with): one
/// pass over the text's scalars, a tree of tables, and flags that say which tables a header
/// or a dotted key has declared and which values (inline tables, arrays) are frozen.
/// Nesting deeper than ``maximumDepth`` is an error rather than a deep recursion.
///
/// ```swift
/// let table = try TOMLParser.parse("theme = \"nord\"\n[keys]\nquit = \"Q\"\n")
/// table["theme"]?.string  // "nord"
/// ```
public struct TOMLParser {
    /// How deeply arrays and inline tables may nest, and how many parts a key may have (so
    /// tables nest a bounded depth too, and nothing built from a file recurses without end).
    public static let maximumDepth = 100

    let text: [Unicode.Scalar]
    var position = 0
    let root = TOMLNode()
    var flags = TOMLFlags()

    /// Parses `text`; throws a ``TOMLError`` naming the line of the first problem.
    public static func parse(_ text: String) throws -> TOMLTable {
        // CRLF read as LF (the scalars filtered: `replacing` took a sixth of reading a theme).
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if previous == "\r" && scalar == "\n" { scalars[scalars.count - 1] = "\n" } else { scalars.append(scalar) }
            previous = scalar
        }
        var parser = TOMLParser(text: scalars)
        try parser.parseDocument()
        return parser.root.table
    }

    // MARK: - Statements

    private mutating func parseDocument() throws {
        var header: [String] = []
        while true {
            skip(TOMLParser.whitespace)
            guard let scalar = current else { return }
            if scalar == "\n" {
                position += 1
                continue
            }
            if TOMLParser.bareKey(scalar) || scalar == "\"" || scalar == "'" {
                try keyValue(under: header)
                skip(TOMLParser.whitespace)
            } else if scalar == "[" {
                flags.finalizePending()
                header = peek(1) == "[" ? try arrayHeader() : try tableHeader()
                skip(TOMLParser.whitespace)
            } else if scalar != "#" {
                throw error("invalid statement")
            }
            try skipComment()
            guard let end = current else { return }
            guard end == "\n" else { throw error("expected the end of the line after a statement") }
            position += 1
        }
    }

    private mutating func tableHeader() throws -> [String] {
        position += 1
        skip(TOMLParser.whitespace)
        let key = try parseKey()
        if flags.has(key, .declared) || flags.has(key, .frozen) {
            throw error("table [\(key.joined(separator: "."))] is declared twice")
        }
        flags.set(key, .declared, recursive: false)
        guard root.nest(key, intoLastOfArrays: true) != nil else {
            throw error("[\(key.joined(separator: "."))] would replace a value")
        }
        guard current == "]" else { throw error("expected ] at the end of a table header") }
        position += 1
        return key
    }

    private mutating func arrayHeader() throws -> [String] {
        position += 2
        skip(TOMLParser.whitespace)
        let key = try parseKey()
        if flags.has(key, .frozen) { throw error("[[\(key.joined(separator: "."))]] would change a fixed value") }
        flags.unsetAll(key)
        flags.set(key, .declared, recursive: false)
        guard let parent = root.nest(Array(key.dropLast()), intoLastOfArrays: true),
            parent.appendTable(to: key[key.count - 1])
        else {
            throw error("[[\(key.joined(separator: "."))]] would replace a value")
        }
        guard current == "]", peek(1) == "]" else { throw error("expected ]] at the end of an array-of-tables header") }
        position += 2
        return key
    }

    private mutating func keyValue(under header: [String]) throws {
        let (key, value) = try keyValuePair(depth: 0)
        let parentKey = header + key.dropLast()
        for length in 1..<key.count {
            let container = header + key.prefix(length)
            if flags.has(container, .declared) {
                throw error("\(container.joined(separator: ".")) is a table declared elsewhere")
            }
            flags.addPending(container, .declared)
        }
        if flags.has(parentKey, .frozen) { throw error("\(parentKey.joined(separator: ".")) cannot be changed") }
        guard let parent = root.nest(parentKey, intoLastOfArrays: true), parent.entries[key[key.count - 1]] == nil
        else {
            throw error("\(key.joined(separator: ".")) is set twice")
        }
        if case .array = value { flags.set(header + key, .frozen, recursive: true) }
        if case .table = value { flags.set(header + key, .frozen, recursive: true) }
        parent.set(key[key.count - 1], .value(value))
    }

    private mutating func keyValuePair(depth: Int) throws -> ([String], TOMLValue) {
        let key = try parseKey()
        guard current == "=" else { throw error("expected = after the key \(key.joined(separator: "."))") }
        position += 1
        skip(TOMLParser.whitespace)
        // A dotted key nests its value as deep as a table would.
        return (key, try parseValue(depth: depth + key.count - 1))
    }

    // MARK: - Keys

    private mutating func parseKey() throws -> [String] {
        var key = [try keyPart()]
        skip(TOMLParser.whitespace)
        while current == "." {
            guard key.count < TOMLParser.maximumDepth else {
                throw error("a key of more than \(TOMLParser.maximumDepth) parts")
            }
            position += 1
            skip(TOMLParser.whitespace)
            key.append(try keyPart())
            skip(TOMLParser.whitespace)
        }
        return key
    }

    private mutating func keyPart() throws -> String {
        guard let scalar = current else { throw error("expected a key") }
        if TOMLParser.bareKey(scalar) {
            let start = position
            while let next = current, TOMLParser.bareKey(next) { position += 1 }
            return String(String.UnicodeScalarView(text[start..<position]))
        }
        if scalar == "'" { return try literalString() }
        if scalar == "\"" { return try basicString(multiline: false) }
        throw error("a key starts with a letter, digit, _, - or a quote")
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws -> TOMLValue {
        guard depth < TOMLParser.maximumDepth else {
            throw error("values nest more than \(TOMLParser.maximumDepth) deep")
        }
        guard let scalar = current else { throw error("expected a value") }
        switch scalar {
        case "\"":
            if starts(with: "\"\"\"") { return .string(try multilineString(basic: true)) }
            return .string(try basicString(multiline: false))
        case "'":
            if starts(with: "'''") { return .string(try multilineString(basic: false)) }
            return .string(try literalString())
        case "t" where starts(with: "true"):
            position += 4
            return .boolean(true)
        case "f" where starts(with: "false"):
            position += 5
            return .boolean(false)
        case "[": return try parseArray(depth: depth)
        case "{": return try parseInlineTable(depth: depth)
        default: break
        }
        if let dateTime = try TOMLScalars.dateTime(in: text, at: &position) { return .dateTime(dateTime) }
        if let number = try TOMLScalars.number(in: text, at: &position) { return number }
        for special in ["inf", "nan", "+inf", "-inf", "+nan", "-nan"] where starts(with: special) {
            position += special.unicodeScalars.count
            let value: Double = special.hasSuffix("inf") ? .infinity : .nan
            return .float(special.hasPrefix("-") ? -value : value)
        }
        throw error("invalid value")
    }

    private mutating func parseArray(depth: Int) throws -> TOMLValue {
        position += 1
        var values: [TOMLValue] = []
        try skipArraySpace()
        if current == "]" {
            position += 1
            return .array(values)
        }
        while true {
            values.append(try parseValue(depth: depth + 1))
            try skipArraySpace()
            if current == "]" {
                position += 1
                return .array(values)
            }
            guard current == "," else { throw error("expected , or ] in an array") }
            position += 1
            try skipArraySpace()
            if current == "]" {
                position += 1
                return .array(values)
            }
        }
    }

    private mutating func parseInlineTable(depth: Int) throws -> TOMLValue {
        position += 1
        let table = TOMLNode()
        var frozen = TOMLFlags()
        skip(TOMLParser.whitespace)
        if current == "}" {
            position += 1
            return .table(table.table)
        }
        while true {
            let (key, value) = try keyValuePair(depth: depth + 1)
            if frozen.has(key, .frozen) { throw error("\(key.joined(separator: ".")) cannot be changed") }
            guard let parent = table.nest(Array(key.dropLast()), intoLastOfArrays: false),
                parent.entries[key[key.count - 1]] == nil
            else {
                throw error("\(key.joined(separator: ".")) is set twice in an inline table")
            }
            parent.set(key[key.count - 1], .value(value))
            skip(TOMLParser.whitespace)
            if current == "}" {
                position += 1
                return .table(table.table)
            }
            guard current == "," else { throw error("expected , or } in an inline table") }
            switch value {
            case .array, .table: frozen.set(key, .frozen, recursive: true)
            default: break
            }
            position += 1
            skip(TOMLParser.whitespace)
        }
    }

    // MARK: - Strings

    private mutating func basicString(multiline: Bool) throws -> String {
        if !multiline { position += 1 }
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw error("a string is not closed") }
            if scalar == "\"" {
                if !multiline {
                    position += 1
                    return String(result)
                }
                if starts(with: "\"\"\"") {
                    position += 3
                    return String(result)
                }
            } else if scalar == "\\" {
                result.append(contentsOf: try escape(multiline: multiline))
                continue
            } else if TOMLParser.isControl(scalar, allowingNewline: multiline) {
                throw error("a control character in a string (escape it)")
            }
            result.append(scalar)
            position += 1
        }
    }

    private mutating func escape(multiline: Bool) throws -> String.UnicodeScalarView {
        let code = peek(1)
        position += 2
        if multiline, let code, code == " " || code == "\t" || code == "\n" {
            if code != "\n" {
                skip(TOMLParser.whitespace)
                guard let next = current else { return String.UnicodeScalarView() }
                guard next == "\n" else { throw error("a \\ in a string escapes nothing") }
                position += 1
            }
            skip { TOMLParser.whitespace($0) || $0 == "\n" }
            return String.UnicodeScalarView()
        }
        switch code {
        case "b": return "\u{8}".unicodeScalars
        case "t": return "\t".unicodeScalars
        case "n": return "\n".unicodeScalars
        case "f": return "\u{C}".unicodeScalars
        case "r": return "\r".unicodeScalars
        case "\"": return "\"".unicodeScalars
        case "\\": return "\\".unicodeScalars
        case "u", "U":
            let length = code == "u" ? 4 : 8
            guard position + length <= text.count, text[position..<(position + length)].allSatisfy(\.isHexDigit),
                let value = UInt32(String(String.UnicodeScalarView(text[position..<(position + length)])), radix: 16)
            else { throw error("\\\(code!) needs \(length) hexadecimal digits") }
            guard let scalar = Unicode.Scalar(value) else { throw error("\\\(code!) names no Unicode character") }
            position += length
            return String.UnicodeScalarView([scalar])
        default: throw error("a \\ in a string escapes nothing")
        }
    }

    private mutating func literalString() throws -> String {
        position += 1
        let start = position
        while let scalar = current, scalar != "'" {
            if TOMLParser.isControl(scalar, allowingNewline: false) {
                throw error(scalar == "\n" ? "a string is not closed" : "a control character in a string")
            }
            position += 1
        }
        guard current == "'" else { throw error("a string is not closed") }
        position += 1
        return String(String.UnicodeScalarView(text[start..<(position - 1)]))
    }

    /// `"""…"""` or `'''…'''`: a line break right after the opening is dropped; up to two
    /// quotes before the closing belong to the text.
    private mutating func multilineString(basic: Bool) throws -> String {
        position += 3
        if current == "\n" { position += 1 }
        var result: String
        if basic {
            result = try basicString(multiline: true)
        } else {
            let start = position
            while !starts(with: "'''") {
                guard let scalar = current else { throw error("a string is not closed") }
                if TOMLParser.isControl(scalar, allowingNewline: true) {
                    throw error("a control character in a string")
                }
                position += 1
            }
            result = String(String.UnicodeScalarView(text[start..<position]))
            position += 3
        }
        let quote: Unicode.Scalar = basic ? "\"" : "'"
        for _ in 0..<2 where current == quote {
            result.unicodeScalars.append(quote)
            position += 1
        }
        return result
    }

    // MARK: - Scanning

    private var current: Unicode.Scalar? { position < text.count ? text[position] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < text.count ? text[position + offset] : nil
    }

    private func starts(with literal: String) -> Bool {
        var index = position
        for scalar in literal.unicodeScalars {
            guard index < text.count, text[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    private mutating func skip(_ predicate: (Unicode.Scalar) -> Bool) {
        while let scalar = current, predicate(scalar) { position += 1 }
    }

    private mutating func skipComment() throws {
        guard current == "#" else { return }
        position += 1
        while let scalar = current, scalar != "\n" {
            if TOMLParser.isControl(scalar, allowingNewline: false) { throw error("a control character in a comment") }
            position += 1
        }
    }

    private mutating func skipArraySpace() throws {
        while true {
            let start = position
            skip { TOMLParser.whitespace($0) || $0 == "\n" }
            try skipComment()
            if position == start { return }
        }
    }

    static func whitespace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// A letter, digit, `_` or `-` of ASCII, by range (in ASCII the alphabetic scalars are
    /// the letters, so no Unicode property is looked up).
    static func bareKey(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
            || scalar == "-"
    }

    /// Control characters TOML allows nowhere but a tab (and a line break in multi-line text).
    static func isControl(_ scalar: Unicode.Scalar, allowingNewline: Bool) -> Bool {
        guard scalar.value < 0x20 || scalar.value == 0x7F else { return false }
        return scalar != "\t" && !(allowingNewline && scalar == "\n")
    }

    private func error(_ message: String) -> TOMLError {
        TOMLError(line: TOMLScalars.line(of: position, in: text), message: message)
    }
}

extension Unicode.Scalar {
    fileprivate var isHexDigit: Bool {
        ("0"..."9").contains(self) || ("a"..."f").contains(self) || ("A"..."F").contains(self)
    }
}
