import Foundation
import SpoolCore

/// A comment header line of a web page: list marker, author and date.
///
/// Recognises `1. Name October 28, 2014 at 11:24 am #`, `• Name …`, `1) Name on January
/// 27th, 2009 9:00 pm`, 24-hour times, `28 October 2014 at 14:05` and ISO dates
/// (`2014-10-28T11:24`), with an optional trailing `#` permalink marker and authors written
/// as Markdown links (`[Name](url)`).
struct WebCommentHeader: Equatable {
    enum Marker: Equatable {
        case none
        case number(Int)
        case bullet
    }

    let marker: Marker
    let author: String
    let date: Timestamp?
    /// The address the author's name links to (`[Name](url)`), if it does.
    var link: String? = nil

    /// The marker at the start of `text` and the text after it.
    static func splitMarker(_ text: Substring) -> (Marker, Substring) {
        // Digits and the mark after them are ASCII: read as bytes.
        let utf8 = text.utf8
        var index = utf8.startIndex
        var digits = 0
        while index < utf8.endIndex, (0x30...0x39).contains(utf8[index]), digits < 6 {
            index = utf8.index(after: index)
            digits += 1
        }
        if digits > 0 && digits <= 5, index < utf8.endIndex, utf8[index] == 0x2E || utf8[index] == 0x29 {
            let afterMark = utf8.index(after: index)
            if afterMark < text.endIndex, isSpace(text[afterMark]) {
                return (.number(Int(text[..<index]) ?? 0), text[afterMark...].drop(while: isSpace))
            }
        }
        // A bullet is `*`, `-` or one of `•◦▪‣·` (which begin with byte C2 or E2): any other
        // first byte is no marker, without making a character of it.
        guard let lead = utf8.first, lead == 0x2A || lead == 0x2D || lead == 0xC2 || lead == 0xE2 else {
            return (.none, text)
        }
        if let first = text.first, "•◦▪‣·*-".contains(first) {
            let afterMark = text.index(after: text.startIndex)
            if afterMark < text.endIndex, isSpace(text[afterMark]) {
                return (.bullet, text[afterMark...].drop(while: isSpace))
            }
        }
        return (.none, text)
    }

    /// Parses `text` (a line, or wrapped lines joined by a space) as a header.
    static func parse(_ text: Substring) -> WebCommentHeader? {
        guard endsLikeATime(text) else { return nil }
        let (marker, rest) = splitMarker(text)
        guard let (date, authorEnd) = trailingDate(in: rest) else { return nil }
        guard let author = cleanAuthor(rest[..<authorEnd]) else { return nil }
        return WebCommentHeader(marker: marker, author: author, date: date, link: authorLink(rest[..<authorEnd]))
    }

    /// The date at the end of `text` and where the text before it ends.
    ///
    /// Reads whitespace-separated words backwards: an optional `#`, am/pm, the time
    /// (`11:24`, `11:24:05`, `11.24`, `11:24am`), an optional `at`, then the year and the
    /// day and month in either order (`October 28, 2014`, `28th October 2014`), or an ISO
    /// date (`2014-10-28T11:24`, `2014-10-28 11:24`), and an optional `on`.
    static func trailingDate(in text: Substring) -> (Timestamp?, Substring.Index)? {
        var words = DateWords(text)
        words.dropLast(if: { $0 == "#" })
        var meridiem: Substring?
        if let last = words.last, isMeridiem(last) {
            meridiem = last
            words.removeLast()
        }
        guard var timeWord = words.popLast() else { return nil }
        if meridiem == nil, let attached = timeWord.firstIndex(where: { $0.isLetter }),
            isMeridiem(timeWord[attached...])
        {
            meridiem = timeWord[attached...]
            timeWord = timeWord[..<attached]
        }
        if let isoSplit = timeWord.firstIndex(of: "T"), timeWord.count > 11 {
            words.push(timeWord[..<isoSplit])
            timeWord = timeWord[timeWord.index(after: isoSplit)...]
        }
        guard let (hour, minute, second) = clockTime(timeWord, meridiem: meridiem) else { return nil }
        words.dropLast(if: { isWord($0, "at") || $0 == "," || $0 == "-" })
        guard let dateWord = words.popLast() else { return nil }
        let calendar: (year: Int, month: Int, day: Int)?
        if let iso = isoDate(dateWord) {
            calendar = iso
        } else {
            guard let year = number(trimming: dateWord), year >= 1000, year <= 9999,
                let second = words.popLast(), let first = words.popLast()
            else { return nil }
            if let day = dayNumber(second), let month = monthNumber(trimmed(first)) {
                calendar = (year, month, day)
            } else if let month = monthNumber(trimmed(second)), let day = dayNumber(first) {
                calendar = (year, month, day)
            } else {
                return nil
            }
        }
        words.dropLast(if: { isWord($0, "on") })
        guard let calendar else { return nil }
        let date = Timestamp(
            year: calendar.year, month: calendar.month, day: calendar.day, hour: hour, minute: minute, second: second)
        return (date.isValid ? date : nil, words.endOfRemaining)
    }

    /// A cheap test on the last bytes: every header ends in a time (`11:24`, `9.05`),
    /// perhaps followed by am/pm, `#` and spaces, so most body lines are rejected here.
    static func endsLikeATime(_ text: Substring) -> Bool {
        let tail = text.utf8.suffix(16)
        var digitsAfter = 0
        var previous: UInt8 = 0
        for byte in tail.reversed() {
            if byte >= 0x30 && byte <= 0x39 {
                if previous == 0x3A || previous == 0x2E, digitsAfter == 2 { return true }
                digitsAfter = previous >= 0x30 && previous <= 0x39 ? digitsAfter + 1 : 1
            } else if byte != 0x3A && byte != 0x2E {
                digitsAfter = 0
            }
            previous = byte
        }
        return false
    }

    private static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{A0}" }

    /// `am`, `PM`, `a.m.`: two letters, any case, dots between.
    private static func isMeridiem(_ word: Substring) -> Bool {
        var letters: (UInt8, UInt8, count: Int) = (0, 0, 0)
        for byte in word.utf8 where byte != 0x2E {
            switch letters.count {
            case 0: letters.0 = byte | 0x20
            case 1: letters.1 = byte | 0x20
            default: return false
            }
            letters.count += 1
        }
        return letters.count == 2 && (letters.0 == 0x61 || letters.0 == 0x70) && letters.1 == 0x6D
    }

    /// Whether `word` is the ASCII word `lower` in any case.
    private static func isWord(_ word: Substring, _ lower: StaticString) -> Bool {
        guard word.utf8.count == lower.utf8CodeUnitCount else { return false }
        return zip(word.utf8, UnsafeBufferPointer(start: lower.utf8Start, count: lower.utf8CodeUnitCount)).allSatisfy {
            $0 | 0x20 == $1
        }
    }

    private static func clockTime(_ word: Substring, meridiem: Substring?) -> (Int, Int, Int)? {
        let parts = word.split(omittingEmptySubsequences: false) { $0 == ":" || $0 == "." }
        guard parts.count == 2 || parts.count == 3, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), parts[0].count <= 2
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) : 0
        guard let second else { return nil }
        guard let meridiem else { return (hour, minute, second) }
        guard (1...12).contains(hour) else { return nil }
        let isMorning = meridiem.lowercased().hasPrefix("a")
        return (isMorning ? hour % 12 : hour % 12 + 12, minute, second)
    }

    private static func isoDate(_ word: Substring) -> (Int, Int, Int)? {
        // `2014-10-28` is ten bytes with a dash fifth: most date words are not, and say so at once.
        guard word.utf8.count == 10, word.utf8.dropFirst(4).first == 0x2D else { return nil }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return (y, m, d)
    }

    private static func trimmed(_ word: Substring) -> Substring {
        var word = word
        while let last = word.last, last == "," || last == "." { word = word.dropLast() }
        return word
    }

    private static func number(trimming word: Substring) -> Int? {
        let core = trimmed(word)
        guard !core.isEmpty, core.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(core)
    }

    /// `28`, `28,`, `28th`, `1st,`.
    private static func dayNumber(_ word: Substring) -> Int? {
        var core = trimmed(word)
        let ending = core.utf8.suffix(2)
        if ending.count == 2 {
            let pair = (ending.first! | 0x20, ending.last! | 0x20)
            if pair == (0x73, 0x74) || pair == (0x6E, 0x64) || pair == (0x72, 0x64) || pair == (0x74, 0x68) {
                core = core.dropLast(2)
            }
        }
        guard !core.isEmpty, core.count <= 2, core.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(core)
    }

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    static func monthNumber(_ name: Substring) -> Int? {
        let lower = name.lowercased()
        if let index = monthNames.firstIndex(of: lower) { return index + 1 }
        if lower.count >= 3, let index = monthNames.firstIndex(where: { $0.hasPrefix(lower) }) {
            return index + 1
        }
        if lower == "sept" { return 9 }
        return nil
    }

    /// The web address of a name written as a Markdown link (`[Name](http://…) on`).
    static func authorLink(_ raw: Substring) -> String? {
        // Most names are no link: only a `[` opens one.
        guard raw.first(where: { !($0.isWhitespace && !$0.isNewline) }) == "[" else { return nil }
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.first == "[", let open = text.range(of: "](", options: .backwards),
            let close = text[open.upperBound...].firstIndex(of: ")")
        else { return nil }
        let link = String(text[open.upperBound..<close])
        guard link.hasPrefix("http://") || link.hasPrefix("https://"), !link.contains(where: \.isWhitespace) else {
            return nil
        }
        return link
    }

    /// The author's name from the text before the date: Markdown links and emphasis
    /// removed, trailing "on", "says" and punctuation dropped; nil if nothing name-like is left.
    static func cleanAuthor(_ raw: Substring) -> String? {
        var name = String(raw).trimmingSpaces()
        if name.first == "[", name.last == ")", let close = name.range(of: "](", options: .backwards) {
            name = String(name[name.index(after: name.startIndex)..<close.lowerBound])
        }
        // Byte tests: `contains` with a string would go through Foundation's search.
        if name.utf8.contains(where: { $0 == 0x2A || $0 == 0x5F }) {
            name = name.replacing("**", with: "").replacing("__", with: "")
        }
        if name.utf8.contains(0x5C) { name = MarkdownText.inline(name) }
        name = name.trimmingSpaces()
        for suffix in [" on", " says", " said", " wrote", ",", " -", " |", " —", ":"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count)).trimmingSpaces()
        }
        guard !name.isEmpty, name.count <= 250 else { return nil }
        return name
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and no-break spaces.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}

/// The words of a header line, read from the end, each with its place in the line.
private struct DateWords {
    private let text: Substring
    private var ranges: [Range<Substring.Index>]

    init(_ text: Substring) {
        self.text = text
        // Separators are a space, a tab or a no-break space (C2 A0): read as bytes.
        let utf8 = text.utf8
        func separator(at index: String.Index) -> Int {
            switch utf8[index] {
            case 0x20, 0x09: return 1
            case 0xC2:
                let next = utf8.index(after: index)
                return next < utf8.endIndex && utf8[next] == 0xA0 ? 2 : 0
            default: return 0
            }
        }
        var ranges: [Range<Substring.Index>] = []
        var index = utf8.startIndex
        while index < utf8.endIndex {
            while index < utf8.endIndex, case let width = separator(at: index), width > 0 {
                index = utf8.index(index, offsetBy: width)
            }
            let start = index
            while index < utf8.endIndex, separator(at: index) == 0 { index = utf8.index(after: index) }
            if start < index { ranges.append(start..<index) }
        }
        self.ranges = ranges
    }

    var last: Substring? { ranges.last.map { text[$0] } }

    mutating func removeLast() { ranges.removeLast() }

    mutating func popLast() -> Substring? { ranges.popLast().map { text[$0] } }

    /// Puts back part of a word that was split (the date half of `2014-10-28T11:24`).
    mutating func push(_ word: Substring) { ranges.append(word.startIndex..<word.endIndex) }

    mutating func dropLast(if predicate: (Substring) -> Bool) {
        if let last, predicate(last) { ranges.removeLast() }
    }

    /// Where the words not yet read end: the end of the author's text.
    var endOfRemaining: Substring.Index { ranges.last?.upperBound ?? text.startIndex }
}
