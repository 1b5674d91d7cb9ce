import Foundation

/// The lines of a page's text, for the line-oriented importers.
///
/// Bytes are decoded as UTF-8 with invalid sequences shown as U+FFFD, CRLF and lone CR
/// line ends are accepted, and each line knows its indentation
/// (tabs advance to the next multiple of four columns).
///
/// Line ends, indentation and trailing blanks are ASCII, and a UTF-8 decoder never takes an
/// ASCII byte into a repair, so lines are found in the raw bytes and each decodes alone as
/// it would in the whole: a page is split once (``places(in:)``) and any run of its lines
/// is decoded again from its bytes when wanted (``Lines``).
enum SourceText {
    struct Line {
        let indent: Int
        /// The line without its indentation and trailing spaces.
        let text: Substring
        var isBlank: Bool { text.isEmpty }
    }

    /// Where a line lies in the bytes it was split from (their first byte is 0): the bounds
    /// of its text without indentation and trailing blanks, and its indentation; 12 bytes.
    struct Place {
        let start: UInt32
        let end: UInt32
        let indent: UInt32
        var isBlank: Bool { start == end }

        /// The place in bytes that begin `distance` bytes later (or earlier, when negative).
        func moved(by distance: Int) -> Place {
            Place(start: UInt32(Int(start) - distance), end: UInt32(Int(end) - distance), indent: indent)
        }
    }

    /// Decoded lines numbered from `startIndex` (their number in the page): the text of a
    /// part of a page, or of a comment's body, made as each is read.
    struct Lines: RandomAccessCollection {
        private enum Texts {
            /// The bytes decoded whole, as they were: places are offsets into it.
            case whole(String)
            /// The bytes held repairs: each line decoded alone, whole.
            case eachLine([String])
        }

        private let texts: Texts
        private let places: [Place]
        let startIndex: Int
        var endIndex: Int { startIndex + places.count }

        /// The lines at `places` of `bytes`, the first numbered `startIndex`.
        init(decoding bytes: UnsafeRawBufferPointer, places: [Place], startIndex: Int) {
            self.places = places
            self.startIndex = startIndex
            var whole = String(decoding: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
            let unchanged = whole.withUTF8 { decoded in
                decoded.count == bytes.count
                    && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
            }
            if unchanged {
                texts = .whole(whole)
            } else {
                texts = .eachLine(
                    places.map { place in
                        String(
                            decoding: UnsafeRawBufferPointer(rebasing: bytes[Int(place.start)..<Int(place.end)]),
                            as: UTF8.self)
                    })
            }
        }

        subscript(position: Int) -> Line {
            let place = places[position - startIndex]
            switch texts {
            case .whole(let text):
                let first = text.utf8.index(text.startIndex, offsetBy: Int(place.start))
                let last = text.utf8.index(first, offsetBy: Int(place.end - place.start))
                return Line(indent: Int(place.indent), text: text[first..<last])
            case .eachLine(let lines):
                return Line(indent: Int(place.indent), text: lines[position - startIndex][...])
            }
        }

        /// Whether the line at `position` is blank, without making it.
        func isBlank(_ position: Int) -> Bool { places[position - startIndex].isBlank }

        /// The indentation of the line at `position`, without making the line.
        func indent(_ position: Int) -> Int { Int(places[position - startIndex].indent) }

        /// `body` of the UTF-8 bytes of the line at `position` (the bytes of its `text`),
        /// in place: the scans that look at every line of a page test bytes, and make a
        /// line only when its bytes pass.
        func withBytes<Result>(of position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            switch texts {
            case .whole(let text):
                let place = places[position - startIndex]
                let inPlace = text.utf8.withContiguousStorageIfAvailable {
                    body(UnsafeBufferPointer(rebasing: $0[Int(place.start)..<Int(place.end)]))
                }
                if let inPlace { return inPlace }
            case .eachLine(let lines):
                if let inPlace = lines[position - startIndex].utf8.withContiguousStorageIfAvailable(body) {
                    return inPlace
                }
            }
            return Array(self[position].text.utf8).withUnsafeBufferPointer(body)
        }

        /// The first byte of the line at `position` after its indentation, without making
        /// the line; nil when it is blank.
        func firstByte(_ position: Int) -> UInt8? { withBytes(of: position) { $0.first } }
    }

    /// Where the lines of `text` lie in it, the last ending at its end (an empty line when
    /// it ends with a line end).
    static func places(in text: UnsafeBufferPointer<UInt8>) -> [Place] {
        func place(_ start: Int, _ end: Int, _ indent: Int) -> Place {
            Place(start: UInt32(start), end: UInt32(end), indent: UInt32(clamping: indent))
        }
        guard let base = text.baseAddress else { return [place(0, 0, 0)] }
        // Without a carriage return anywhere, each line ends at the next line feed, which
        // memchr finds many bytes at a time.
        let hasCarriageReturn = memchr(base, 0x0D, text.count) != nil
        var places: [Place] = []
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
            let span = measure(text, start, end)
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
