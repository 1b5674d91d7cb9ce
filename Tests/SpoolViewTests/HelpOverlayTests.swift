import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolView

/// The key list is made from the live key map, one line an action that has keys.
@Suite struct HelpOverlayTests {
    @Test func linesFollowTheActionsOrderAndTheirBindings() {
        let lines = HelpOverlay.lines(for: .standard)
        #expect(lines.count == Action.allCases.count, "every action has a key in the standard map")
        #expect(lines.first?.keys == "j Down" && lines.first?.summary == Action.nextComment.summary)
        #expect(lines.last?.summary == Action.quit.summary)
    }

    @Test func anUnboundActionIsLeftOut() {
        var bindings = KeyMap.standard.bindings
        for (key, action) in bindings where action == .nextTheme { bindings[key] = nil }
        let lines = HelpOverlay.lines(for: KeyMap(bindings: bindings))
        #expect(!lines.contains { $0.summary == Action.nextTheme.summary })
        #expect(lines.count == Action.allCases.count - 1)
    }

    @Test func aRemappedKeyIsListedUnderItsAction() {
        var bindings = KeyMap.standard.bindings
        bindings[.character("j")] = nil
        bindings[.control("n")] = .nextComment
        let first = HelpOverlay.lines(for: KeyMap(bindings: bindings)).first
        #expect(first?.keys == "C-n Down")
    }

    @Test func scrollingPastTheEndShowsTheLastPage() {
        var screen = Screen(width: 60, height: 10)
        HelpOverlay(theme: .monochrome).render(.standard, scroll: 1000, on: &screen)
        let lines = screen.textLines
        #expect(lines.contains { $0.contains(Action.quit.summary.prefix(20)) }, "the last action is on the last page")
        #expect(!lines.contains { $0.contains(Action.nextComment.summary.prefix(20)) })
    }

    @Test mutating func theHelpKeyClosesTheOverlayToo() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 24)
        try harness.press("??")
        #expect(harness.reader.mode == .browsing)
        try harness.press("?q")
        #expect(harness.reader.mode == .browsing && harness.reader.viewport.rows == 24)
    }
}
