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

    /// The lines of a page, 16 bytes each: where each lies in the decoded strings, which
    /// are held once; a ``Line`` is made as it is read.
    struct Lines: RandomAccessCollection {
        /// A line's part, the bounds of its text in the part's UTF-8, and its indentation
        /// (a part is decoded from at most 1 GiB, under 4 GiB of text however repaired).
        fileprivate struct Place {
            let part: UInt32
            let start: UInt32
            let end: UInt32
            let indent: UInt32
        }

        fileprivate let texts: [String]
        fileprivate let places: [Place]

        var startIndex: Int { places.startIndex }
        var endIndex: Int { places.endIndex }

        subscript(position: Int) -> Line {
            let place = places[position]
            let text = texts[Int(place.part)]
            let first = text.utf8.index(text.startIndex, offsetBy: Int(place.start))
            let last = text.utf8.index(first, offsetBy: Int(place.end - place.start))
            return Line(indent: Int(place.indent), text: text[first..<last])
        }

        /// Whether the line at `position` is blank, without making it.
        func isBlank(_ position: Int) -> Bool { places[position].start == places[position].end }
    }

    let lines: Lines

    /// Decodes `bytes` (once, into strings the lines are slices of); a NUL byte means the
    /// file is not text. Line ends, indentation and trailing blanks are ASCII, so they are
    /// found in the decoded strings' bytes, and each line is kept as byte offsets.
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
        // Offsets are 32-bit: only a line of gigabytes makes a part too long for them.
        guard texts.allSatisfy({ $0.utf8.count <= UInt32.max }) else {
            throw ImportError(
                file: file, reason: .malformed("a line of more than a gigabyte; this is not a page's text"))
        }
        var parts = ParallelMap.map(count: texts.count, minimumPerPart: 1) { part in
            var places = SourceText.places(in: texts[part], part: UInt32(part))
            // The empty line after a part's closing line feed is the next part's first line.
            if part < texts.count - 1 { places.removeLast() }
            return places
        }
        var places = parts.removeFirst()
        places.reserveCapacity(places.count + parts.reduce(0) { $0 + $1.count })
        for part in parts { places += part }
        if let last = places.last, last.start == last.end, endsWithLineBreak { places.removeLast() }
        guard places.contains(where: { $0.start != $0.end }) else { throw ImportError(file: file, reason: .empty) }
        lines = Lines(texts: texts, places: places)
    }

    /// Below this many bytes a part costs more to start than it saves.
    private static let bytesWorthAPart = 4 << 20

    /// Above this many bytes a page is cut into more parts than there are cores.
    private static let largestPart = 1 << 30

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

    /// Where the parts of `buffer` begin, and its end: one part a core for a large page, and
    /// parts of at most 1 GiB (each bound moved on to the next line).
    private static func partBounds(_ buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let parts = max(min(cores, buffer.count / bytesWorthAPart), (buffer.count + largestPart - 1) / largestPart)
        var bounds = [0]
        if let base = buffer.baseAddress {
            for part in 1..<max(1, parts) {
                let from = max(buffer.count / parts * part, bounds[bounds.count - 1])
                guard from < buffer.count, let feed = memchr(base + from, 0x0A, buffer.count - from) else { break }
                let bound = UnsafeRawPointer(base).distance(to: feed) + 1
                if bound < buffer.count { bounds.append(bound) }
            }
        }
        bounds.append(buffer.count)
        return bounds
    }

    /// Where the lines of `whole` lie in it, `whole` being part `part` of the page.
    private static func places(in whole: String, part: UInt32) -> [Lines.Place] {
        var whole = whole
        return whole.withUTF8 { text -> [Lines.Place] in
            func place(_ start: Int, _ end: Int, _ indent: Int) -> Lines.Place {
                Lines.Place(part: part, start: UInt32(start), end: UInt32(end), indent: UInt32(clamping: indent))
            }
            guard let base = text.baseAddress else { return [place(0, 0, 0)] }
            // Without a carriage return anywhere, each line ends at the next line feed, which
            // memchr finds many bytes at a time.
            let hasCarriageReturn = memchr(base, 0x0D, text.count) != nil
            var places: [Lines.Place] = []
            places.reserveCapacity(lineFeeds(in: text) + 1)
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
                places.append(place(span.start, span.end, span.indent))
                guard end < text.count else { break }
                let next = end + 1
                start = text[end] == 0x0D && next < text.count && text[next] == 0x0A ? next + 1 : next
                if start == text.count {
                    places.append(place(text.count, text.count, 0))
                    break
                }
            }
            return places
        }
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
