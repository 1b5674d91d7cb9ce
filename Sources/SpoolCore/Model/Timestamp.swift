/// A calendar date and wall-clock time as a discussion states it.
///
/// Web pages give local times with no zone, so the offset is optional; a timestamp without
/// one is "floating" and is ordered and aged as if it were UTC.
public struct Timestamp: Hashable, Comparable, Sendable {
    // Stored compactly (12 bytes instead of 57): an archive holds one per message. Values
    // out of a field's range are clamped, which keeps them out of range for `isValid`.
    private var storedYear: Int32
    private var storedMonth: Int8
    private var storedDay: Int8
    private var storedHour: Int8
    private var storedMinute: Int8
    private var storedSecond: Int8
    private var storedOffset: Int16?

    public var year: Int {
        get { Int(storedYear) }
        set { storedYear = Int32(clamping: newValue) }
    }
    public var month: Int {
        get { Int(storedMonth) }
        set { storedMonth = Int8(clamping: newValue) }
    }
    public var day: Int {
        get { Int(storedDay) }
        set { storedDay = Int8(clamping: newValue) }
    }
    public var hour: Int {
        get { Int(storedHour) }
        set { storedHour = Int8(clamping: newValue) }
    }
    public var minute: Int {
        get { Int(storedMinute) }
        set { storedMinute = Int8(clamping: newValue) }
    }
    public var second: Int {
        get { Int(storedSecond) }
        set { storedSecond = Int8(clamping: newValue) }
    }
    /// Minutes east of UTC, or nil for a floating local time.
    public var utcOffsetMinutes: Int? {
        get { storedOffset.map(Int.init) }
        set { storedOffset = newValue.map { Int16(clamping: $0) } }
    }

    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        utcOffsetMinutes: Int? = nil
    ) {
        storedYear = Int32(clamping: year)
        storedMonth = Int8(clamping: month)
        storedDay = Int8(clamping: day)
        storedHour = Int8(clamping: hour)
        storedMinute = Int8(clamping: minute)
        storedSecond = Int8(clamping: second)
        storedOffset = utcOffsetMinutes.map { Int16(clamping: $0) }
    }

    /// Whether the fields name a real calendar moment (month 1-12, day within the month, …).
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Timestamp.daysIn(month: month, year: year)
            && (0...23).contains(hour) && (0...59).contains(minute) && (0...60).contains(second)
    }

    /// ISO 8601 text: `2014-10-29T00:02`, with seconds only when non-zero and the offset
    /// (`Z`, `+01:00`) only when known.
    public var iso8601: String {
        let offset = utcOffsetMinutes
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day), (0...99).contains(hour),
            (0...99).contains(minute), (0...99).contains(second), abs(offset ?? 0) < 100 * 60
        else { return paddedISO8601 }
        // The usual case, written as bytes into one string (every key of a web page's
        // comments hashes one).
        return String(unsafeUninitializedCapacity: 25) { buffer in
            var count = 0
            func put(_ value: Int, width: Int = 2) {
                var rest = value
                for place in (0..<width).reversed() {
                    buffer[count + place] = UInt8(0x30 + rest % 10)
                    rest /= 10
                }
                count += width
            }
            func put(_ mark: Unicode.Scalar) {
                buffer[count] = UInt8(ascii: mark)
                count += 1
            }
            put(year, width: 4)
            put("-")
            put(month)
            put("-")
            put(day)
            put("T")
            put(hour)
            put(":")
            put(minute)
            if second != 0 {
                put(":")
                put(second)
            }
            if let offset {
                if offset == 0 {
                    put("Z")
                } else {
                    put(offset < 0 ? "-" : "+")
                    put(abs(offset) / 60)
                    put(":")
                    put(abs(offset) % 60)
                }
            }
            return count
        }
    }

    /// The same, any field out of its usual range written as its number.
    private var paddedISO8601: String {
        var text = "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute))"
        if second != 0 { text += ":\(pad(second))" }
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                text += "Z"
            } else {
                let sign = offset < 0 ? "-" : "+"
                text += "\(sign)\(pad(abs(offset) / 60)):\(pad(abs(offset) % 60))"
            }
        }
        return text
    }

    /// Seconds since 1970-01-01T00:00Z (floating times count as UTC).
    public var secondsSinceEpoch: Int64 {
        let days = Int64(Timestamp.daysFromCivil(year: year, month: month, day: day))
        let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return local - Int64((utcOffsetMinutes ?? 0) * 60)
    }

    /// The UTC timestamp of a number of seconds since the epoch.
    public init(secondsSinceEpoch seconds: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        let (y, m, d) = Timestamp.civilFromDays(Int(days))
        self.init(
            year: y, month: m, day: d, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60,
            utcOffsetMinutes: 0)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// Days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil: days since 1970-01-01.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

private func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
