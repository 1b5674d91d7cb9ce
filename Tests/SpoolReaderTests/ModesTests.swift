import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// One mode at a time: an overlay or a prompt takes the keys until it closes, and keys that
/// mean nothing there say so instead of acting.
@Suite struct ModesTests {
    var harness: ReaderHarness

    init() throws { harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30) }

    @Test mutating func helpTakesTheMovementKeysToScrollItself() throws {
        try harness.press("?")
        #expect(harness.reader.mode == .help(HelpState(scroll: 0)))
        try harness.press("jjj")
        #expect(harness.reader.mode == .help(HelpState(scroll: 3)))
        #expect(harness.selectedID == nil, "the tree did not move")
        try harness.press("k<PgDn>")
        #expect(harness.reader.mode == .help(HelpState(scroll: 2 + 27)))
        try harness.press("<PgUp><PgUp>")
        #expect(harness.reader.mode == .help(HelpState(scroll: 0)))
        try harness.press("M")
        #expect(harness.reader.marks.unreadCount == 16, "keys that are not for the help do nothing")
        try harness.press("<Esc>")
        #expect(harness.reader.mode == .browsing)
    }

    @Test mutating func anUnboundKeySaysSoAndChangesNothing() throws {
        try harness.press("jX")
        #expect(harness.message == "X does nothing here; ? lists the keys.")
        #expect(harness.selectedID == "1")
        try harness.press("<C-x>")
        #expect(harness.message == "C-x does nothing here; ? lists the keys.")
    }

    @Test mutating func theLimitPromptEditsAndCancels() throws {
        try harness.press("Ledn<BS><BS>")
        #expect(harness.reader.prompt?.kind == .limit && harness.reader.prompt?.line.text == "e")
        try harness.press("<Esc>")
        #expect(harness.reader.mode == .browsing && harness.message == "Limit unchanged.")
        #expect(harness.reader.limit == nil)
    }

    @Test mutating func theLimitPromptOpensWithTheLimitInForce() throws {
        try harness.press("Lauthor:edna<Enter>")
        #expect(harness.reader.limit?.pattern == "author:edna")
        try harness.press("L")
        #expect(harness.reader.prompt?.line.text == "author:edna")
        try harness.press("<C-g>")
        #expect(harness.reader.mode == .browsing)
    }

    @Test mutating func thePipePromptNeedsACommand() throws {
        try harness.press("j|<Enter>")
        #expect(harness.message == "Nothing to pipe to.")
        #expect(harness.takeCommands().isEmpty)
        try harness.press("|<C-c>")
        #expect(harness.message == "Pipe cancelled.")
    }

    @Test mutating func promptsIgnoreKeysTheyDoNotEdit() throws {
        try harness.press("/ab<Up><PgDn>")
        #expect(harness.reader.search.query == "ab")
        #expect(harness.reader.isSearching)
    }

    @Test mutating func mouseEventsWaitWhileAPromptIsOpen() throws {
        try harness.press("/zz<click:3,3>")
        #expect(harness.reader.isSearching && harness.selectedID == nil)
    }

    @Test mutating func theAddressListClosesOnAnyOtherKey() throws {
        let d = try Fixture.web(
            "T\n\n1 Comment\n\n  1. Ann March 1, 2024 at 9:00 am #\n\n    See https://a.example/x and more.\n")
        var links = ReaderHarness(discussion: d, columns: 80, rows: 24)
        try links.press("ju")
        #expect(links.reader.mode == .choosingURL(["https://a.example/x"]))
        try links.press("7")
        #expect(links.reader.mode == .browsing && links.takeCommands().isEmpty, "7 is not on the list")
        try links.press("u1")
        #expect(links.takeCommands() == [.open("https://a.example/x")])
    }

    @Test mutating func themesCycleAndWrap() throws {
        harness.runner.program.setThemes(["default", "nord"], current: 1)
        try harness.press("t")
        #expect(harness.reader.themeIndex == 0 && harness.message == "Theme: default (1 of 2)")
    }

    @Test mutating func layoutAndFocusSayWhatTheyDid() throws {
        try harness.press("v")
        #expect(harness.message == "Tree beside the article.")
        #expect(harness.reader.viewport.orientation == .sideBySide)
        try harness.press("w")
        #expect(harness.reader.paneFocus == .article)
        #expect(harness.message == "Focus: article (j/k scroll it, w to go back).")
        try harness.press("<Esc>")
        #expect(harness.reader.paneFocus == .tree)
    }

    @Test mutating func qLeavesALimitBeforeQuitting() throws {
        try harness.press("f")
        #expect(harness.message == "Select a comment to limit to its author.")
        try harness.press("jf")
        #expect(harness.reader.limit != nil)
        let first = try harness.press("q")
        #expect(!first.quit && harness.reader.limit == nil)
        #expect(try harness.press("q").quit)
    }
}
