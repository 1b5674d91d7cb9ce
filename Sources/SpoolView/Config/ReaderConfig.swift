import SpoolReader
import SpoolScreen

/// Settings from `config.toml`: each is nil when the file leaves it to the default.
public struct ReaderConfig: Equatable, Sendable {
    public var theme: String?
    /// nil: choose by width; a value fixes the orientation.
    public var layout: Orientation??
    /// The tree's share of the screen, 0.2 to 0.8.
    public var split: Double?
    public var asciiTree: Bool?
    public var dateStyle: DateStyle?
    public var marksReadOnSelect: Bool?
    public var collapsesReadSubtrees: Bool?
    /// Mouse clicks and wheel (on unless `mouse = false`).
    public var mouse: Bool?
    /// The accessible plain mode.
    public var plain: Bool?
    /// `cursor = "visible"`: the terminal's cursor is shown on the selection.
    public var showsCursor: Bool?
    /// `wrap_width`: the longest article line (0: the pane's width).
    public var wrapWidth: Int?
    /// `group_by_subject`: "replies" (a `Re:` with no threading headers joins its subject's
    /// thread, the default), "all" (every root joins the first with its subject) or "off".
    public var groupBySubject: String?
    /// `oldest_first`: an archive's threads oldest first.
    public var oldestFirst: Bool?
    /// `resume`: open where the last visit left off.
    public var resumes: Bool?
    /// `collapse_seen`: fold every subtree with nothing new on opening.
    public var collapsesSeenSubtrees: Bool?
    /// `fold_quotes` and `fold_signatures`: long quotes and signatures open folded.
    public var foldsQuotes: Bool?
    public var foldsSignatures: Bool?
    /// `show_scores`: a comment's score (points) in its tree row where the source has one.
    public var showsScores: Bool?
    /// `mute`: authors whose comments show as one line (their replies stay).
    public var mutedAuthors: [String]?
    /// `mute_words`: words that mute a comment whose text holds them (any case).
    public var mutedWords: [String]?
    /// `news_articles`: how many of a news group's newest articles a news address reads.
    public var newsArticles: Int?
    /// `news_user` and `news_password`: the login news servers that ask for one get.
    public var newsUser: String?
    public var newsPassword: String?
    public var keyMap = KeyMap.standard

    public init() {}

    /// How many unknown settings are named one by one before the rest are counted.
    public static let maximumUnknownReported = 20
}

/// One problem in a config file: where, and what to do. The entry falls back to its default.
public typealias ConfigProblem = FileProblem

extension ReaderConfig {
    /// Parses a config file's text. Problems never stop the parse: each bad entry is
    /// reported and keeps its default.
    ///
    /// ```toml
    /// theme = "nord"
    /// layout = "side-by-side"      # auto, stacked, side-by-side
    /// split = 0.35
    /// tree = "ascii"               # unicode, ascii
    /// date = "absolute"            # relative, absolute, custom (with date_format)
    /// mark_read = "manual"         # on-select, manual
    /// [keys]
    /// next-comment = ["j", "<C-n>"]
    /// ```
    public static func parse(toml text: String, file: String) -> (ReaderConfig, [ConfigProblem]) {
        var config = ReaderConfig()
        var problems: [ConfigProblem] = []
        let lines = ConfigLines(text: text)
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(text)
        } catch let error as TOMLError {
            return (
                config,
                [
                    ConfigProblem(
                        file: file, line: error.line,
                        message: "\(error.message); the whole file is ignored until this is fixed")
                ]
            )
        } catch {
            return (config, [ConfigProblem(file: file, line: nil, message: "cannot be read as TOML")])
        }
        func problem(_ key: String, _ message: String, section: String? = nil) {
            problems.append(ConfigProblem(file: file, line: lines.line(of: key, in: section), message: message))
        }
        func string(_ key: String, oneOf choices: [String]) -> String? {
            guard let value = table[key] else { return nil }
            guard let text = value.string, choices.contains(text) else {
                problem(
                    key,
                    "\(key) must be one of \(choices.joined(separator: ", ")) (got \(value.debugDescription)); using the default"
                )
                return nil
            }
            return text
        }
        // Unknown settings in file order; past the first few, one line counts the rest (a
        // config of 40,000 unknown lines says so in a screenful).
        let unknown = table.keys.filter { !settingNames.contains($0) }
            .map { ($0, lines.line(of: $0, in: nil) ?? .max) }.sorted { $0.1 < $1.1 }
        for (key, _) in unknown.prefix(maximumUnknownReported) {
            problem(key, "unknown setting \"\(key)\"; did you mean \"\(nearest(key, in: settingNames))\"?")
        }
        if unknown.count > maximumUnknownReported {
            problems.append(
                ConfigProblem(
                    file: file, line: unknown[maximumUnknownReported].1,
                    message: "and \(unknown.count - maximumUnknownReported) more unknown settings; each is ignored"))
        }
        if let value = table["theme"] {
            if let name = value.string {
                config.theme = name
            } else {
                problem("theme", "theme must be a theme name in quotes")
            }
        }
        if let layout = string("layout", oneOf: ["auto", "stacked", "side-by-side"]) {
            config.layout = layout == "auto" ? .some(nil) : Orientation(rawValue: layout)
        }
        if let value = table["split"] {
            let number = value.double ?? value.int.map(Double.init)
            if let number, (0.2...0.8).contains(number) {
                config.split = number
            } else {
                problem("split", "split must be a number from 0.2 to 0.8 (the tree's share of the screen); using 0.4")
            }
        }
        if let tree = string("tree", oneOf: ["unicode", "ascii"]) { config.asciiTree = tree == "ascii" }
        if let date = string("date", oneOf: ["relative", "absolute", "custom"]) {
            switch date {
            case "relative": config.dateStyle = .relative
            case "absolute": config.dateStyle = .absolute
            default:
                if let format = table["date_format"]?.string, !format.isEmpty {
                    config.dateStyle = .custom(format)
                } else {
                    problem(
                        "date", "date = \"custom\" needs date_format, for example \"%Y-%m-%d %H:%M\"; using relative")
                }
            }
        }
        if let policy = string("mark_read", oneOf: ["on-select", "manual"]) {
            config.marksReadOnSelect = policy == "on-select"
        }
        if let value = table["collapse_read"] {
            if let flag = value.bool {
                config.collapsesReadSubtrees = flag
            } else {
                problem("collapse_read", "collapse_read must be true or false")
            }
        }
        if let value = table["plain"] {
            if let flag = value.bool { config.plain = flag } else { problem("plain", "plain must be true or false") }
        }
        if let cursor = string("cursor", oneOf: ["hidden", "visible"]) { config.showsCursor = cursor == "visible" }
        if let grouping = string("group_by_subject", oneOf: ["replies", "all", "off"]) {
            config.groupBySubject = grouping
        }
        if let value = table["resume"] {
            if let flag = value.bool {
                config.resumes = flag
            } else {
                problem("resume", "resume must be true or false")
            }
        }
        if let value = table["oldest_first"] {
            if let flag = value.bool {
                config.oldestFirst = flag
            } else {
                problem("oldest_first", "oldest_first must be true or false")
            }
        }
        if let value = table["wrap_width"] {
            if let width = value.int, width == 0 || (20...10_000).contains(width) {
                config.wrapWidth = Int(width)
            } else {
                problem(
                    "wrap_width",
                    "wrap_width must be a number of columns from 20 up, or 0 for the pane's width; using 100")
            }
        }
        for name in ["fold_quotes", "fold_signatures", "collapse_seen", "show_scores"] {
            guard let value = table[name] else { continue }
            if let flag = value.bool {
                switch name {
                case "fold_quotes": config.foldsQuotes = flag
                case "fold_signatures": config.foldsSignatures = flag
                case "show_scores": config.showsScores = flag
                default: config.collapsesSeenSubtrees = flag
                }
            } else {
                problem(name, "\(name) must be true or false")
            }
        }
        for name in ["mute", "mute_words"] {
            guard let value = table[name] else { continue }
            let texts = value.array?.compactMap(\.string)
            guard let texts, texts.count == value.array?.count,
                !texts.contains(where: { $0.allSatisfy(\.isWhitespace) })
            else {
                problem(name, "\(name) must be a list of names or words in quotes, like \(name) = [\"Ann\", \"Bob\"]")
                continue
            }
            if name == "mute" {
                config.mutedAuthors = texts
            } else {
                config.mutedWords = Array(texts.prefix(MuteList.maximumWords))
                if texts.count > MuteList.maximumWords {
                    problem(
                        name,
                        "mute_words lists \(texts.count) words; only the first \(MuteList.maximumWords) are muted; remove the rest"
                    )
                }
            }
        }
        if let value = table["news_articles"] {
            if let count = value.int, (1...1_000_000).contains(count) {
                config.newsArticles = Int(count)
            } else {
                problem("news_articles", "news_articles must be a number of articles from 1 up; using 1000")
            }
        }
        for name in ["news_user", "news_password"] {
            guard let value = table[name] else { continue }
            if let text = value.string {
                if name == "news_user" { config.newsUser = text } else { config.newsPassword = text }
            } else {
                problem(name, "\(name) must be text in quotes")
            }
        }
        if let value = table["mouse"] {
            if let flag = value.bool { config.mouse = flag } else { problem("mouse", "mouse must be true or false") }
        }
        if let keys = table["keys"] {
            if let keyTable = keys.table {
                config.keyMap = remap(keyTable, file: file, lines: lines, problems: &problems)
            } else {
                problem("keys", "keys must be a table: [keys] then lines like next-comment = [\"j\", \"<Down>\"]")
            }
        }
        return (config, problems)
    }

    /// The standard key map with the `[keys]` entries applied: an action listed there gets
    /// exactly the keys given (taking them from any other action); a key listed for two
    /// actions stays with the first, and the second is reported.
    private static func remap(_ table: TOMLTable, file: String, lines: ConfigLines, problems: inout [ConfigProblem])
        -> KeyMap
    {
        var bindings = KeyMap.standard.bindings
        var claimedBy: [Key: (action: Action, line: Int?)] = [:]
        let entries = table.keys.map { ($0, lines.line(of: $0, in: "keys")) }.sorted { ($0.1 ?? .max) < ($1.1 ?? .max) }
        for (name, line) in entries {
            guard let action = Action(rawValue: name) else {
                problems.append(
                    ConfigProblem(
                        file: file, line: line,
                        message:
                            "unknown action \"\(name)\"; did you mean \"\(nearest(name, in: Action.allCases.map(\.rawValue)))\"? (? in Spool lists them)"
                    ))
                continue
            }
            let texts = table[name]?.string.map { [$0] } ?? table[name]?.array?.compactMap { $0.string } ?? []
            guard !texts.isEmpty else {
                problems.append(
                    ConfigProblem(
                        file: file, line: line,
                        message: "\(name) needs a key or a list of keys, like [\"j\", \"<Down>\"]"))
                continue
            }
            var keys: [Key] = []
            for text in texts {
                do {
                    let parsed = try KeyNotation.parse(text)
                    guard parsed.count == 1 else {
                        problems.append(
                            ConfigProblem(
                                file: file, line: line,
                                message: "\"\(text)\" is \(parsed.count) keys; bind one key per entry"))
                        continue
                    }
                    if let owner = claimedBy[parsed[0]], owner.action != action {
                        problems.append(
                            ConfigProblem(
                                file: file, line: line,
                                message:
                                    "\(KeyNotation.name(of: parsed[0])) is already bound to \(owner.action.rawValue) (line \(owner.line.map(String.init) ?? "?")); it stays there"
                            ))
                        continue
                    }
                    keys.append(parsed[0])
                } catch let error as KeyNotation.ParseError {
                    problems.append(ConfigProblem(file: file, line: line, message: "\(name): \(error.description)"))
                } catch {}
            }
            guard !keys.isEmpty else { continue }
            bindings = bindings.filter { $0.value != action }
            for key in keys {
                bindings[key] = action
                claimedBy[key] = (action, line)
            }
        }
        keepWayOut(&bindings, file: file, line: lines.line(of: "keys", in: nil), problems: &problems)
        return KeyMap(bindings: bindings)
    }

    /// Whatever `[keys]` says, some key quits and some key lists the keys: when no key is
    /// left for `quit` or `help`, `q` or `?` gets it back, and the problem says whose it was.
    /// (Ctrl-C always ends the reader: it arrives as a signal, never as a key.)
    private static func keepWayOut(
        _ bindings: inout [Key: Action], file: String, line: Int?, problems: inout [ConfigProblem]
    ) {
        for (action, key) in [(Action.quit, Key.character("q")), (.help, .character("?"))]
        where !bindings.values.contains(action) {
            let previous = bindings[key].map { " (it was bound to \($0.rawValue))" } ?? ""
            bindings[key] = action
            problems.append(
                ConfigProblem(
                    file: file, line: line,
                    message:
                        "[keys] left no key for \(action.rawValue); \(KeyNotation.name(of: key)) does it\(previous)"))
        }
    }

    static func nearest(_ name: String, in names: [String]) -> String {
        names.min { editDistance($0, name) < editDistance($1, name) } ?? names.first ?? ""
    }
}

/// Line numbers of keys in a TOML text, by section, for messages. Indexed once, so
/// looking up every key of a 40,000-line file costs a pass, not a pass a key.
struct ConfigLines {
    private struct Place: Hashable {
        let section: String?
        let key: String
    }

    /// The first line of each key (section headers are keys of no section).
    private var lines: [Place: Int] = [:]

    init(text: String) {
        var section: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: " \t")
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: " \t")
                record(Place(section: nil, key: section ?? ""), index + 1)
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            record(Place(section: section, key: line[..<equals].trimmingCharacters(in: " \t\"")), index + 1)
        }
    }

    private mutating func record(_ place: Place, _ line: Int) {
        if lines[place] == nil { lines[place] = line }
    }

    func line(of key: String, in section: String?) -> Int? { lines[Place(section: section, key: key)] }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let isTrimmed: (Character) -> Bool = { set.contains($0) }
        guard let first = firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = lastIndex(where: { !isTrimmed($0) })!
        return String(self[first...last])
    }
}
