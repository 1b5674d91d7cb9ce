/// A TOML value, as ``TOMLParser`` reads it.
public enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    /// An offset or local date-time, date or time, kept as written (Spool reads none).
    case dateTime(String)
    case array([TOMLValue])
    case table(TOMLTable)

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var int: Int? {
        if case .integer(let number) = self { return Int(exactly: number) }
        return nil
    }

    public var double: Double? {
        if case .float(let number) = self { return number }
        return nil
    }

    public var bool: Bool? {
        if case .boolean(let flag) = self { return flag }
        return nil
    }

    public var array: [TOMLValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    public var table: TOMLTable? {
        if case .table(let table) = self { return table }
        return nil
    }

    /// The value written back as TOML, for messages (`"diagonal"`, `[1, 2]`).
    public var debugDescription: String {
        switch self {
        case .string(let text):
            let escaped = text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "\"": return "\\\""
                case "\\": return "\\\\"
                case "\n": return "\\n"
                case "\t": return "\\t"
                default:
                    return scalar.value < 0x20 || scalar.value == 0x7F
                        ? "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                            + String(scalar.value, radix: 16, uppercase: true)
                        : String(scalar)
                }
            }
            return "\"" + escaped.joined() + "\""
        case .integer(let number): return String(number)
        case .float(let number):
            return number.isNaN ? "nan" : number.isInfinite ? (number < 0 ? "-inf" : "inf") : "\(number)"
        case .boolean(let flag): return flag ? "true" : "false"
        case .dateTime(let text): return text
        case .array(let values): return "[" + values.map(\.debugDescription).joined(separator: ", ") + "]"
        case .table(let table):
            return "{" + table.keys.map { "\($0) = \(table[$0]!.debugDescription)" }.joined(separator: ", ") + "}"
        }
    }
}

/// A TOML table: its keys in the order they were written, and their values.
public struct TOMLTable: Equatable, Sendable {
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]

    public init() {}

    public subscript(key: String) -> TOMLValue? { values[key] }

    /// Sets `key`, keeping its first place when it was there already.
    mutating func set(_ key: String, _ value: TOMLValue) {
        if values.updateValue(value, forKey: key) == nil { keys.append(key) }
    }
}

/// What is wrong with a TOML text, and on which line.
public struct TOMLError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The 1-based line.
    public let line: Int
    public let message: String

    public var description: String { "line \(line): \(message)" }
}
