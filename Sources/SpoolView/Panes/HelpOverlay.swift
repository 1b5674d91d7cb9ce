import SpoolReader
import SpoolScreen

/// The key list (`?`) over the whole screen: the live bindings grouped by topic, each with
/// the action name `[keys]` in the config uses, then a legend of the tree's marks, the
/// mouse and the prompts. Text wraps at words to the screen's width; `/` filters it.
public struct HelpOverlay {
    let theme: Theme
    let glyphs: GlyphSet

    /// One line of the list: spans of text in a role each.
    struct Line: Equatable {
        var spans: [(text: String, role: ThemeRole, dim: Bool)]

        static func == (a: Line, b: Line) -> Bool {
            a.spans.map(\.text) == b.spans.map(\.text) && a.spans.map(\.role) == b.spans.map(\.role)
        }

        var text: String { spans.map(\.text).joined() }
    }

    /// The columns the keys take before the summaries.
    static func keyColumn(width: Int) -> Int { min(16, max(6, width / 4)) }

    /// Every line of the list for `keyMap` at `width` columns, keeping only entries that
    /// hold `filter` (any case) and the headings over them.
    static func lines(for keyMap: KeyMap, glyphs: GlyphSet, width: Int, filter: String = "") -> [Line] {
        let needle = filter.lowercased()
        let keep = { (texts: [String]) in needle.isEmpty || texts.contains { $0.lowercased().contains(needle) } }
        let keyWidth = keyColumn(width: width)
        let textWidth = max(8, width - keyWidth - 3)
        var out: [Line] = []
        for topic in ActionTopic.allCases {
            var entries: [Line] = []
            for action in Action.allCases where action.topic == topic {
                let keys = keyMap.keys(for: action).map(KeyNotation.name(of:)).joined(separator: " ")
                guard !keys.isEmpty, keep([keys, action.summary, action.rawValue, topic.rawValue]) else { continue }
                entries += entry(
                    keys: keys, summary: action.summary, name: action.rawValue, keyWidth: keyWidth, textWidth: textWidth
                )
            }
            guard !entries.isEmpty else { continue }
            out.append(Line(spans: [(" " + topic.rawValue, .helpTitle, false)]))
            out += entries
            out.append(Line(spans: []))
        }
        for (title, items) in legend(glyphs) {
            let kept = items.filter { keep([$0.0, $0.1, title]) }
            guard !kept.isEmpty else { continue }
            out.append(Line(spans: [(" " + title, .helpTitle, false)]))
            for (mark, meaning) in kept {
                out += entry(keys: mark, summary: meaning, name: nil, keyWidth: keyWidth, textWidth: textWidth)
            }
            out.append(Line(spans: []))
        }
        while out.last?.spans.isEmpty == true { out.removeLast() }
        return out
    }

    /// A key (or mark) and its meaning wrapped beside it (keys wider than their column get
    /// a line of their own); the action name follows the summary, dimmed, on its last line
    /// when it fits there.
    private static func entry(keys: String, summary: String, name: String?, keyWidth: Int, textWidth: Int) -> [Line] {
        let wrapped = WordWrap.lines(of: summary, width: textWidth)
        var lines: [Line] = []
        let keysFit = DisplayWidth.of(keys) < keyWidth
        if !keysFit { lines.append(Line(spans: [("  " + keys, .helpKey, false)])) }
        for (index, text) in wrapped.enumerated() {
            let keyText = index == 0 && keysFit ? keys : ""
            let pad = String(repeating: " ", count: keyWidth - DisplayWidth.of(keyText))
            lines.append(Line(spans: [("  " + keyText + pad, .helpKey, false), (text, .help, false)]))
        }
        if let name {
            let label = "[\(name)]"
            let last = DisplayWidth.of(wrapped.last ?? "")
            if last + 2 + DisplayWidth.of(label) <= textWidth, !lines.isEmpty {
                lines[lines.count - 1].spans.append(("  " + label, .help, true))
            } else {
                let indent = String(repeating: " ", count: keyWidth + 2)
                lines.append(Line(spans: [(indent + label, .help, true)]))
            }
        }
        return lines
    }

    /// What the marks in the tree, the mouse and the prompts mean.
    /// Also the spool(1) manual's legend.
    public static func legend(_ glyphs: GlyphSet) -> [(String, [(String, String)])] {
        [
            (
                "Marks in the tree",
                [
                    (glyphs.unread, "unread"),
                    (glyphs.new, "new since your last visit (and unread)"),
                    ("[+12, 3 unread]", "a folded row: how many replies it hides, and how many of those are unread"),
                    ("‹9›", "the depth, where the tree is too deep to draw every level"),
                    ("14/3", "after a thread's subject in an archive: 14 messages, 3 of them unread"),
                ]
            ),
            (
                "Mouse",
                [
                    ("click", "select a row; on its tree lines (or the selected row) fold or unfold it"),
                    ("click", "in the article: give it focus"),
                    ("wheel", "scroll the pane under the pointer; nothing is marked read"),
                ]
            ),
            (
                "Prompts (/ L |)",
                [
                    ("C-a C-e", "start, end of the line (Home, End)"),
                    ("C-b C-f", "a character left, right; M-b M-f a word"),
                    ("C-w C-u C-k", "erase the word before, all before, all after the caret"),
                    ("Up Down", "earlier entries of this prompt, kept across runs"),
                    ("Enter Esc", "submit, cancel; an empty / repeats the last search"),
                ]
            ),
        ]
    }

    func render(_ reader: Reader, help: HelpState, on screen: inout Screen) {
        let box = screen.bounds
        guard box.width >= 8, box.height >= 3 else { return }
        screen.fill(box, style: theme[.help])
        let lines = HelpOverlay.lines(
            for: reader.keyMap, glyphs: glyphs, width: box.width, filter: help.filter.text)
        let height = box.height - 2
        let first = min(help.scroll, max(0, lines.count - height))
        let more =
            lines.count > height ? "  lines \(first + 1)-\(min(lines.count, first + height)) of \(lines.count)" : ""
        let key = { (action: Action) in reader.keyMap.keys(for: action).first.map(KeyNotation.name(of:)) ?? "" }
        let closing = [key(.quit), key(.help)].filter { !$0.isEmpty }.joined(separator: " or ")
        let title =
            " Keys: \(key(.nextComment))/\(key(.previousComment)) \(key(.pageDown)) \(key(.last)) scroll, "
            + "\(key(.search)) filters, \(closing) closes\(more)"
        screen.put(title, x: box.x, y: box.y, style: theme[.helpTitle], clip: box)
        screen.placeCursor(x: box.x + 1, y: box.y)
        for (offset, line) in lines.dropFirst(first).prefix(height).enumerated() {
            var x = box.x
            for span in line.spans {
                var style = theme[span.role]
                if span.dim { style.attributes.insert(.dim) }
                x = screen.put(span.text, x: x, y: box.y + 1 + offset, style: style, clip: box)
            }
        }
        let bottom = box.maxY - 1
        if help.isFiltering || !help.filter.text.isEmpty {
            let label = " Filter: "
            let caret = screen.put(
                label + help.filter.textBeforeCaret, x: box.x, y: bottom, style: theme[.helpKey], clip: box)
            let x = screen.put(
                String(help.filter.characters[help.filter.caret...]), x: caret, y: bottom, style: theme[.helpKey],
                clip: box)
            if help.isFiltering { screen.placeCursor(x: min(caret, box.maxX - 1), y: bottom) }
            if lines.isEmpty {
                screen.put("   nothing matches", x: x, y: bottom, style: theme[.help], clip: box)
            }
        }
    }
}
