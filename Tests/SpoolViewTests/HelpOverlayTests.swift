import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolView

/// The key list is made from the live key map: grouped by topic, wrapped to the screen, each
/// entry with its action name, then the legend.
@Suite struct HelpOverlayTests {
    private func texts(_ keyMap: KeyMap = .standard, width: Int = 120, filter: String = "") -> [String] {
        HelpOverlay.lines(for: keyMap, glyphs: .unicode, width: width, filter: filter).map(\.text)
    }

    @Test func everyBoundActionIsListedUnderItsTopicWithItsName() {
        let lines = texts()
        for action in Action.allCases {
            #expect(lines.contains { $0.contains("[\(action.rawValue)]") }, "\(action.rawValue)")
        }
        #expect(lines.first == " Moving")
        #expect(lines.contains("  j Down          next comment (scroll the article when it has focus)  [next-comment]"))
        let moving = lines.firstIndex(of: " Moving")!
        let folding = lines.firstIndex(of: " Folding")!
        let parent = lines.firstIndex { $0.contains("[parent]") }!
        #expect(moving < parent && parent < folding)
    }

    @Test func theLegendExplainsTheMarksAndTheMouse() {
        let lines = texts()
        #expect(lines.contains { $0.hasPrefix("  ●") && $0.contains("unread") })
        #expect(lines.contains { $0.contains("[+12, 3 unread]") && $0.contains("folded row") })
        #expect(lines.contains { $0.contains("‹9›") })
        #expect(lines.contains { $0.contains("14/3") && $0.contains("14 messages, 3 of them unread") })
        #expect(lines.contains { $0.hasPrefix("  wheel") && $0.contains("nothing is marked read") })
    }

    @Test func textWrapsAtWordsNeverMidWord() {
        for width in [40, 60, 200] {
            let lines = texts(width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width)")
            let words = Set(
                Action.allCases.flatMap { $0.summary.split(separator: " ").map(String.init) }.filter { $0.count > 3 })
            let shown = Set(lines.flatMap { $0.split(separator: " ").map(String.init) })
            #expect(words.isSubset(of: shown), "every word whole at \(width)")
        }
    }

    @Test func anUnboundActionIsLeftOutAndARemappedKeyShown() {
        var bindings = KeyMap.standard.bindings
        for (key, action) in bindings where action == .nextTheme { bindings[key] = nil }
        bindings[.character("j")] = nil
        bindings[.control("j")] = .nextComment
        let lines = texts(KeyMap(bindings: bindings))
        #expect(!lines.contains { $0.contains("[next-theme]") })
        #expect(lines.contains { $0.hasPrefix("  C-j Down") })
    }

    @Test func aFilterKeepsMatchingEntriesAndTheirHeadings() {
        let lines = texts(filter: "thread")
        #expect(lines.contains(" Moving") && lines.contains { $0.contains("[next-thread]") })
        #expect(!lines.contains { $0.contains("[copy]") })
        #expect(texts(filter: "zzzz").isEmpty)
    }

    @Test mutating func helpIsFullScreenScrollsToItsEndAndFilters() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 20)
        try harness.press("?")
        #expect(harness.screen.textLines[0].hasPrefix(" Keys:"))
        #expect(harness.screen.textLines[1] == " Moving")
        try harness.press("G")
        guard case .help(let help) = harness.reader.mode else { throw HelpError.notOpen }
        let count = HelpOverlay.lines(for: .standard, glyphs: .unicode, width: 100).count
        #expect(help.scroll == count - 18, "the last page")
        #expect(harness.screen.textLines.contains { $0.contains("Enter Esc") }, "the legend's last line is shown")
        try harness.press("g/copy")
        #expect(harness.screen.textLines.contains { $0.contains("[copy]") })
        #expect(harness.screen.textLines.last?.hasPrefix(" Filter: copy") == true)
        #expect(!harness.screen.textLines.contains { $0.contains("[next-comment]") })
        try harness.press("<Enter>q")
        #expect(harness.reader.mode == .browsing)
    }

    @Test mutating func theHelpKeyClosesTheOverlayToo() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 24)
        try harness.press("??")
        #expect(harness.reader.mode == .browsing)
        try harness.press("?q")
        #expect(harness.reader.mode == .browsing && harness.reader.viewport.rows == 24)
    }

    private enum HelpError: Error { case notOpen }
}
