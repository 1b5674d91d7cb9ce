import Foundation

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

    /// Decodes `bytes` (once, into strings the lines are slices of); a NUL byte means the
    /// file is not text. Line ends, indentation and trailing blanks are ASCII, so they are
    /// found in the decoded strings' bytes and each line is a slice made from byte offsets.
    /// A large page is decoded and split in parts on the cores, each ending after a line
    /// feed. Bytes handed over are let go once decoded, so a large page is not held twice.
    init(bytes: consuming [UInt8], file: String) throws {
        let nul = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return UnsafeRawPointer(base).distance(to: found)
        }
        if let nul { throw ImportError(file: file, reason: .binary(offset: nul)) }
        let endsWithLineBreak = bytes.last == 0x0A || bytes.last == 0x0D
        let texts = SourceText.decodedParts(consume bytes)
        var parts = ParallelMap.map(count: texts.count, minimumPerPart: 1) { part in
            var lines = SourceText.lines(of: texts[part])
            // The empty line after a part's closing line feed is the next part's first line.
            if part < texts.count - 1 { lines.removeLast() }
            return lines
        }
        var lines = parts.removeFirst()
        lines.reserveCapacity(lines.count + parts.reduce(0) { $0 + $1.count })
        for part in parts { lines += part }
        if lines.last?.isBlank == true && endsWithLineBreak { lines.removeLast() }
        guard lines.contains(where: { !$0.isBlank }) else { throw ImportError(file: file, reason: .empty) }
        self.lines = lines
    }

    /// Below this many bytes a part costs more to start than it saves.
    private static let bytesWorthAPart = 4 << 20

    /// `bytes` decoded as UTF-8 in parts, each but the last ending after a line feed. A
    /// decoder starts afresh at any ASCII byte, so the parts decode as the whole would.
    private static func decodedParts(_ bytes: consuming [UInt8]) -> [String] {
        let bytes = consume bytes
        let bounds = bytes.withUnsafeBufferPointer(partBounds)
        return ParallelMap.map(count: bounds.count - 1, minimumPerPart: 1) { part in
            bytes.withUnsafeBufferPointer { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[bounds[part]..<bounds[part + 1]]), as: UTF8.self)
            }
        }
    }

    /// Where the parts of `buffer` begin, and its end: one part a core for a large page.
    private static func partBounds(_ buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
        var bounds = [0]
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if let base = buffer.baseAddress, cores > 1 {
            for part in 1..<max(1, min(cores, buffer.count / bytesWorthAPart)) {
                let from = max(buffer.count * part / cores, bounds[bounds.count - 1])
                guard let feed = memchr(base + from, 0x0A, buffer.count - from) else { break }
                let bound = UnsafeRawPointer(base).distance(to: feed) + 1
                if bound < buffer.count { bounds.append(bound) }
            }
        }
        bounds.append(buffer.count)
        return bounds
    }

    /// The lines of `whole`, each a slice of it.
    private static func lines(of whole: String) -> [Line] {
        let utf8 = whole.utf8
        let found = utf8.withContiguousStorageIfAvailable { text -> [Line] in
            guard let base = text.baseAddress else { return [Line(indent: 0, text: whole[...])] }
            // Without a carriage return anywhere, each line ends at the next line feed, which
            // memchr finds many bytes at a time.
            let hasCarriageReturn = memchr(base, 0x0D, text.count) != nil
            var lines: [Line] = []
            lines.reserveCapacity(lineFeeds(in: text) + 1)
            var index = utf8.startIndex
            var offset = 0
            var start = 0
            while true {
                var end = start
                if hasCarriageReturn {
                    while end < text.count && text[end] != 0x0A && text[end] != 0x0D { end += 1 }
                } else if let found = memchr(base + start, 0x0A, text.count - start) {
                    end = UnsafeRawPointer(base).distance(to: found)
                } else {
                    end = text.count
                }
                let span = SourceText.measure(text, start, end)
                // Offsets step forward: each index is made from the one before, in constant time.
                let first = utf8.index(index, offsetBy: span.start - offset)
                let last = utf8.index(first, offsetBy: span.end - span.start)
                (index, offset) = (last, span.end)
                lines.append(Line(indent: span.indent, text: whole[first..<last]))
                guard end < text.count else { break }
                let next = end + 1
                start = text[end] == 0x0D && next < text.count && text[next] == 0x0A ? next + 1 : next
                if start == text.count {
                    lines.append(Line(indent: 0, text: whole[whole.endIndex...]))
                    break
                }
            }
            return lines
        }
        if let found { return found }
        var native = whole
        native.makeContiguousUTF8()
        return lines(of: native)
    }

    /// How many line feeds `text` holds (a loop the compiler vectorises).
    private static func lineFeeds(in text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in text where byte == 0x0A { count += 1 }
        return count
    }

    /// The indentation of the line `start..<end` of `text` (tabs advance to the next multiple
    /// of four columns) and its bounds without it and trailing spaces and tabs.
    private static func measure(
        _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) -> (indent: Int, start: Int, end: Int) {
        var indent = 0
        var first = start
        while first < end {
            if text[first] == 0x20 {
                indent += 1
            } else if text[first] == 0x09 {
                indent += 4 - indent % 4
            } else {
                break
            }
            first += 1
        }
        var last = end
        while last > first && (text[last - 1] == 0x20 || text[last - 1] == 0x09) { last -= 1 }
        return (indent, first, last)
    }
}
