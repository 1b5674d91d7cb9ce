/// A terminal colour as a theme names it; the backend picks the nearest the terminal has.
public enum Color: Hashable, Sendable {
    /// The terminal's own default foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0-7 normal, 8-15 bright).
    case ansi(UInt8)
    /// One of the 256 indexed colours.
    case indexed(UInt8)
    /// A direct 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes independent of colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let italic = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let reverse = TextAttributes(rawValue: 1 << 4)
}

/// How a cell looks: colours and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(
        foreground: Color = .terminalDefault, background: Color = .terminalDefault, attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
}

extension Style {
    /// `fg=#5fafff bg=default bold reverse`, for style dumps.
    var legendDescription: String {
        var parts = ["fg=\(foreground.legendDescription)", "bg=\(background.legendDescription)"]
        let names: [(TextAttributes, String)] = [
            (.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse"),
        ]
        parts += names.filter { attributes.contains($0.0) }.map(\.1)
        return parts.joined(separator: " ")
    }
}

extension Color {
    var legendDescription: String {
        switch self {
        case .terminalDefault: return "default"
        case .ansi(let n): return "ansi\(n)"
        case .indexed(let n): return "\(n)"
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        }
    }
}
