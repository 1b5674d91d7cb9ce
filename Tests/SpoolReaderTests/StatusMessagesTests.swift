import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// Warnings from outside the reader (a corrupt state file, a bad config, a failed save)
/// stay until the user has seen them and pressed a key; several wait in turn.
@Suite struct StatusMessagesTests {
    @Test func aStartupWarningSurvivesResizesAndGoesWithTheNextKey() throws {
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30,
            store: RecordingStore(warning: "state.sqlite3: not a database; marks are kept in memory"))
        #expect(harness.message == "state.sqlite3: not a database; marks are kept in memory")
        try harness.press("<resize:120x40><resize:80x24>")
        #expect(harness.message == "state.sqlite3: not a database; marks are kept in memory")
        #expect(harness.screen.textLines.last?.contains("not a database") == true)
        try harness.press("j")
        #expect(harness.message == nil)
    }

    @Test mutating func severalWarningsQueueInsteadOfOverwriting() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        harness.notice("config.toml:3: unknown setting \"colour\"")
        harness.notice("Could not save read marks: disk full")
        #expect(harness.message == "config.toml:3: unknown setting \"colour\" (1 of 2; a key shows the next)")
        try harness.press("j")
        #expect(harness.message == "Could not save read marks: disk full")
        try harness.press("j")
        #expect(harness.message == nil)
    }

    @Test mutating func aKeysOwnMessageComesFirstAndTheWarningWaits() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("k")
        harness.notice("Could not save read marks: disk full")
        #expect(harness.message == "This is the first row.")
        try harness.press("k")
        #expect(harness.message == "This is the first row.")
        try harness.press("j")
        #expect(harness.message == "Could not save read marks: disk full", "not seen yet, so still waiting")
    }

    @Test func aFailedSaveComesBackAsANotice() throws {
        let store = RecordingStore()
        store.failure = "Could not save read marks to state.sqlite3 (disk I/O error); they are kept until you quit"
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30, store: store)
        try harness.press("j")
        #expect(harness.message?.hasPrefix("Could not save read marks") == true)
        try harness.press("j")
        #expect(harness.message == nil, "said once")
    }

    @Test func warningsAreCleanedOfControlCharacters() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        harness.notice("bad\u{1B}[2Jname")
        #expect(harness.message?.contains("\u{1B}") == false)
    }
}

/// A warning can hold any text: it is one status line, never terminal control.
@Suite struct StatusMessageTextTests {
    @Test func aMultiLineWarningStaysOnTheStatusLine() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        harness.notice("first line\nsecond line\u{7}")
        let status = harness.screen.textLines[29]
        #expect(status.contains("first line^Jsecond line^G"))
        #expect(harness.screen.textLines[28].isEmpty || !harness.screen.textLines[28].contains("second line"))
    }
}

/// A warning that arrives while a prompt is open waits for the prompt to close.
@Suite struct NoticeDuringAPromptTests {
    @Test mutating func thePromptKeepsTheLineAndTheWarningWaits() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("/ve")
        harness.notice("Could not save read marks: disk full")
        #expect(harness.screen.textLines[29].hasPrefix("/ve "), "the prompt stays on the status line")
        try harness.press("<Esc>")
        #expect(harness.message == "Search cancelled.")
        try harness.press("j")
        #expect(harness.message == "Could not save read marks: disk full", "shown once the line is free")
    }
}
