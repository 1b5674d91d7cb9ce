import SpoolCore
import SpoolScreen

/// How dates are shown in tree rows.
public enum DateStyle: Equatable, Sendable {
    /// `12m`, `5h`, `3d`, `Oct 28`, `2014-10-28`.
    case relative
    /// `2014-10-28 11:24`.
    case absolute
    /// A strftime-like pattern: `%Y %m %d %H %M %S %b %e %y %%`.
    case custom(String)
}

/// Dates as the reader shows them.
public enum AgeText {
    /// A short age for tree rows: `12m`, `5h`, `3d` for recent dates, `Oct 28` within the
    /// year, else `2014-10-28`.
    public static func short(_ date: Timestamp, now: Timestamp) -> String {
        let seconds = now.secondsSinceEpoch - date.secondsSinceEpoch
        if seconds >= 0 && seconds < 3600 { return "\(seconds / 60)m" }
        if seconds >= 0 && seconds < 86_400 { return "\(seconds / 3600)h" }
        if seconds >= 0 && seconds < 30 * 86_400 { return "\(seconds / 86_400)d" }
        if seconds >= 0 && seconds < 330 * 86_400 { return "\(monthNames[date.month - 1]) \(date.day)" }
        return formatted(date, "%Y-%m-%d")
    }

    /// A date in `style`.
    public static func text(_ date: Timestamp, style: DateStyle, now: Timestamp) -> String {
        switch style {
        case .relative: return short(date, now: now)
        case .absolute: return absolute(date)
        case .custom(let pattern): return formatted(date, pattern)
        }
    }

    /// `pattern` with `%Y %y %m %d %e %H %M %S %b %%` replaced by the date's fields.
    public static func formatted(_ date: Timestamp, _ pattern: String) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var out = ""
        var escaping = false
        for character in pattern {
            guard escaping else {
                if character == "%" { escaping = true } else { out.append(character) }
                continue
            }
            escaping = false
            switch character {
            case "Y": out += String(date.year)
            case "y": out += two(date.year % 100)
            case "m": out += two(date.month)
            case "d": out += two(date.day)
            case "e": out += String(date.day)
            case "H": out += two(date.hour)
            case "M": out += two(date.minute)
            case "S": out += two(date.second)
            case "b": out += monthNames[date.month - 1]
            case "%": out += "%"
            default: out += "%" + String(character)
            }
        }
        return out
    }

    /// The full date for the article header: `2014-10-28 12:33`.
    public static func absolute(_ date: Timestamp) -> String {
        String(date.iso8601.map { $0 == "T" ? " " : $0 })
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
