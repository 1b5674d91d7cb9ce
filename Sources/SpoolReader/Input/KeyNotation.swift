import SpoolScreen

/// The key notation shared by `spool render --keys`, `--keys` and tests.
///
/// Literal characters stand for themselves (a space is `<Space>`), and named keys are
/// written in angle brackets: `<Enter> <Tab> <S-Tab> <Space> <Esc> <Up> <Down> <Left>
/// <Right> <PgUp> <PgDn> <Home> <End> <BS> <C-d> <M-x>`, `<resize:80x24>` and mouse events
/// `<click:COL,ROW>`, `<wheelup:COL,ROW>`, `<wheeldown:COL,ROW>` (0-based cells). A `<` that does
/// not start a name is itself; `<lt>` is an explicit `<`.
public enum KeyNotation {
    /// A notation that names no key.
    public struct ParseError: Error, Equatable, CustomStringConvertible, Sendable {
        public let column: Int
        public let text: String

        public init(column: Int, text: String) {
            self.column = column
            self.text = text
        }
        public var description: String {
            "unknown key \(text) at column \(column); use one of \(KeyNotation.names.keys.sorted().map { "<\($0)>" }.joined(separator: " ")), <C-x> or <resize:COLSxROWS>"
        }
    }

    static let names: [String: Key] = [
        "Enter": .enter, "CR": .enter, "Return": .enter, "Tab": .tab, "S-Tab": .backTab, "Space": .character(" "),
        "Esc": .escape, "Up": .up, "Down": .down, "Left": .left, "Right": .right, "PgUp": .pageUp,
        "PgDn": .pageDown, "Home": .home, "End": .end, "BS": .backspace, "lt": .character("<"),
        "Ins": .insert, "Insert": .insert, "Del": .delete, "Delete": .delete,
        "F1": .function(1), "F2": .function(2), "F3": .function(3), "F4": .function(4), "F5": .function(5),
        "F6": .function(6), "F7": .function(7), "F8": .function(8), "F9": .function(9), "F10": .function(10),
        "F11": .function(11), "F12": .function(12),
    ]

    /// The keys that `text` names, in order.
    public static func parse(_ text: String) throws -> [Key] {
        var keys: [Key] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "<", let close = characters[index...].firstIndex(of: ">"), close > index + 1 {
                let name = String(characters[(index + 1)..<close])
                if let key = try named(name, column: index + 1) {
                    keys.append(key)
                    index = close + 1
                    continue
                }
            }
            keys.append(character == "\n" || character == "\r" ? .enter : .character(character))
            index += 1
        }
        return keys
    }

    private static func named(_ name: String, column: Int) throws -> Key? {
        if let key = names[name] { return key }
        if name.hasPrefix("C-"), name.count == 3, let letter = name.last, letter.isLetter {
            return .control(Character(letter.lowercased()))
        }
        if name.hasPrefix("M-"), name.count == 3, let character = name.last {
            return .meta(character)
        }
        for button in [MouseButton.click, .wheelUp, .wheelDown] where name.hasPrefix(button.rawValue + ":") {
            let place = name.dropFirst(button.rawValue.count + 1).split(separator: ",")
            guard place.count == 2, let column = Int(place[0]), let row = Int(place[1]), column >= 0, row >= 0 else {
                throw ParseError(column: column, text: "<\(name)>")
            }
            return .mouse(button, column: column, row: row)
        }
        if name.hasPrefix("resize:") {
            let size = name.dropFirst(7).split(separator: "x")
            guard size.count == 2, let columns = Int(size[0]), let rows = Int(size[1]), columns >= 0, rows >= 0 else {
                throw ParseError(column: column, text: "<\(name)>")
            }
            return .resize(columns: columns, rows: rows)
        }
        // Something in brackets that looks like a key name but is none is an error;
        // anything else (`<3`, `a < b`) is literal text.
        if name.first?.isUppercase == true || name.contains("-"), !name.contains(" ") {
            throw ParseError(column: column, text: "<\(name)>")
        }
        return nil
    }

    /// The key as the notation writes it (`j`, `<Down>`, `<C-n>`), which ``parse(_:)`` reads
    /// back: what a config's `[keys]` table takes.
    public static func notation(of key: Key) -> String {
        if case .character(let character) = key, character != " " { return String(character) }
        return "<\(name(of: key))>"
    }

    /// The notation of one key, as the help overlay shows it.
    public static func name(of key: Key) -> String {
        switch key {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "C-\(c)"
        case .meta(let c): return "M-\(c)"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .escape: return "Esc"
        case .backspace: return "BS"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .insert: return "Ins"
        case .delete: return "Del"
        case .function(let number): return "F\(number)"
        case .resize(let columns, let rows): return "resize:\(columns)x\(rows)"
        case .mouse(let button, let column, let row): return "\(button.rawValue):\(column),\(row)"
        }
    }
}
