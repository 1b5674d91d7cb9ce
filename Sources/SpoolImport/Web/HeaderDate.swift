import SpoolCore

/// Reads the date at the end of a comment header's text, as bytes.
///
/// Every part of a date is ASCII (digits, `:`, `.`, `-`, month names, `am`/`pm`, `at`,
/// `on`, `#`), so a word holding another byte is no part of one: the words are read as byte
/// ranges from the end, and no character of the line is made. Words are separated by spaces,
/// tabs and no-break spaces (`C2 A0`).
struct HeaderDate {
    private typealias Word = Slice<UnsafeBufferPointer<UInt8>>

    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the words not yet read end.
    private var end: Int

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.end = bytes.count
    }

    /// The date at the end of `text` (nil when its fields make no valid date) and the byte
    /// offset in `text` where the text before it ends; nil when `text` does not end in a date.
    static func read(_ text: Substring.UTF8View) -> (date: Timestamp?, end: Int)? {
        func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (date: Timestamp?, end: Int)? {
            var reader = HeaderDate(bytes)
            return reader.read()
        }
        if let found = text.withContiguousStorageIfAvailable(read) { return found }
        return Array(text).withUnsafeBufferPointer(read)
    }

    /// The month of an English month name or its abbreviation of three letters or more
    /// (`Oct`, `sept`), in any case.
    static func month<Name: Collection<UInt8>>(_ name: Name) -> Int? {
        guard name.count >= 3 else { return nil }
        return monthNames.firstIndex { month in
            month.count >= name.count && zip(month, name).allSatisfy { $0 == lowercased($1) }
        }.map { $0 + 1 }
    }

    private static let monthNames: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ].map { Array($0.utf8) }

    /// Reads backwards: an optional `#`, am/pm, the time (`11:24`, `11:24:05`, `11.24`,
    /// `11:24am`), an optional `at`, `,` or `-`, then the year and the day and month in either
    /// order (`October 28, 2014`, `28th October 2014`), or an ISO date (`2014-10-28T11:24`,
    /// `2014-10-28 11:24`), and an optional `on`.
    private mutating func read() -> (date: Timestamp?, end: Int)? {
        dropLast(if: { $0.elementsEqual("#".utf8) })
        var meridiem: Word?
        if let last = peekLast(), Self.isMeridiem(last) {
            meridiem = last
            _ = popLast()
        }
        guard var timeWord = popLast() else { return nil }
        // `11:24am`: the letters from the first one that may begin a letter.
        if meridiem == nil, let attached = timeWord.firstIndex(where: Self.mayBeginALetter),
            Self.isMeridiem(timeWord[attached...])
        {
            meridiem = timeWord[attached...]
            timeWord = timeWord[..<attached]
        }
        if let isoSplit = timeWord.firstIndex(of: UInt8(ascii: "T")), timeWord.count > 11 {
            end = isoSplit  // the date half is read next
            timeWord = timeWord[(isoSplit + 1)...]
        }
        guard let (hour, minute, second) = Self.clockTime(timeWord, meridiem: meridiem) else { return nil }
        dropLast(if: { Self.isWord($0, "at") || $0.elementsEqual(",".utf8) || $0.elementsEqual("-".utf8) })
        guard let dateWord = popLast() else { return nil }
        let calendar: (year: Int, month: Int, day: Int)?
        if let iso = Self.isoDate(dateWord) {
            calendar = iso
        } else {
            guard let year = Self.digits(Self.trimmed(dateWord)), year >= 1000, year <= 9999,
                let second = popLast(), let first = popLast()
            else { return nil }
            if let day = Self.dayNumber(second), let month = Self.month(Self.trimmed(first)) {
                calendar = (year, month, day)
            } else if let month = Self.month(Self.trimmed(second)), let day = Self.dayNumber(first) {
                calendar = (year, month, day)
            } else {
                return nil
            }
        }
        dropLast(if: { Self.isWord($0, "on") })
        guard let calendar else { return nil }
        let date = Timestamp(
            year: calendar.year, month: calendar.month, day: calendar.day, hour: hour, minute: minute, second: second)
        return (date.isValid ? date : nil, endOfRemaining())
    }

    // MARK: Words from the end

    /// The width of the separator ending at `index` (exclusive), 0 if none.
    private func separatorWidth(endingAt index: Int) -> Int {
        guard index > 0 else { return 0 }
        switch bytes[index - 1] {
        case 0x20, 0x09: return 1
        case 0xA0: return index > 1 && bytes[index - 2] == 0xC2 ? 2 : 0
        default: return 0
        }
    }

    /// The end of the last word not yet read (0 when none is left).
    private func endOfRemaining() -> Int {
        var index = end
        while case let width = separatorWidth(endingAt: index), width > 0 { index -= width }
        return index
    }

    private func peekLast() -> Word? {
        let wordEnd = endOfRemaining()
        guard wordEnd > 0 else { return nil }
        var start = wordEnd
        while start > 0 && separatorWidth(endingAt: start) == 0 { start -= 1 }
        return bytes[start..<wordEnd]
    }

    private mutating func popLast() -> Word? {
        guard let word = peekLast() else { return nil }
        end = word.startIndex
        return word
    }

    private mutating func dropLast(if predicate: (Word) -> Bool) {
        if let last = peekLast(), predicate(last) { end = last.startIndex }
    }

    // MARK: Fields

    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// An ASCII letter, or the first byte of a character that may be one.
    private static func mayBeginALetter(_ byte: UInt8) -> Bool {
        byte >= 0x80 || lowercased(byte) >= 0x61 && lowercased(byte) <= 0x7A
    }

    /// `am`, `PM`, `a.m.`: two letters, any case, dots between.
    private static func isMeridiem(_ word: Word) -> Bool {
        var letters: (UInt8, UInt8, count: Int) = (0, 0, 0)
        for byte in word where byte != 0x2E {
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
    private static func isWord(_ word: Word, _ lower: StaticString) -> Bool {
        word.elementsEqual(UnsafeBufferPointer(start: lower.utf8Start, count: lower.utf8CodeUnitCount)) {
            $0 | 0x20 == $1
        }
    }

    /// A whole number as Swift reads one: an optional sign, then one or more ASCII digits;
    /// nil when it does not fit an `Int`.
    private static func integer(_ word: Word) -> Int? {
        var digits = word[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        // Accumulated below zero so that `Int.min` is read too.
        var value = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            let (tens, overTens) = value.multipliedReportingOverflow(by: 10)
            let (next, overNext) = tens.subtractingReportingOverflow(Int(byte - 0x30))
            guard !overTens && !overNext else { return nil }
            value = next
        }
        if negative { return value }
        let (positive, over) = (0).subtractingReportingOverflow(value)
        return over ? nil : positive
    }

    /// A number of ASCII digits only.
    private static func digits(_ word: Word) -> Int? {
        guard !word.isEmpty, word.allSatisfy(isDigit) else { return nil }
        return integer(word)
    }

    private static func clockTime(_ word: Word, meridiem: Word?) -> (Int, Int, Int)? {
        let parts = word.split(maxSplits: 3, omittingEmptySubsequences: false) { $0 == 0x3A || $0 == 0x2E }
        guard parts.count == 2 || parts.count == 3, parts[1].count == 2,
            let hour = integer(parts[0]), let minute = integer(parts[1]), parts[0].count <= 2
        else { return nil }
        let second = parts.count == 3 ? integer(parts[2]) : 0
        guard let second else { return nil }
        guard let meridiem else { return (hour, minute, second) }
        guard (1...12).contains(hour) else { return nil }
        let isMorning = meridiem.first.map { $0 | 0x20 } == 0x61
        return (isMorning ? hour % 12 : hour % 12 + 12, minute, second)
    }

    private static func isoDate(_ word: Word) -> (Int, Int, Int)? {
        // `2014-10-28` is ten bytes with a dash fifth: most date words are not, and say so at once.
        guard word.count == 10, word.dropFirst(4).first == 0x2D else { return nil }
        let parts = word.split(separator: 0x2D, maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = integer(parts[0]), let m = integer(parts[1]), let d = integer(parts[2])
        else { return nil }
        return (y, m, d)
    }

    /// The word without trailing commas and full stops.
    private static func trimmed(_ word: Word) -> Word {
        var word = word
        while let last = word.last, last == 0x2C || last == 0x2E { word = word.dropLast() }
        return word
    }

    /// `28`, `28,`, `28th`, `1st,`.
    private static func dayNumber(_ word: Word) -> Int? {
        var core = trimmed(word)
        if core.count >= 2 {
            let pair = (core[core.endIndex - 2] | 0x20, core[core.endIndex - 1] | 0x20)
            if pair == (0x73, 0x74) || pair == (0x6E, 0x64) || pair == (0x72, 0x64) || pair == (0x74, 0x68) {
                core = core.dropLast(2)
            }
        }
        guard core.count <= 2 else { return nil }
        return digits(core)
    }
}
