/// A text file split into lines, ready for the line-oriented importers.
///
/// Bytes are decoded as UTF-8 with invalid sequences shown as U+FFFD, CRLF and lone CR
/// line ends are accepted, and each line knows its 1-based number and its indentation
/// (tabs advance to the next multiple of four columns).
struct SourceText {
    struct Line {
        let number: Int
        let indent: Int
        /// The line without its indentation and trailing spaces.
        let text: Substring
        var isBlank: Bool { text.isEmpty }
    }

    let lines: [Line]

    /// Decodes `bytes`; a NUL byte means the file is not text.
    init(bytes: [UInt8], file: String) throws {
        if let nul = bytes.firstIndex(of: 0) { throw ImportError(file: file, reason: .binary(offset: nul)) }
        let text = String(decoding: bytes, as: UTF8.self)
        var lines: [Line] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            for piece in line.split(separator: "\r", omittingEmptySubsequences: false) {
                lines.append(SourceText.measure(piece, number: number))
            }
        }
        if lines.last?.isBlank == true && text.hasSuffix("\n") { lines.removeLast() }
        guard lines.contains(where: { !$0.isBlank }) else { throw ImportError(file: file, reason: .empty) }
        self.lines = lines
    }

    private static func measure(_ line: Substring, number: Int) -> Line {
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
        return Line(number: number, indent: indent, text: line[start..<end])
    }
}
