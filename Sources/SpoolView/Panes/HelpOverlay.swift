import SpoolReader
import SpoolScreen

/// A box over the reader that lists the live key bindings, made from the ``KeyMap``.
struct HelpOverlay {
    let theme: Theme

    /// The overlay's lines: keys, padded, then what they do.
    static func lines(for keyMap: KeyMap) -> [(keys: String, summary: String)] {
        Action.allCases.compactMap { action in
            let keys = keyMap.keys(for: action).map(KeyNotation.name(of:))
            return keys.isEmpty ? nil : (keys.joined(separator: " "), action.summary)
        }
    }

    func render(_ keyMap: KeyMap, scroll: Int, on screen: inout Screen) {
        let entries = HelpOverlay.lines(for: keyMap)
        let width = min(screen.width, 78)
        let height = min(screen.height, entries.count + 3)
        guard width >= 4, height >= 3 else { return }
        let box = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(box, style: theme[.help])
        screen.put(" Keys  (j/k scroll, q or ? closes)", x: box.x + 1, y: box.y, style: theme[.helpTitle], clip: box)
        screen.placeCursor(x: box.x + 1, y: box.y)
        let inner = Rect(x: box.x + 2, y: box.y + 2, width: box.width - 3, height: box.height - 2)
        let keyColumn = min(18, inner.width / 3)
        let first = min(scroll, max(0, entries.count - inner.height))
        for (offset, entry) in entries.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + offset
            screen.put(
                entry.keys, x: inner.x, y: y, style: theme[.helpKey],
                clip: Rect(x: inner.x, y: y, width: keyColumn, height: 1))
            screen.put(entry.summary, x: inner.x + keyColumn + 1, y: y, style: theme[.help], clip: inner)
        }
    }
}
