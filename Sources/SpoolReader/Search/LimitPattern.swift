import SpoolCore

/// A limit pattern, parsed once for the whole limit: alternatives separated by `|`, each a
/// list of conditions that must all hold.
///
/// | Condition | Holds for a comment |
/// | --- | --- |
/// | `word`, `"two words"` | in the author, subject or text (smart case) |
/// | `author:NAME`, `from:NAME` | part of the author's name, any case (`author:"Ann Lee"`) |
/// | `subject:WORDS` | part of the subject, any case |
/// | `after:DATE`, `before:DATE` | written on or after, before the day (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) |
/// | `unread`, `new`, `read` | its state |
/// | `flagged`, `muted` | flagged with `F`; muted (by author or word) |
/// | `score:>N`, `score:<N`, `score:>=N`, `score:<=N`, `score:N` | its score (points), where the source gives one |
/// | `-condition`, `!condition` | the condition does not hold |
///
/// A value that cannot mean anything (`after:2014-13-45`, an unclosed quote, an empty
/// alternative) is an error that names it, never a word searched for.
public struct LimitPattern: Sendable, Equatable {
    let alternatives: [[LimitCondition]]

    /// The one-line reminder the limit prompt shows.
    public static let hint =
        "words  author: subject: before: after: score:>N  unread new flagged muted  -not  a | b  \"quoted words\""

    /// Parses `text`.
    public static func parse(_ text: String) throws(LimitPatternError) -> LimitPattern {
        var alternatives: [[LimitCondition]] = [[]]
        var tokens = LimitTokenizer(text)
        while let token = try tokens.next() {
            switch token {
            case .bar:
                guard !(alternatives.last ?? []).isEmpty else {
                    throw LimitPatternError("| needs a condition on each side")
                }
                alternatives.append([])
            case .condition(let negated, let key, let value):
                alternatives[alternatives.count - 1].append(
                    LimitCondition(negated: negated, test: try LimitTest(key: key, value: value)))
            }
        }
        if alternatives.count > 1, (alternatives.last ?? []).isEmpty {
            throw LimitPatternError("| needs a condition on each side")
        }
        return LimitPattern(alternatives: alternatives.filter { !$0.isEmpty })
    }

    /// Whether the pattern says nothing (an empty limit shows everything).
    public var isEmpty: Bool { alternatives.isEmpty }

    /// Whether a comment matches: `holds` answers each test for it.
    func matches(_ holds: (LimitTest) -> Bool) -> Bool {
        alternatives.contains { conditions in conditions.allSatisfy { holds($0.test) != $0.negated } }
    }
}

/// Why a limit pattern cannot be used, in words for the status line.
public struct LimitPatternError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// One condition of a limit, maybe negated.
struct LimitCondition: Sendable, Equatable {
    let negated: Bool
    let test: LimitTest
}

/// What a condition looks at.
enum LimitTest: Sendable, Equatable {
    case author(TextMatcher)
    case subject(TextMatcher)
    /// Author, subject or text, smart case.
    case text(TextMatcher)
    case unread, new, read, flagged, muted
    /// A score the source gives, compared with a number (a comment without one never holds).
    case score(ScoreComparison, Int)
    /// Written on or after the start of the day.
    case after(Timestamp)
    /// Written before the start of the day.
    case before(Timestamp)

    init(key: String?, value: String) throws(LimitPatternError) {
        guard let key else {
            switch value.lowercased() {
            case "unread": self = .unread
            case "new": self = .new
            case "read": self = .read
            case "flagged": self = .flagged
            case "muted": self = .muted
            default: self = .text(TextMatcher(value))
            }
            return
        }
        let anyCase = value.lowercased()
        switch key.lowercased() {
        case "author", "from":
            guard !value.isEmpty else { throw LimitPatternError("\(key): needs a name, as in author:Ann") }
            self = .author(TextMatcher(anyCase))
        case "subject":
            guard !value.isEmpty else { throw LimitPatternError("subject: needs words, as in subject:patch") }
            self = .subject(TextMatcher(anyCase))
        case "score", "points":
            let (comparison, number) = try ScoreComparison.parse(value, key: key)
            self = .score(comparison, number)
        case "after": self = .after(try LimitTest.day(value, key: key))
        case "before": self = .before(try LimitTest.day(value, key: key))
        default:
            // Not a key Spool knows (a URL's `https:`, a time like `10:30`): the whole word is text.
            self = .text(TextMatcher(key + ":" + value))
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the start of that day.
    static func day(_ value: String, key: String) throws(LimitPatternError) -> Timestamp {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Int($0) }
        let problem = LimitPatternError(
            "\(key):\(value) is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY), as in \(key):2014-10-28")
        guard (1...3).contains(parts.count), numbers.count == parts.count, parts[0].count == 4 else { throw problem }
        let year = numbers[0]
        let month = numbers.count > 1 ? numbers[1] : 1
        let day = numbers.count > 2 ? numbers[2] : 1
        guard (1...12).contains(month), (1...Timestamp.daysIn(month: month, year: year)).contains(day) else {
            throw problem
        }
        return Timestamp(year: year, month: month, day: day)
    }
}

/// How `score:` compares: `>N`, `<N`, `>=N`, `<=N`, or `N` for exactly.
enum ScoreComparison: Sendable, Equatable {
    case above, below, atLeast, atMost, exactly

    /// Whether `score` holds against `number`.
    func holds(_ score: Int, _ number: Int) -> Bool {
        switch self {
        case .above: return score > number
        case .below: return score < number
        case .atLeast: return score >= number
        case .atMost: return score <= number
        case .exactly: return score == number
        }
    }

    static func parse(_ value: String, key: String) throws(LimitPatternError) -> (ScoreComparison, Int) {
        let operators: [(String, ScoreComparison)] = [(">=", .atLeast), ("<=", .atMost), (">", .above), ("<", .below)]
        let (comparison, rest) =
            operators.first { value.hasPrefix($0.0) }.map { ($0.1, value.dropFirst($0.0.count)) } ?? (
                .exactly, value[...]
            )
        guard let number = Int(rest) else {
            throw LimitPatternError("\(key):\(value) is not a score; write \(key):>10, \(key):<0 or \(key):5")
        }
        return (comparison, number)
    }
}

/// Splits a pattern into conditions and bars, reading quotes (`\"` inside them is a quote).
struct LimitTokenizer {
    enum Token {
        case bar
        case condition(negated: Bool, key: String?, value: String)
    }

    private let characters: [Character]
    private var index = 0

    init(_ text: String) { characters = Array(text) }

    mutating func next() throws(LimitPatternError) -> Token? {
        while index < characters.count, characters[index] == " " { index += 1 }
        guard index < characters.count else { return nil }
        if characters[index] == "|" {
            index += 1
            return .bar
        }
        var negated = false
        if characters[index] == "-" || characters[index] == "!", index + 1 < characters.count,
            characters[index + 1] != " "
        {
            negated = true
            index += 1
        }
        var key: String?
        var value = ""
        while index < characters.count, characters[index] != " ", characters[index] != "|" {
            let character = characters[index]
            if character == "\"" {
                value += try quoted()
                continue
            }
            if character == ":", key == nil, !value.isEmpty, value.allSatisfy(\.isLetter) {
                key = value
                value = ""
                index += 1
                continue
            }
            // A no-break space (as patterns from older `f` held) is a space inside a word.
            value.append(character == "\u{A0}" ? " " : character)
            index += 1
        }
        if key == nil && value.isEmpty {
            throw LimitPatternError("a lone \(negated ? "-" : "") needs a condition after it")
        }
        return .condition(negated: negated, key: key, value: value)
    }

    private mutating func quoted() throws(LimitPatternError) -> String {
        let start = index
        index += 1
        var text = ""
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                text.append(characters[index + 1])
                index += 2
                continue
            }
            index += 1
            if character == "\"" { return text }
            text.append(character)
        }
        throw LimitPatternError("the quote opened at column \(start + 1) is not closed")
    }
}
