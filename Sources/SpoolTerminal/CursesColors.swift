import CNCursesW
import SpoolView

/// Turns ``Style``s into ncurses attributes and colour pairs, downgrading colours to what
/// the terminal has (256, 16 or 8 colours, or none).
struct CursesColors {
    private let colorCount: Int
    private let pairLimit: Int
    private var pairs: [PairKey: Int16] = [:]

    private struct PairKey: Hashable {
        let foreground: Int16
        let background: Int16
    }

    /// `useColour` false (`NO_COLOR`, or a terminal without colours) gives attributes only.
    init(useColour: Bool) {
        if useColour && has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(spool_colors())
            pairLimit = Int(spool_color_pairs())
        } else {
            colorCount = 0
            pairLimit = 0
        }
    }

    /// The attributes and pair number for `style`.
    mutating func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = attr_t(0)
        if style.attributes.contains(.bold) { attributes |= spool_a_bold() }
        if style.attributes.contains(.dim) { attributes |= spool_a_dim() }
        if style.attributes.contains(.italic) { attributes |= spool_a_italic() }
        if style.attributes.contains(.underline) { attributes |= spool_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= spool_a_reverse() }
        guard colorCount >= 8 else { return (attributes, 0) }
        let (fg, brighten) = terminalColor(style.foreground)
        let (bg, _) = terminalColor(style.background)
        if brighten { attributes |= spool_a_bold() }
        return (attributes, pair(PairKey(foreground: fg, background: bg)))
    }

    private mutating func pair(_ key: PairKey) -> Int16 {
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let known = pairs[key] { return known }
        let number = pairs.count + 1
        guard number < min(pairLimit, Int(Int16.max)), init_pair(Int16(number), key.foreground, key.background) != ERR else {
            return 0
        }
        pairs[key] = Int16(number)
        return Int16(number)
    }

    /// The terminal's colour number for `color`, and whether bold must stand in for "bright".
    private func terminalColor(_ color: Color) -> (Int16, Bool) {
        switch color {
        case .terminalDefault:
            return (-1, false)
        case .ansi(let n):
            if Int(n) < colorCount { return (Int16(n), false) }
            return (Int16(n % 8), n >= 8)
        case .indexed(let n):
            if Int(n) < colorCount { return (Int16(n), false) }
            return terminalColor(.ansi(ColorMath.nearestANSI(toIndexed: n)))
        case .rgb(let r, let g, let b):
            if colorCount >= 256 { return (Int16(ColorMath.nearestIndexed(r, g, b)), false) }
            return terminalColor(.ansi(ColorMath.nearestANSI(r, g, b)))
        }
    }
}

/// Nearest-colour arithmetic for downgrading.
enum ColorMath {
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func rgb(ofIndexed n: UInt8) -> (Int, Int, Int) {
        if n < 16 { return ansiRGB[Int(n)] }
        if n >= 232 {
            let level = 8 + 10 * (Int(n) - 232)
            return (level, level, level)
        }
        let i = Int(n) - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[i / 36], steps[i / 6 % 6], steps[i % 6])
    }

    static func nearestIndexed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        var best = 16
        var bestDistance = Int.max
        for n in 16...255 {
            let c = rgb(ofIndexed: UInt8(n))
            let d = square(c.0 - Int(r)) + square(c.1 - Int(g)) + square(c.2 - Int(b))
            if d < bestDistance {
                bestDistance = d
                best = n
            }
        }
        return UInt8(best)
    }

    static func nearestANSI(toIndexed n: UInt8) -> UInt8 {
        let c = rgb(ofIndexed: n)
        return nearestANSI(UInt8(c.0), UInt8(c.1), UInt8(c.2))
    }

    static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for (n, c) in ansiRGB.enumerated() {
            let d = square(c.0 - Int(r)) + square(c.1 - Int(g)) + square(c.2 - Int(b))
            if d < bestDistance {
                bestDistance = d
                best = n
            }
        }
        return UInt8(best)
    }

    private static func square(_ x: Int) -> Int { x * x }
}
