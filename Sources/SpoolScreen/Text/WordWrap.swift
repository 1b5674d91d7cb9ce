/// Wraps text at word boundaries by display width.
public enum WordWrap {
    /// The lines `text` is made of, split at `\n` and at `\r\n` (which Swift reads as one
    /// character, so splitting at `"\n"` alone misses it).
    public static func sourceLines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    /// The lines of `text` wrapped to `width` columns.
    ///
    /// Newlines end lines, tabs advance to the next multiple of four, a word longer than
    /// the width is broken, and leading spaces of a source line are kept on its first row.
    public static func lines(of text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for sourceLine in sourceLines(of: text) {
            if sourceLine.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                wrapASCII(Array(sourceLine.utf8), width: width, into: &result)
            } else {
                wrap(Sanitizer.clean(String(expandingTabs(sourceLine))), width: width, into: &result)
            }
        }
        return result
    }

    static func expandingTabs(_ line: Substring) -> Substring {
        guard line.utf8.contains(0x09) else { return line }
        var out = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = 4 - column % 4
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                out.append(character)
                column += DisplayWidth.of(character)
            }
        }
        return out[...]
    }

    /// ``wrap(_:width:into:)`` for a line of printable ASCII: a byte is a column, so the
    /// same breaks are found without grapheme breaking or width lookups.
    private static func wrapASCII(_ line: [UInt8], width: Int, into result: inout [String]) {
        var current: [UInt8] = []
        var pendingSpaces = 0
        var index = 0
        func append(_ bytes: ArraySlice<UInt8>) {
            if current.count + pendingSpaces + bytes.count <= width {
                current.append(contentsOf: repeatElement(0x20, count: pendingSpaces))
                current.append(contentsOf: bytes)
            } else {
                if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
                current = []
                var rest = bytes
                while rest.count > width {
                    result.append(String(decoding: current + rest.prefix(width - current.count), as: UTF8.self))
                    rest = rest.dropFirst(width - current.count)
                    current = []
                }
                current.append(contentsOf: rest)
            }
            pendingSpaces = 0
        }
        while index < line.count {
            if line[index] == 0x20 {
                pendingSpaces += 1
                index += 1
                continue
            }
            var end = index
            while end < line.count && line[end] != 0x20 { end += 1 }
            append(line[index..<end])
            index = end
        }
        result.append(String(decoding: current, as: UTF8.self))
    }

    private static func wrap(_ line: String, width: Int, into result: inout [String]) {
        var current = ""
        var currentWidth = 0
        var pendingSpace = ""
        var word = ""
        var wordWidth = 0
        func flushWord() {
            guard !word.isEmpty else { return }
            let spaceWidth = pendingSpace.count
            if currentWidth + spaceWidth + wordWidth <= width {
                current += pendingSpace + word
                currentWidth += spaceWidth + wordWidth
            } else {
                if !current.isEmpty { result.append(current) }
                current = ""
                currentWidth = 0
                for character in word {
                    let w = DisplayWidth.of(character)
                    if currentWidth + w > width {
                        result.append(current)
                        current = ""
                        currentWidth = 0
                    }
                    current.append(character)
                    currentWidth += w
                }
            }
            pendingSpace = ""
            word = ""
            wordWidth = 0
        }
        for character in line {
            if character == " " {
                flushWord()
                pendingSpace.append(" ")
            } else {
                word.append(character)
                wordWidth += DisplayWidth.of(character)
            }
        }
        flushWord()
        result.append(current)
    }
}
