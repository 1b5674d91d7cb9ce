import SpoolCore

/// Header values read straight from bytes, for the common well-formed case; anything
/// unusual returns nil and the String parsers (``MailDate``, ``MessageIDs``) decide.
enum MailHeaderBytes {
    /// Every `<…>` token of a References or In-Reply-To value, in order, as
    /// ``MessageIDs/all(in:)`` reads them; nil when the value needs that parser (no
    /// angle brackets, or bytes outside printable ASCII).
    static func messageIDs(_ value: UnsafeRawBufferPointer) -> [String]? {
        var ids: [String] = []
        return forEachToken(value, { ids.append(String(decoding: $0, as: UTF8.self)) }) ? ids : nil
    }

    /// The bytes of the first id ``messageIDs(_:)`` finds (within `value`), without listing
    /// the others; nil when the value needs the string parser.
    static func firstMessageID(_ value: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        var first: UnsafeRawBufferPointer?
        guard forEachToken(value, { if first == nil { first = $0 } }), let first else { return nil }
        return first
    }

    /// Appends the hashes (``MessageIDHash``) of the ids ``messageIDs(_:)`` finds to
    /// `hashes`, without making strings of them; false, with `hashes` as it was, when the
    /// value needs the string parser.
    static func appendMessageIDHashes(_ value: UnsafeRawBufferPointer, to hashes: inout [UInt64]) -> Bool {
        let start = hashes.count
        if forEachToken(value, { hashes.append(MessageIDHash.of($0)) }) { return true }
        hashes.removeSubrange(start...)
        return false
    }

    /// The `<…>` tokens of the header lines of `header` (up to the blank line that ends
    /// them) by their ``MessageIDHash``, the first of each hash; a token folded over two
    /// lines, or on a line the string parser would read, is not among them.
    static func messageIDsByHash(inHeader header: UnsafeRawBufferPointer) -> [UInt64: String] {
        var ids: [UInt64: String] = [:]
        var start = 0
        while start < header.count {
            var end = start
            while end < header.count && header[end] != 0x0A { end += 1 }
            let line = UnsafeRawBufferPointer(rebasing: header[start..<end])
            if line.isEmpty || (line.count == 1 && line[0] == 0x0D) { break }
            _ = forEachToken(line) { token in
                let hash = MessageIDHash.of(token)
                if ids[hash] == nil { ids[hash] = String(decoding: token, as: UTF8.self) }
            }
            start = end + 1
        }
        return ids
    }

    /// Calls `visit` with each token in order; false when there is none or the value needs
    /// the string parser (tokens visited by then are to be dropped). The bytes are looked at
    /// eight at a time for the next `<` (then `>` or a space), or a byte past ASCII.
    private static func forEachToken(_ value: UnsafeRawBufferPointer, _ visit: (UnsafeRawBufferPointer) -> Void)
        -> Bool
    {
        var found = false
        var index = 0
        while true {
            index = ByteWords.next(in: value, from: index) { ByteWords.high($0) | ByteWords.bytes($0, equalTo: 0x3C) }
            guard index < value.count else { break }
            guard value[index] < 0x80 else { return false }
            var close = index + 1
            var hasSpace = false
            while true {
                close = ByteWords.next(in: value, from: close) { word in
                    ByteWords.high(word) | ByteWords.bytes(word, equalTo: 0x3E) | ByteWords.bytes(word, equalTo: 0x20)
                }
                guard close < value.count, value[close] != UInt8(ascii: ">") else { break }
                guard value[close] < 0x80 else { return false }
                hasSpace = true
                close += 1
            }
            guard close < value.count else { break }
            if close - index > 1 && !hasSpace {
                visit(UnsafeRawBufferPointer(rebasing: value[index...close]))
                found = true
            }
            index = close + 1
        }
        return found
    }

    /// Whether `value` is printable ASCII and tabs without an encoded word (`=?`): a value
    /// whose bytes are its characters and which RFC 2047 decoding leaves as it is.
    static func isPlainText(_ value: UnsafeRawBufferPointer) -> Bool {
        var previous: UInt8 = 0
        for byte in value {
            guard (byte >= 0x20 && byte < 0x7F) || byte == 0x09 else { return false }
            if byte == UInt8(ascii: "?") && previous == UInt8(ascii: "=") { return false }
            previous = byte
        }
        return true
    }

    /// A plain value (``isPlainText(_:)``) as text, without white space at either end: what
    /// decoding its text would give; nil for any other value.
    static func plainText(_ value: UnsafeRawBufferPointer) -> String? {
        guard isPlainText(value) else { return nil }
        var (start, end) = (0, value.count)
        while start < end && (value[start] == 0x20 || value[start] == 0x09) { start += 1 }
        while end > start && (value[end - 1] == 0x20 || value[end - 1] == 0x09) { end -= 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: value[start..<end]), as: UTF8.self)
    }

    /// An RFC 5322 date, `[Sat, ]5 Jan 2019 19:13:12 -0400` (seconds optional, a trailing
    /// comment allowed); nil for any other shape.
    static func date(_ value: UnsafeRawBufferPointer) -> Timestamp? {
        var index = 0
        func skipSpaces() { while index < value.count && (value[index] == 0x20 || value[index] == 0x09) { index += 1 } }
        func number(maxDigits: Int) -> (value: Int, digits: Int)? {
            var result = 0
            var digits = 0
            while index < value.count, digits < maxDigits, let digit = digitValue(value[index]) {
                result = result * 10 + digit
                digits += 1
                index += 1
            }
            return digits > 0 ? (result, digits) : nil
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < value.count, value[index] == byte else { return false }
            index += 1
            return true
        }
        skipSpaces()
        if index + 4 <= value.count, isLetter(value[index]), value[index + 3] == UInt8(ascii: ",") {
            index += 4
            skipSpaces()
        }
        guard let day = number(maxDigits: 2), expect(0x20) else { return nil }
        guard index + 4 <= value.count, let month = month(value[index], value[index + 1], value[index + 2]),
            value[index + 3] == 0x20
        else {
            return nil
        }
        index += 4
        guard let year = number(maxDigits: 4), year.digits == 4, expect(0x20) else { return nil }
        skipSpaces()
        guard let hour = number(maxDigits: 2), expect(UInt8(ascii: ":")), let minute = number(maxDigits: 2) else {
            return nil
        }
        var second = 0
        if expect(UInt8(ascii: ":")) {
            guard let s = number(maxDigits: 2) else { return nil }
            second = s.value
        }
        skipSpaces()
        guard index < value.count, value[index] == UInt8(ascii: "+") || value[index] == UInt8(ascii: "-") else {
            return nil
        }
        let sign = value[index] == UInt8(ascii: "-") ? -1 : 1
        index += 1
        guard let zone = number(maxDigits: 4), zone.digits == 4 else { return nil }
        skipSpaces()
        guard index == value.count || value[index] == UInt8(ascii: "(") else { return nil }
        let date = Timestamp(
            year: year.value, month: month, day: day.value, hour: hour.value, minute: minute.value, second: second,
            utcOffsetMinutes: sign * (zone.value / 100 * 60 + zone.value % 100))
        return date.isValid ? date : nil
    }

    private static func digitValue(_ byte: UInt8) -> Int? { byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static let months: [[UInt8]] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ].map { Array($0.utf8) }

    private static func month(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        let lower = (a | 0x20, b | 0x20, c | 0x20)
        for (index, name) in months.enumerated() where name[0] == lower.0 && name[1] == lower.1 && name[2] == lower.2 {
            return index + 1
        }
        return nil
    }
}
