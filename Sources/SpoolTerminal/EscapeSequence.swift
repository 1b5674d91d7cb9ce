import SpoolScreen

/// What follows an Esc that curses did not decode itself: a key it names, Alt with a key,
/// or a sequence Spool does not know, which is swallowed whole so that no part of it acts
/// as a key (`Esc [ 9 9 ~` is never `[`, `9`, `9`, `~`).
enum EscapeSequence: Equatable {
    case key(Key)
    /// Read, and to be ignored.
    case swallowed

    /// Whether `following` (the characters after Esc) is complete: a lone Esc, Alt with one
    /// key, an SS3 sequence of one more character, or a CSI sequence up to its final byte
    /// (an X10 mouse report, `Esc [ M`, carries three more bytes).
    static func isComplete(_ following: [UInt32]) -> Bool {
        guard let first = following.first else { return false }
        switch first {
        case 0x5B:  // [
            guard following.count >= 2 else { return false }
            if following[1] == 0x4D { return following.count >= 5 }  // Esc [ M b x y
            return (0x40...0x7E).contains(following[following.count - 1]) && following.count >= 2
        case 0x4F: return following.count >= 2  // O
        default: return true
        }
    }

    /// The key `following` names.
    static func decode(_ following: [UInt32]) -> EscapeSequence {
        guard let first = following.first else { return .key(.escape) }
        switch first {
        case 0x5B: return csi(Array(following.dropFirst()))
        case 0x4F: return ss3(following.count > 1 ? following[1] : 0)
        case 0x1B: return .swallowed
        default:
            guard following.count == 1, first >= 0x20, first != 0x7F, let scalar = Unicode.Scalar(first) else {
                return .swallowed
            }
            return .key(.meta(Character(scalar)))
        }
    }

    /// `Esc [ …`: arrows, Home, End, Page Up and Down, Shift-Tab in their common forms.
    private static func csi(_ body: [UInt32]) -> EscapeSequence {
        guard let final = body.last, (0x40...0x7E).contains(final), body.first != 0x4D else { return .swallowed }
        let parameters = String(String.UnicodeScalarView(body.dropLast().compactMap(Unicode.Scalar.init)))
        switch (Unicode.Scalar(final).map(Character.init), parameters) {
        case ("A", ""), ("A", "1"): return .key(.up)
        case ("B", ""), ("B", "1"): return .key(.down)
        case ("C", ""), ("C", "1"): return .key(.right)
        case ("D", ""), ("D", "1"): return .key(.left)
        case ("H", ""), ("H", "1"), ("~", "1"), ("~", "7"): return .key(.home)
        case ("F", ""), ("F", "1"), ("~", "4"), ("~", "8"): return .key(.end)
        case ("~", "5"): return .key(.pageUp)
        case ("~", "6"): return .key(.pageDown)
        case ("~", "2"): return .key(.insert)
        case ("~", "3"): return .key(.delete)
        case ("~", let number) where functionKeyCodes[number] != nil: return .key(.function(functionKeyCodes[number]!))
        case ("Z", ""): return .key(.backTab)
        default: return .swallowed
        }
    }

    /// `Esc O x`: the application-mode arrows, Home and End.
    private static func ss3(_ code: UInt32) -> EscapeSequence {
        switch Unicode.Scalar(code).map(Character.init) {
        case "A": return .key(.up)
        case "B": return .key(.down)
        case "C": return .key(.right)
        case "D": return .key(.left)
        case "H": return .key(.home)
        case "F": return .key(.end)
        case "P": return .key(.function(1))
        case "Q": return .key(.function(2))
        case "R": return .key(.function(3))
        case "S": return .key(.function(4))
        default: return .swallowed
        }
    }

    /// `Esc [ N ~` numbers of F1–F12 (xterm, VT220, rxvt, tmux).
    private static let functionKeyCodes: [String: Int] = [
        "11": 1, "12": 2, "13": 3, "14": 4, "15": 5, "17": 6, "18": 7, "19": 8, "20": 9, "21": 10, "23": 11, "24": 12,
    ]
}
