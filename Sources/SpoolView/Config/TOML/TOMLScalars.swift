/// TOML numbers, dates and times, matched at a position as `tomllib`'s patterns match them:
/// the longest valid form is taken, and what follows is the caller's to judge.
enum TOMLScalars {
    // MARK: - Dates and times

    /// A date, date-time or time at `position` (which advances past it), kept as written;
    /// nil when none starts there. A date that is not in the calendar is an error.
    static func dateTime(in text: [Unicode.Scalar], at position: inout Int) throws -> String? {
        var index = position
        if let date = date(in: text, at: &index) {
            var end = index
            if index < text.count, text[index] == "T" || text[index] == "t" || text[index] == " " {
                var timeIndex = index + 1
                if time(in: text, at: &timeIndex) {
                    end = timeIndex
                    offset(in: text, at: &end)
                }
            }
            guard isInCalendar(year: date.year, month: date.month, day: date.day) else {
                throw TOMLError(line: line(of: position, in: text), message: "a date that is not in the calendar")
            }
            defer { position = end }
            return String(String.UnicodeScalarView(text[position..<end]))
        }
        index = position
        guard time(in: text, at: &index) else { return nil }
        defer { position = index }
        return String(String.UnicodeScalarView(text[position..<index]))
    }

    private static func date(in text: [Unicode.Scalar], at index: inout Int) -> (year: Int, month: Int, day: Int)? {
        var at = index
        guard let year = digits(text, &at, 4), literal(text, &at, "-"), let month = digits(text, &at, 2),
            (1...12).contains(month), literal(text, &at, "-"), let day = digits(text, &at, 2), (1...31).contains(day)
        else { return nil }
        index = at
        return (year, month, day)
    }

    /// `HH:MM:SS` with an optional fraction.
    private static func time(in text: [Unicode.Scalar], at index: inout Int) -> Bool {
        var at = index
        guard let hour = digits(text, &at, 2), hour < 24, literal(text, &at, ":"), let minute = digits(text, &at, 2),
            minute < 60, literal(text, &at, ":"), let second = digits(text, &at, 2), second < 60
        else { return false }
        if at + 1 < text.count, text[at] == ".", isDigit(text[at + 1]) {
            at += 1
            while at < text.count, isDigit(text[at]) { at += 1 }
        }
        index = at
        return true
    }

    /// `Z`, `z` or `±HH:MM`, when there.
    private static func offset(in text: [Unicode.Scalar], at index: inout Int) {
        guard index < text.count else { return }
        if text[index] == "Z" || text[index] == "z" {
            index += 1
            return
        }
        guard text[index] == "+" || text[index] == "-" else { return }
        var at = index + 1
        guard let hour = digits(text, &at, 2), hour < 24, literal(text, &at, ":"), let minute = digits(text, &at, 2),
            minute < 60
        else { return }
        index = at
    }

    private static func isInCalendar(year: Int, month: Int, day: Int) -> Bool {
        guard year >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    // MARK: - Numbers

    /// An integer or float at `position` (which advances past it); nil when none starts
    /// there; an error for an integer too large for 64 bits.
    static func number(in text: [Unicode.Scalar], at position: inout Int) throws -> TOMLValue? {
        var index = position
        if index + 1 < text.count, text[index] == "0", let radix = radix(of: text[index + 1]) {
            index += 2
            if let run = digitRun(text, &index, radix: radix) {
                guard let value = Int64(run, radix: radix) else {
                    throw TOMLError(line: line(of: position, in: text), message: "an integer too large for 64 bits")
                }
                position = index
                return .integer(value)
            }
            index = position
        }
        var sign = ""
        if index < text.count, text[index] == "+" || text[index] == "-" {
            sign = text[index] == "-" ? "-" : ""
            index += 1
        }
        guard index < text.count, isDigit(text[index]) else { return nil }
        var integer: String
        if text[index] == "0" {
            integer = "0"
            index += 1
        } else {
            guard let run = digitRun(text, &index, radix: 10) else { return nil }
            integer = run
        }
        var fraction = ""
        var mark = index
        if mark < text.count, text[mark] == "." {
            mark += 1
            if let run = digitRun(text, &mark, radix: 10) {
                fraction = "." + run
                index = mark
            }
        }
        var exponent = ""
        mark = index
        if mark < text.count, text[mark] == "e" || text[mark] == "E" {
            mark += 1
            var expSign = ""
            if mark < text.count, text[mark] == "+" || text[mark] == "-" {
                expSign = String(text[mark])
                mark += 1
            }
            if let run = digitRun(text, &mark, radix: 10) {
                exponent = "e" + expSign + run
                index = mark
            }
        }
        defer { position = index }
        if fraction.isEmpty && exponent.isEmpty {
            integer = sign + integer
            guard let value = Int64(integer) else {
                throw TOMLError(line: line(of: position, in: text), message: "an integer too large for 64 bits")
            }
            return .integer(value)
        }
        return .float(Double(sign + integer + fraction + exponent) ?? .nan)
    }

    private static func radix(of scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "x": return 16
        case "o": return 8
        case "b": return 2
        default: return nil
        }
    }

    /// Digits of `radix` with single underscores between them, without the underscores;
    /// nil unless it starts with a digit. Stops before an underscore not followed by a digit.
    private static func digitRun(_ text: [Unicode.Scalar], _ index: inout Int, radix: Int) -> String? {
        guard index < text.count, isDigit(text[index], radix: radix) else { return nil }
        var run = String(text[index])
        index += 1
        while index < text.count {
            if isDigit(text[index], radix: radix) {
                run.unicodeScalars.append(text[index])
                index += 1
            } else if text[index] == "_", index + 1 < text.count, isDigit(text[index + 1], radix: radix) {
                run.unicodeScalars.append(text[index + 1])
                index += 2
            } else {
                break
            }
        }
        return run
    }

    // MARK: - Pieces

    private static func isDigit(_ scalar: Unicode.Scalar, radix: Int = 10) -> Bool {
        switch radix {
        case 16: return ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
        case 8: return ("0"..."7").contains(scalar)
        case 2: return scalar == "0" || scalar == "1"
        default: return ("0"..."9").contains(scalar)
        }
    }

    private static func digits(_ text: [Unicode.Scalar], _ index: inout Int, _ count: Int) -> Int? {
        guard index + count <= text.count else { return nil }
        var value = 0
        for offset in 0..<count {
            guard isDigit(text[index + offset]) else { return nil }
            value = value * 10 + Int(text[index + offset].value - 48)
        }
        index += count
        return value
    }

    private static func literal(_ text: [Unicode.Scalar], _ index: inout Int, _ scalar: Unicode.Scalar) -> Bool {
        guard index < text.count, text[index] == scalar else { return false }
        index += 1
        return true
    }

    /// The 1-based line of `position`, for errors (counted only when there is one).
    static func line(of position: Int, in text: [Unicode.Scalar]) -> Int {
        text[..<min(position, text.count)].reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
    }
}
