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
        // Digits and the mark after them are ASCII: read as bytes. Most lines say no at once.
        let utf8 = text.utf8
        guard let lead = utf8.first, mayOpenWithMarker(lead) else { return (.none, text) }
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
        // A bullet is `*`, `-` or one of `•◦▪‣·`.
        guard lead == 0x2A || lead == 0x2D || lead == 0xC2 || lead == 0xE2 else { return (.none, text) }
        switch text.first {
        case "•", "◦", "▪", "‣", "·", "*", "-":
            let afterMark = text.index(after: text.startIndex)
            if afterMark < text.endIndex, isSpace(text[afterMark]) {
                return (.bullet, text[afterMark...].drop(while: isSpace))
            }
        default: break
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

    /// The date at the end of `text` and where the text before it ends (see `HeaderDate`).
    static func trailingDate(in text: Substring) -> (Timestamp?, Substring.Index)? {
        guard let (date, end) = HeaderDate.read(text.utf8) else { return nil }
        return (date, text.utf8.index(text.startIndex, offsetBy: end))
    }

    /// A cheap test on the last bytes: every header ends in a time (`11:24`, `9.05`),
    /// perhaps followed by am/pm, `#` and spaces, so most body lines are rejected here.
    static func endsLikeATime(_ text: Substring) -> Bool {
        let tail = text.utf8.suffix(16)
        return tail.withContiguousStorageIfAvailable(endsLikeATime)
            ?? Array(tail).withUnsafeBufferPointer(endsLikeATime)
    }

    /// The same test on a line's bytes.
    static func endsLikeATime(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digitsAfter = 0
        var previous: UInt8 = 0
        for byte in bytes.suffix(16).reversed() {
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

    /// Whether a line whose first byte is `lead` may open with a marker: a marker starts with
    /// a digit, `*`, `-` or the first byte of `•◦▪‣·` (C2 or E2).
    static func mayOpenWithMarker(_ lead: UInt8) -> Bool {
        (0x30...0x39).contains(lead) || lead == 0x2A || lead == 0x2D || lead == 0xC2 || lead == 0xE2
    }

    private static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{A0}" }

    static func monthNumber(_ name: Substring) -> Int? { HeaderDate.month(name.utf8) }

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
        // Bytes first: most names are no link, and characters are made only for those that may be.
        if name.utf8.first == 0x5B, name.utf8.last == 0x29, name.first == "[", name.last == ")",
            let close = name.range(of: "](", options: .backwards)
        {
            name = String(name[name.index(after: name.startIndex)..<close.lowerBound])
        }
        // Byte tests: `contains` with a string would go through Foundation's search.
        if name.utf8.contains(where: { $0 == 0x2A || $0 == 0x5F }) {
            name = name.replacing("**", with: "").replacing("__", with: "")
        }
        if name.utf8.contains(0x5C) { name = MarkdownText.inline(name) }
        name = name.trimmingSpaces()
        for ending in nameEndings
        where name.utf8.count >= ending.count && name.utf8.suffix(ending.count).elementsEqual(ending) {
            name = String(Substring(name.utf8.dropLast(ending.count))).trimmingSpaces()
        }
        guard !name.isEmpty, name.utf8.count <= 250 || name.count <= 250 else { return nil }
        return name
    }

    /// What may follow a name before the date (`Ruth says October 28, …`), in the order dropped.
    private static let nameEndings: [[UInt8]] = [" on", " says", " said", " wrote", ",", " -", " |", " —", ":"].map {
        Array($0.utf8)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and no-break spaces.
    ///
    /// Read as bytes; a space followed by a combining mark is one character and no space, so
    /// where a non-ASCII byte meets a trimmed space the string is trimmed by characters.
    func trimmingSpaces() -> String {
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, case let width = spaceWidth(startingAt: start), width > 0 {
            start = utf8.index(start, offsetBy: width)
        }
        while start < end, case let width = spaceWidth(endingAt: end), width > 0 {
            end = utf8.index(end, offsetBy: -width)
        }
        guard start < end else { return "" }
        let nonASCIIAtACut =
            (start > utf8.startIndex && utf8[start] >= 0x80)
            || (end < utf8.endIndex && utf8[utf8.index(before: end)] >= 0x80)
        if nonASCIIAtACut { return trimmingSpaceCharacters() }
        if start == utf8.startIndex && end == utf8.endIndex { return self }
        return String(self[start..<end])
    }

    /// The bytes of the space, tab or no-break space at `index`, 0 if none is there.
    private func spaceWidth(startingAt index: String.Index) -> Int {
        switch utf8[index] {
        case 0x20, 0x09: return 1
        case 0xC2:
            let next = utf8.index(after: index)
            return next < utf8.endIndex && utf8[next] == 0xA0 ? 2 : 0
        default: return 0
        }
    }

    /// The bytes of the space, tab or no-break space ending at `index`, 0 if none ends there.
    private func spaceWidth(endingAt index: String.Index) -> Int {
        let last = utf8.index(before: index)
        switch utf8[last] {
        case 0x20, 0x09: return 1
        case 0xA0: return last > utf8.startIndex && utf8[utf8.index(before: last)] == 0xC2 ? 2 : 0
        default: return 0
        }
    }

    private func trimmingSpaceCharacters() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
