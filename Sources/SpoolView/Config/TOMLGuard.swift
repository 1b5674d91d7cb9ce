import SpoolReader
import SpoolScreen

/// Checks TOML text for what the TOML parser underneath (toml++) asserts on instead of
/// reporting: a table header whose name starts with a character that is neither a bare-key
/// character nor a quote (`[ö]`, `[[[x]]]`). Found by fuzzing; such text gets an ordinary
/// error here.
enum TOMLGuard {
    /// The 1-based line of the first such header, or nil when the text is safe to parse.
    static func unsafeHeaderLine(in text: String) -> Int? {
        var arrayDepth = 0
        var multiline: String?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let delimiter = multiline {
                if line.contains(delimiter) { multiline = nil }
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if arrayDepth == 0 && trimmed.hasPrefix("[") {
                let brackets = trimmed.hasPrefix("[[") ? 2 : 1
                let name = trimmed.dropFirst(brackets).drop { $0 == " " || $0 == "\t" }
                guard let first = name.first, isBareKey(first) || first == "\"" || first == "'" else {
                    return index + 1
                }
                continue
            }
            scan(trimmed, arrayDepth: &arrayDepth, multiline: &multiline)
        }
        return nil
    }

    private static func isBareKey(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
    }

    /// Follows quotes, brackets of multi-line arrays and multi-line strings through a line.
    private static func scan(_ line: Substring, arrayDepth: inout Int, multiline: inout String?) {
        var quote: Character?
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            let rest = line[index...]
            if let q = quote {
                if c == "\\" && q == "\"" {
                    index = line.index(index, offsetBy: 2, limitedBy: line.endIndex) ?? line.endIndex
                    continue
                }
                if c == q { quote = nil }
            } else if rest.hasPrefix("\"\"\"") || rest.hasPrefix("'''") {
                let delimiter = String(rest.prefix(3))
                let after = rest.dropFirst(3)
                if !after.contains(delimiter) {
                    multiline = delimiter
                    return
                }
                index = after.range(of: delimiter).map { $0.upperBound } ?? line.endIndex
                continue
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return
            } else if c == "[" {
                arrayDepth += 1
            } else if c == "]" {
                arrayDepth = max(0, arrayDepth - 1)
            }
            index = line.index(after: index)
        }
    }
}
