import Foundation
import SpoolTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The rebuilt core in a real terminal: the first screen is made for the real size, the
/// cursor sits on the selection, and startup warnings reach the status line.
@Suite(.serialized) struct CoreEndToEndTests {
    @Test func renderAndTheTerminalShowTheSameFirstScreenOfAnArchiveAt200x60() throws {
        let file = Fixture.path("mbox/notmuch-list-2009.mbox")
        let rendered = spawn([spoolBinary, "render", file, "--size", "200x60", "--state-dir", freshStateDir()])
        #expect(rendered.status == 0)
        let expected = trimmedLines(rendered.output)
        #expect(
            expected.contains { $0.contains("55/55") } || expected.last?.contains("/55") == true, "all 55 rows open")
        let session = TmuxSession([spoolBinary, file], columns: 200, rows: 60)
        let screen = session.waitFor { trimmedLines($0) == expected }
        #expect(trimmedLines(screen) == expected, "tmux:\n\(screen)\nrender:\n\(rendered.output)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func theCursorRowIsTheSelectedRowAfterJJ() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        session.waitFor { $0.contains("16 unread") }
        session.send("j", "j")
        let screen = session.waitFor { $0.contains(" 3/17  14 unread") }
        #expect(screen.contains(" 3/17  14 unread"))
        var cursor = session.cursor()
        let deadline = Date().addingTimeInterval(10)
        while cursor?.y != 2 && Date() < deadline {
            usleep(20_000)
            cursor = session.cursor()
        }
        #expect(cursor?.y == 2, "the selected row (3rd) has the cursor: \(String(describing: cursor))")
        #expect(cursor?.x == 3, "after the tree lines")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func aCorruptStateFileIsSaidInTheStatusLineUntilAKey() throws {
        let state = freshStateDir()
        try Data("this is not a database, it is a text file\n".utf8)
            .write(to: URL(fileURLWithPath: state).appendingPathComponent("state.sqlite3"))
        let session = TmuxSession(
            [spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30, environment: ["SPOOL_STATE_DIR": state])
        let first = session.waitFor { $0.contains("16 unread") && $0.contains("Read state not saved") }
        #expect(first.contains("Read state not saved"), "\(first)")
        session.resize(columns: 120, rows: 32)
        let resized = session.waitFor { $0.contains("16 unread") && $0.components(separatedBy: "\n").count >= 32 }
        #expect(resized.contains("Read state not saved"), "a resize keeps the warning:\n\(resized)")
        session.send("j")
        let moved = session.waitFor { $0.contains("15 unread") && !$0.contains("Read state not saved") }
        #expect(!moved.contains("Read state not saved"), "the next key dismisses it:\n\(moved)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func aBadConfigIsSaidInTheStatusLine() throws {
        let folder = freshStateDir()
        let config = URL(fileURLWithPath: folder).appendingPathComponent("config.toml")
        try Data("layout = \"diagonal\"\n".utf8).write(to: config)
        let session = TmuxSession(
            [spoolBinary, Fixture.path(Fixture.seed), "--config", config.path], columns: 220, rows: 30)
        let first = session.waitFor { $0.contains("16 unread") && $0.contains("layout must be one of") }
        #expect(first.contains("layout must be one of"), "\(first)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    /// An mbox of `count` messages, two of which (near the start and near the end) say
    /// "zebraneedle".
    private func haystackMbox(_ count: Int) throws -> String {
        var text = ""
        text.reserveCapacity(count * 160)
        for index in 0..<count {
            let says = index == 3 || index == count - 5 ? "a zebraneedle here" : "hay \(index)"
            text += "From a\(index % 13)@example.org Mon Nov 16 10:00:00 2009\n"
            text += "From: a\(index % 13)@example.org\nSubject: topic \(index)\n"
            text += "Message-ID: <m\(index)@example.org>\nDate: Mon, 16 Nov 2009 10:00:00 +0000\n\n\(says)\n\n"
        }
        let path = freshStateDir() + "/haystack.mbox"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func pushedKeysFinishTheirSearchBeforeTheNextKeyOnALargeArchive() throws {
        let file = try haystackMbox(20_000)
        let session = TmuxSession([spoolBinary, file, "--keys", "/zebraneedle<Enter>n"], columns: 100, rows: 30)
        let screen = session.waitFor { $0.contains("match 2 of 2") }
        #expect(screen.contains("match 2 of 2"), "\(screen)")
        let rendered = spawn([
            spoolBinary, "render", file, "--size", "100x30", "--keys", "/zebraneedle<Enter>n", "--state-dir",
            freshStateDir(),
        ])
        #expect(rendered.output.contains("match 2 of 2"))
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func escapeFromASearchGoesBackWithoutReadingAnything() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        session.waitFor { $0.contains(" 1/17  16 unread") }
        session.send("j")
        session.waitFor { $0.contains(" 2/17  15 unread") }
        session.sendLiteral("/Vera")
        let typing = session.waitFor { $0.contains("/Vera ") && $0.contains("1 match") }
        #expect(typing.contains("/Vera "), "\(typing)")
        let cursor = session.cursor()
        #expect(cursor?.y == 29 && cursor?.x == 5, "the cursor is at the caret: \(String(describing: cursor))")
        session.send("Escape")
        let back = session.waitFor { $0.contains(" 2/17  15 unread") && $0.contains("Search cancelled.") }
        #expect(back.contains(" 2/17  15 unread"), "back on comment 1, nothing more read:\n\(back)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func inlineModeInTheTerminalKeepsTheArticleFirst() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 80, rows: 24)
        session.waitFor { $0.contains("16 unread") }
        session.send("i", "j")
        let screen = session.waitFor { $0.contains(" 2/17  15 unread") }
        let first = screen.components(separatedBy: "\n").first ?? ""
        #expect(first.contains("Baby P: The Untold Story"), "\(screen)")
        session.send("w", "j")
        let moved = session.waitFor { $0.contains(" 3/17  14 unread") }
        #expect(moved.contains(" 3/17"), "j still moves after w in inline mode:\n\(moved)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func theCursorIsHiddenUnlessPlainOrTheConfigAsks() throws {
        let hidden = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        hidden.waitFor { $0.contains("16 unread") }
        #expect(!hidden.cursorIsVisible())
        hidden.send("q")
        #expect(hidden.exitStatus() == 0)
        let plain = TmuxSession([spoolBinary, Fixture.path(Fixture.seed), "--plain"], columns: 100, rows: 30)
        plain.waitFor { $0.contains("16 unread") }
        #expect(plain.cursorIsVisible())
        plain.send("q")
        #expect(plain.exitStatus() == 0)
        let config = URL(fileURLWithPath: freshStateDir()).appendingPathComponent("config.toml")
        try Data("cursor = \"visible\"\n".utf8).write(to: config)
        let asked = TmuxSession(
            [spoolBinary, Fixture.path(Fixture.seed), "--config", config.path], columns: 100, rows: 30)
        asked.waitFor { $0.contains("16 unread") }
        #expect(asked.cursorIsVisible())
        asked.send("q")
        #expect(asked.exitStatus() == 0)
    }

    @Test func anUnknownFromIsAUsageErrorNamingTheChoices() {
        let result = spawn([spoolBinary, "render", Fixture.path(Fixture.seed), "--from", "usenet"])
        #expect(result.status == 2)
        let choices =
            "auto, web, mbox, hn, reddit, lobsters, discourse, github, mastodon, bluesky, discord, disqus, wordpress, stackexchange, slack, html"
        #expect(result.output.contains("--from must be one of \(choices) (got \"usenet\")"))
    }

    /// A crash signal restores the terminal first (the alternate screen left, the cursor
    /// shown) and the runtime's backtrace follows without waiting for a key, and the process
    /// ends at once. (Under
    /// AddressSanitizer the sanitizer owns SIGSEGV and prints its own report instead.)
    @Test(.disabled(if: isAddressSanitized, "AddressSanitizer handles SIGSEGV itself"))
    func aCrashSignalRestoresTheTerminalBeforeTheBacktrace() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        session.waitFor { $0.contains("16 unread") }
        let format = "#{alternate_on} #{cursor_flag}"
        #expect(spawn(["tmux", "-L", session.socket, "display-message", "-p", format]).output.hasPrefix("1 0"))
        let pid = try #require(session.panePID())
        kill(pid, SIGSEGV)
        session.waitFor { $0.contains("Backtrace took") }
        let scrolled = spawn(["tmux", "-L", session.socket, "capture-pane", "-p", "-S", "-1000"]).output
        #expect(scrolled.contains("Program crashed"), "\(scrolled)")
        #expect(!scrolled.contains("Press space"), "the backtrace does not wait for a key")
        #expect(spawn(["tmux", "-L", session.socket, "display-message", "-p", format]).output.hasPrefix("0 1"))
        // The backtracer's prompt would hold the process for 30 s; answered, it ends now.
        let status = session.exitStatus(timeout: 20)
        if status == nil { kill(pid, SIGKILL) }
        #expect(status == 128 + SIGSEGV, "ended by the signal, not held at a prompt")
    }

    /// Escape sequences curses does not know are read whole: none of their characters acts.
    @Test func unknownEscapeSequencesNeverActAsKeys() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        session.waitFor { $0.contains(" 1/17  16 unread") }
        session.send("j", "j", "j")
        session.waitFor { $0.contains(" 4/17  13 unread") }
        session.sendLiteral("\u{1B}[99~")
        session.sendLiteral("\u{1B}M")
        let after = session.waitFor { $0.contains("M-M does nothing here") }
        #expect(after.contains(" 4/17  13 unread"), "no [ (sibling), 9 or ~, and Alt-M is not M:\n\(after)")
        session.sendLiteral("\u{1B}[1~")
        let home = session.waitFor { $0.contains(" 1/17  13 unread") }
        #expect(home.contains(" 1/17  13 unread"), "Esc [ 1 ~ is Home:\n\(home)")
        session.send("C-l")
        #expect(session.waitFor { $0.contains(" 1/17  13 unread") }.contains("16 comments"), "Ctrl-L repaints")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}

/// `-` and a pipe: the discussion read from standard input, keys from the terminal.
@Suite(.serialized) struct StandardInputEndToEndTests {
    @Test func renderAndExportReadADash() throws {
        let rendered = spawn([spoolBinary, "render", "-", "--size", "80x6"], stdin: Fixture.path(Fixture.seed))
        #expect(rendered.status == 0)
        #expect(rendered.output.hasPrefix("Baby P: The Untold Story"), "\(rendered.output)")
        let exported = spawn(
            [spoolBinary, "export", "-", "--format", "json"],
            stdin: Fixture.path("mbox-gz/patchew-0004-multiple-patch-reviewed.mbox.gz"))
        #expect(exported.status == 0)
        #expect(exported.output.contains("\"format\": \"mbox\""), "a gzip file on standard input too")
        let empty = spawn([spoolBinary, "render", "-"])
        #expect(empty.status == 1)
        #expect(empty.output.contains("standard input: is empty"), "\(empty.output)")
    }

    @Test func aPipedDiscussionTakesKeysFromTheTerminal() throws {
        let session = TmuxSession(["sh", "-c", "cat '\(Fixture.path(Fixture.seed))' | '\(spoolBinary)'"])
        session.waitFor { $0.contains("16 unread") && $0.contains("Baby P: The Untold Story") }
        session.send("j")
        let moved = session.waitFor { $0.contains("15 unread") && $0.contains(" 2/17") }
        #expect(moved.contains("Philip Measures"), "\(moved)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}
