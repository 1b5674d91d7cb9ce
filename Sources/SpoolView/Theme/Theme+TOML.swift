import SpoolReader
import SpoolScreen

/// Why a theme file was rejected: the file, the line where known, and the fix.
public typealias ThemeError = FileProblem

extension Theme {
    /// Parses a theme file's text. `file` is used in error messages only.
    ///
    /// ```toml
    /// name = "default"
    /// [palette]
    /// accent = "#5fafff"
    /// [roles]
    /// "tree.unread" = { fg = "accent", bold = true }
    /// ```
    /// Colours are names (`red`, `bright-black`, `default`), numbers 0-255, `#rrggbb` or a
    /// palette name. Attributes: `bold`, `dim`, `italic`, `underline`, `reverse`. A top-level
    /// `background` (and `foreground`) is given to every role that sets none, so a light
    /// theme paints its paper on a dark terminal instead of leaving its ink on black.
    ///
    /// - Throws: the first ``ThemeError``; ``parseKeepingValid(toml:file:)`` reports them all.
    public static func parse(toml text: String, file: String) throws -> Theme {
        let (theme, problems) = try parseKeepingValid(toml: text, file: file)
        if let first = problems.first { throw first }
        return theme
    }

    /// Parses a theme file's text, keeping every valid palette entry and role and reporting
    /// each one that is not (in file order), so one typo costs one role, not the theme.
    ///
    /// - Throws: ``ThemeError`` when the text is not TOML at all.
    public static func parseKeepingValid(toml text: String, file: String) throws -> (Theme, [ThemeError]) {
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(text)
        } catch let error as TOMLError {
            throw ThemeError(file: file, line: error.line, message: error.message)
        }
        let locate = { (key: String) in lineNumber(of: key, in: text) }
        var problems: [ThemeError] = []
        var palette: [String: Color] = [:]
        if let entries = table["palette"]?.table {
            for key in entries.keys {
                guard let value = entries[key]?.string, let color = ColorName.parse(value, palette: [:]) else {
                    problems.append(
                        ThemeError(
                            file: file, line: locate(key),
                            message: "palette colour \"\(key)\" is not a colour name, 0-255 or #rrggbb"))
                    continue
                }
                palette[key] = color
            }
        }
        var styles: [ThemeRole: Style] = [:]
        if let roles = table["roles"]?.table {
            for key in roles.keys {
                guard let role = ThemeRole(rawValue: key) else {
                    let nearest =
                        ThemeRole.allCases.map(\.rawValue).min { editDistance($0, key) < editDistance($1, key) } ?? ""
                    problems.append(
                        ThemeError(
                            file: file, line: locate(key),
                            message: "unknown role \"\(key)\"; did you mean \"\(nearest)\"?"))
                    continue
                }
                do {
                    styles[role] = try style(roles[key], key: key, palette: palette, file: file, line: { locate(key) })
                } catch let problem as ThemeError {
                    problems.append(problem)
                }
            }
        }
        var base = Style()
        for (key, isBackground) in [("background", true), ("foreground", false)] {
            guard let raw = table[key].map({ $0.string ?? $0.int.map(String.init) ?? "" }) else { continue }
            guard let color = ColorName.parse(raw, palette: palette) else {
                problems.append(
                    ThemeError(
                        file: file, line: locate(key),
                        message: "\(key) \"\(raw)\" is not a colour name, 0-255, #rrggbb or palette entry"))
                continue
            }
            if isBackground { base.background = color } else { base.foreground = color }
        }
        if base != Style() {
            for role in ThemeRole.allCases {
                var style = styles[role] ?? Style()
                if style.background == .terminalDefault { style.background = base.background }
                if style.foreground == .terminalDefault { style.foreground = base.foreground }
                styles[role] = style
            }
        }
        problems.sort { ($0.line ?? Int.max) < ($1.line ?? Int.max) }
        return (Theme(name: table["name"]?.string ?? file, styles: styles), problems)
    }

    private static func style(
        _ value: TOMLValue?, key: String, palette: [String: Color], file: String, line locate: () -> Int?
    ) throws -> Style {
        // The line is looked up only for an error: finding it means reading the text again.
        guard let entry = value?.table else {
            throw ThemeError(
                file: file, line: locate(),
                message: "role \"\(key)\" must be a table like { fg = \"red\", bold = true }")
        }
        var style = Style()
        for field in entry.keys {
            switch field {
            case "fg", "bg":
                let raw = entry[field]?.string ?? entry[field]?.int.map(String.init) ?? ""
                guard let color = ColorName.parse(raw, palette: palette) else {
                    throw ThemeError(
                        file: file, line: locate(),
                        message: "\"\(raw)\" in \(key).\(field) is not a colour name, 0-255, #rrggbb or palette entry")
                }
                if field == "fg" { style.foreground = color } else { style.background = color }
            default:
                guard let attribute = ColorName.attributes[field] else {
                    throw ThemeError(
                        file: file, line: locate(),
                        message:
                            "unknown field \"\(field)\" in \(key); use fg, bg, bold, dim, italic, underline or reverse")
                }
                if entry[field]?.bool == true { style.attributes.insert(attribute) }
            }
        }
        return style
    }

    private static func lineNumber(of key: String, in text: String) -> Int? {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("\"\(key)\"") || trimmed.hasPrefix(key + " ") || trimmed.hasPrefix(key + "=") {
                return number
            }
        }
        return nil
    }
}

/// Colour and attribute names used in theme files.
enum ColorName {
    static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    ]

    static let attributes: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "reverse": .reverse,
    ]

    static func parse(_ text: String, palette: [String: Color]) -> Color? {
        let name = text.lowercased()
        if name == "default" { return .terminalDefault }
        if let color = palette[text] { return color }
        if let index = names.firstIndex(of: name) { return .ansi(UInt8(index)) }
        if name.hasPrefix("bright-"), let index = names.firstIndex(of: String(name.dropFirst(7))) {
            return .ansi(UInt8(index + 8))
        }
        if let number = Int(name), (0...255).contains(number) { return .indexed(UInt8(number)) }
        if name.hasPrefix("#"), name.count == 7, let rgb = UInt32(name.dropFirst(), radix: 16) {
            return .rgb(UInt8(rgb >> 16), UInt8(rgb >> 8 & 0xFF), UInt8(rgb & 0xFF))
        }
        return nil
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
