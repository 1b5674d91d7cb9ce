import CNCursesW
import SpoolScreen

/// Turns ``Style``s into ncurses attributes and colour pairs, with colours downgraded by
/// ``ColorDowngrade`` to what the terminal has. Pairs are allocated on first use with the
/// extended-pair calls (so direct colour and more than 32,767 pairs work); when the terminal
/// runs out of pairs, further styles fall back to the default colours, never to an error.
struct CursesColors {
    let capability: ColorCapability
    private let pairLimit: Int
    private var pairs: [PairKey: Int32] = [:]
    /// Styles already turned into attributes: a theme has a few dozen, and a frame changes
    /// thousands of cells, so the palette is searched once a style, not once a cell.
    private var resolved: [Style: (attr_t, Int32)] = [:]

    private struct PairKey: Hashable {
        let foreground: Int32
        let background: Int32
    }

    /// `useColor` false (`NO_COLOR`, or a terminal without colours) gives attributes only.
    init(useColor: Bool) {
        if useColor && has_colors() {
            start_color()
            use_default_colors()
            capability = ColorCapability(colors: Int(spool_colors()))
            pairLimit = Int(spool_color_pairs())
        } else {
            capability = .none
            pairLimit = 0
        }
    }

    /// The attributes and pair number for `style`.
    mutating func attributes(for style: Style) -> (attr_t, Int32) {
        if let known = resolved[style] { return known }
        let result = resolve(style)
        resolved[style] = result
        return result
    }

    private mutating func resolve(_ style: Style) -> (attr_t, Int32) {
        var attributes = attr_t(0)
        if style.attributes.contains(.bold) { attributes |= spool_a_bold() }
        if style.attributes.contains(.dim) { attributes |= spool_a_dim() }
        if style.attributes.contains(.italic) { attributes |= spool_a_italic() }
        if style.attributes.contains(.underline) { attributes |= spool_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= spool_a_reverse() }
        guard let (fg, brighten) = ColorDowngrade.resolve(style.foreground, for: capability),
            let (bg, _) = ColorDowngrade.resolve(style.background, for: capability)
        else { return (attributes, 0) }
        if brighten { attributes |= spool_a_bold() }
        return (attributes, pair(PairKey(foreground: number(fg), background: number(bg))))
    }

    private func number(_ color: TerminalColor) -> Int32 {
        switch color {
        case .standard: return -1
        case .number(let n): return Int32(n)
        }
    }

    private mutating func pair(_ key: PairKey) -> Int32 {
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let known = pairs[key] { return known }
        let number = Int32(pairs.count + 1)
        guard Int(number) < pairLimit, init_extended_pair(number, key.foreground, key.background) != ERR else {
            return 0
        }
        pairs[key] = number
        return number
    }
}
