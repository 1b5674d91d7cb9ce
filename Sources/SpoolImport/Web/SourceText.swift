/// A text file split into lines, ready for the line-oriented importers.
///
/// Bytes are decoded as UTF-8 with invalid sequences shown as U+FFFD, CRLF and lone CR
/// line ends are accepted, and each line knows its indentation
/// (tabs advance to the next multiple of four columns).
struct SourceText {
    struct Line {
        let indent: Int
        /// The line without its indentation and trailing spaces.
        let text: Substring
        var isBlank: Bool { text.isEmpty }
    }

    let lines: [Line]

    /// Decodes `bytes` line by line; a NUL byte means the file is not text.
    init(bytes: [UInt8], file: String) throws {
        if let nul = bytes.firstIndex(of: 0) { throw ImportError(file: file, reason: .binary(offset: nul)) }
        var lines: [Line] = []
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            lines.append(SourceText.measure(text[...]))
            if end < bytes.count && bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A { end += 1 }
            start = end + 1
        }
        if lines.last?.isBlank == true && (bytes.last == 0x0A || bytes.last == 0x0D) { lines.removeLast() }
        guard lines.contains(where: { !$0.isBlank }) else { throw ImportError(file: file, reason: .empty) }
        self.lines = lines
    }

    private static func measure(_ line: Substring) -> Line {
        var indent = 0
        var start = line.startIndex
        while start < line.endIndex {
            let c = line[start]
            if c == " " {
                indent += 1
            } else if c == "\t" {
                indent += 4 - indent % 4
            } else {
                break
            }
            start = line.index(after: start)
        }
        var end = line.endIndex
        while end > start {
            let before = line.index(before: end)
            guard line[before] == " " || line[before] == "\t" else { break }
            end = before
        }
        return Line(indent: indent, text: line[start..<end])
    }
}
