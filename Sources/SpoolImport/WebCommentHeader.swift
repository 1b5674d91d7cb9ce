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

    /// The marker at the start of `text` and the text after it.
    static func splitMarker(_ text: Substring) -> (Marker, Substring) {
        if let match = text.prefixMatch(of: /(\d{1,5})[.)][ \t\u{A0}]+/) {
            return (.number(Int(match.1) ?? 0), text[match.range.upperBound...])
        }
        if let match = text.prefixMatch(of: /[•◦▪‣·*\-][ \t\u{A0}]+/) {
            return (.bullet, text[match.range.upperBound...])
        }
        return (.none, text)
    }

    /// Parses `text` (a line, or wrapped lines joined by a space) as a header.
    static func parse(_ text: Substring) -> WebCommentHeader? {
        // Cheap filter: every accepted date has digits.
        guard text.contains(where: \.isNumber) else { return nil }
        let (marker, rest) = splitMarker(text)
        guard let (date, authorEnd) = trailingDate(in: rest) else { return nil }
        guard let author = cleanAuthor(rest[..<authorEnd]) else { return nil }
        return WebCommentHeader(marker: marker, author: author, date: date)
    }

    /// The date at the end of `text` and where the text before it ends.
    static func trailingDate(in text: Substring) -> (Timestamp?, Substring.Index)? {
        let monthFirst =
            /[ \t\u{A0}]+(?:on[ \t\u{A0}]+)?(?<month>[A-Za-z]{3,9})\.?[ \t\u{A0}]+(?<day>\d{1,2})(?:st|nd|rd|th)?,?[ \t\u{A0}]+(?<year>\d{4}),?(?:[ \t\u{A0}]+at)?[ \t\u{A0}]+(?<hour>\d{1,2})[:.](?<minute>\d{2})(?::(?<second>\d{2}))?[ \t\u{A0}]*(?<ampm>[AaPp]\.?[Mm]\.?)?[ \t\u{A0}]*#?$/
        let dayFirst =
            /[ \t\u{A0}]+(?:on[ \t\u{A0}]+)?(?<day>\d{1,2})(?:st|nd|rd|th)?[ \t\u{A0}]+(?<month>[A-Za-z]{3,9})\.?,?[ \t\u{A0}]+(?<year>\d{4}),?(?:[ \t\u{A0}]+at)?[ \t\u{A0}]+(?<hour>\d{1,2})[:.](?<minute>\d{2})(?::(?<second>\d{2}))?[ \t\u{A0}]*(?<ampm>[AaPp]\.?[Mm]\.?)?[ \t\u{A0}]*#?$/
        let iso =
            /[ \t\u{A0}]+(?:on[ \t\u{A0}]+)?(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[T ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2}))?[ \t\u{A0}]*#?$/
        if let m = text.firstMatch(of: monthFirst), let month = monthNumber(m.month) {
            let date = timestamp(
                year: m.year, month: month, day: m.day, hour: m.hour, minute: m.minute, second: m.second,
                ampm: m.ampm)
            return (date, m.range.lowerBound)
        }
        if let m = text.firstMatch(of: dayFirst), let month = monthNumber(m.month) {
            let date = timestamp(
                year: m.year, month: month, day: m.day, hour: m.hour, minute: m.minute, second: m.second,
                ampm: m.ampm)
            return (date, m.range.lowerBound)
        }
        if let m = text.firstMatch(of: iso) {
            let date = timestamp(
                year: m.year, month: Int(m.month) ?? 0, day: m.day, hour: m.hour, minute: m.minute,
                second: m.second, ampm: nil)
            return (date, m.range.lowerBound)
        }
        return nil
    }

    private static func timestamp(
        year: Substring, month: Int, day: Substring, hour: Substring, minute: Substring, second: Substring?,
        ampm: Substring?
    ) -> Timestamp? {
        guard var h = Int(hour), let y = Int(year), let d = Int(day), let mi = Int(minute) else { return nil }
        if let ampm = ampm?.lowercased() {
            guard (1...12).contains(h) else { return nil }
            if ampm.hasPrefix("a") { h = h == 12 ? 0 : h } else { h = h == 12 ? 12 : h + 12 }
        }
        let date = Timestamp(year: y, month: month, day: d, hour: h, minute: mi, second: second.flatMap { Int($0) } ?? 0)
        return date.isValid ? date : nil
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

    /// The author's name from the text before the date: Markdown links and emphasis
    /// removed, trailing "on", "says" and punctuation dropped; nil if nothing name-like is left.
    static func cleanAuthor(_ raw: Substring) -> String? {
        var name = String(raw)
        if let link = name.wholeMatch(of: /\[(.+)\]\((\S*)\)/) { name = String(link.1) }
        name = name.replacing("**", with: "").replacing("__", with: "")
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
