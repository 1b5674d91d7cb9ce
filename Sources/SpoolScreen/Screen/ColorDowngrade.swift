/// What colours a terminal can show.
public enum ColorCapability: Equatable, Sendable {
    /// 24-bit colour (a `*-direct` terminfo).
    case direct
    /// The 256 indexed colours.
    case indexed256
    /// The 16 ANSI colours.
    case ansi16
    /// The 8 basic colours; bright ones are shown as bold.
    case ansi8
    /// No colour (a monochrome terminal or `NO_COLOR`): attributes only.
    case none

    /// The capability of a terminal that reports `colors` colours.
    public init(colors: Int) {
        switch colors {
        case 16_777_216...: self = .direct
        case 256...: self = .indexed256
        case 16...: self = .ansi16
        case 8...: self = .ansi8
        default: self = .none
        }
    }
}

/// A colour as the terminal is asked for it.
public enum TerminalColor: Equatable, Sendable {
    /// The terminal's default (ncurses -1).
    case standard
    /// A colour number (0-255, or a packed 0xRRGGBB value on a direct-colour terminal).
    case number(Int)
}

/// Picks the nearest colour a terminal has for a theme colour.
public enum ColorDowngrade {
    /// The colour to ask for, and whether bold must stand in for a bright colour that an
    /// 8-colour terminal lacks; nil when the terminal has no colour at all.
    public static func resolve(_ color: Color, for capability: ColorCapability) -> (TerminalColor, brighten: Bool)? {
        guard capability != .none else { return nil }
        switch color {
        case .terminalDefault:
            return (.standard, false)
        case .ansi(let n):
            if capability == .ansi8 && n >= 8 { return (.number(Int(n) - 8), true) }
            return (.number(Int(n)), false)
        case .indexed(let n):
            switch capability {
            case .direct:
                let (r, g, b) = rgb(ofIndexed: n)
                return (.number(r << 16 | g << 8 | b), false)
            case .indexed256: return (.number(Int(n)), false)
            default: return resolve(.ansi(nearestANSI(toIndexed: n)), for: capability)
            }
        case .rgb(let r, let g, let b):
            switch capability {
            case .direct: return (.number(Int(r) << 16 | Int(g) << 8 | Int(b)), false)
            case .indexed256: return (.number(Int(nearestIndexed(r, g, b))), false)
            default: return resolve(.ansi(nearestANSI(r, g, b)), for: capability)
            }
        }
    }

    /// xterm's values for the 16 ANSI colours.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    /// The RGB value of an indexed colour (xterm's cube and grey ramp).
    public static func rgb(ofIndexed n: UInt8) -> (Int, Int, Int) {
        if n < 16 { return ansiRGB[Int(n)] }
        if n >= 232 {
            let level = 8 + 10 * (Int(n) - 232)
            return (level, level, level)
        }
        let i = Int(n) - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[i / 36], steps[i / 6 % 6], steps[i % 6])
    }

    /// The nearest of the 240 non-ANSI indexed colours.
    public static func nearestIndexed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        UInt8(
            (16...255).min {
                distance(rgb(ofIndexed: UInt8($0)), r, g, b) < distance(rgb(ofIndexed: UInt8($1)), r, g, b)
            }!)
    }

    public static func nearestANSI(toIndexed n: UInt8) -> UInt8 {
        if n < 16 { return n }
        let c = rgb(ofIndexed: n)
        return nearestANSI(UInt8(c.0), UInt8(c.1), UInt8(c.2))
    }

    public static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        UInt8((0..<16).min { distance(ansiRGB[$0], r, g, b) < distance(ansiRGB[$1], r, g, b) }!)
    }

    private static func distance(_ c: (Int, Int, Int), _ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let dr = c.0 - Int(r)
        let dg = c.1 - Int(g)
        let db = c.2 - Int(b)
        return dr * dr + dg * dg + db * db
    }
}
