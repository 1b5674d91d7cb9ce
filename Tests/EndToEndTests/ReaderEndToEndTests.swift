import Foundation
import SpoolTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `spool` binary in a real terminal (tmux).
@Suite(.serialized) struct ReaderEndToEndTests {
    @Test func firstScreenKeysResizeAndQuit() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        let first = session.waitFor { $0.contains("16 comments") && $0.contains("16 unread") }
        #expect(first.contains("├─ ● Philip Measures  2014-10-28"))
        session.send("j", "j", "j", "a")
        let jumped = session.waitFor { $0.contains("2 of 3 by Sharon Shoesmith") }
        #expect(jumped.contains("2 of 3 by Sharon Shoesmith"))
        #expect(jumped.contains("I see some references to the compensation payment"))
        session.resize(columns: 130, rows: 20)
        let resized = session.waitFor { screen in
            screen.components(separatedBy: "\n").contains { $0.contains("│ Sharon Shoesmith") }
        }
        #expect(resized.contains("│ Sharon Shoesmith"), "130 columns puts the article beside the tree:\n\(resized)")
        session.resize(columns: 1, rows: 1)
        session.resize(columns: 80, rows: 24)
        let back = session.waitFor { $0.contains("unread") && $0.contains("Sharon Shoesmith") }
        #expect(back.contains("Sharon Shoesmith"))
        session.send("q")
        #expect(session.exitStatus() == 0)
        let after = session.capture()
        #expect(after.contains("SPOOL-EXITED"), "the shell runs again after q")
        #expect(!after.contains("16 unread"), "the reader's screen is gone")
    }

    @Test func renderMatchesTheTerminalForTheSameKeys() throws {
        let keys = "jjjjj<Enter>jj"
        let rendered = spawn([
            spoolBinary, "render", Fixture.path(Fixture.seed), "--size", "100x30", "--keys", keys, "--state-dir",
            freshStateDir(),
        ])
        #expect(rendered.status == 0)
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed), "--keys", keys], columns: 100, rows: 30)
        let expected = trimmedLines(rendered.output)
        let screen = session.waitFor { trimmedLines($0) == expected }
        #expect(trimmedLines(screen) == expected, "tmux:\n\(screen)\nrender:\n\(rendered.output)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)])
        session.waitFor { $0.contains("16 unread") }
        let pid = try #require(session.panePID())
        kill(pid, SIGTERM)
        #expect(session.exitStatus() == 128 + SIGTERM)
        #expect(!session.capture().contains("16 unread"))
    }

    @Test func ctrlCQuitsCleanly() throws {
        let session = TmuxSession([spoolBinary])
        session.waitFor { $0.contains("Welcome to Spool") }
        session.send("C-c")
        #expect(session.exitStatus() == 128 + SIGINT)
        #expect(!session.capture().contains("unread"))
    }

    @Test func escapeSequencesInTheDiscussionNeverReachTheTerminal() throws {
        let session = TmuxSession(
            [spoolBinary, Fixture.path("hostile.txt"), "--theme", "monochrome"], columns: 160, rows: 40)
        let screen = session.waitFor { $0.contains("unread") }
        #expect(screen.contains("Hostile^[]0;window title^G page"))
        #expect(screen.contains("^[[2J clear screen"))
        session.send("j")
        let comment = session.waitFor { $0.contains("overwrite the line above") }
        #expect(comment.contains("^[[1A^[[2Koverwrite the line above ^[P+q^[\\ DCS"))
        let styled = session.capture(escapes: true)
        // Only SGR sequences (ESC [ … m) may come back from the pane; every ESC in the text
        // was drawn as the two characters ^[.
        let sequences = styled.components(separatedBy: "\u{1B}").dropFirst()
        #expect(
            sequences.allSatisfy {
                $0.hasPrefix("[") && $0.prefix(while: { $0 != "m" }).allSatisfy { "[0123456789;".contains($0) }
            })
        #expect(!styled.contains("\u{9B}") && !styled.contains("\u{202E}") && !styled.contains("\u{7}"))
        let rendered = spawn([
            spoolBinary, "render", Fixture.path("hostile.txt"), "--size", "160x40", "--keys", "j", "--state-dir",
            freshStateDir(),
        ])
        #expect(
            !rendered.output.unicodeScalars.contains {
                $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x202E || $0.value == 7
            })
        #expect(
            rendered.output.contains("<U+009B> not valid UTF-8") || rendered.output.contains("\u{FFFD} not valid UTF-8")
        )
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func sighupRestoresTheTerminal() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)])
        session.waitFor { $0.contains("16 unread") }
        let pid = try #require(session.panePID())
        kill(pid, SIGHUP)
        #expect(session.exitStatus() == 128 + SIGHUP)
        #expect(!session.capture().contains("16 unread"))
    }

    @Test func suspendAndContinueRedraws() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)])
        session.waitFor { $0.contains("16 unread") }
        let pid = try #require(session.panePID())
        kill(pid, SIGTSTP)
        usleep(300_000)
        kill(pid, SIGCONT)
        session.send("j")
        let screen = session.waitFor { $0.contains("15 unread") && $0.contains("Philip Measures") }
        #expect(screen.contains("15 unread"), "\(screen)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func aResizeStormLeavesACorrectScreen() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        session.waitFor { $0.contains("16 unread") }
        let sizes = [(1, 1), (500, 200), (2, 3), (40, 12), (1, 50), (300, 1), (80, 24)]
        for round in 0..<30 {
            for (columns, rows) in sizes { session.resize(columns: columns + round % 3, rows: rows) }
        }
        session.resize(columns: 100, rows: 30)
        // Keys must meet the final size: wait until the reader has drawn at 100x30.
        session.waitFor { screen in
            let lines = screen.components(separatedBy: "\n")
            return lines.count >= 30 && lines[29].contains("16 unread") && lines[29].contains("q:quit")
        }
        session.send("g", "j")
        let rendered = spawn([
            spoolBinary, "render", Fixture.path(Fixture.seed), "--size", "100x30", "--keys", "gj", "--state-dir",
            freshStateDir(),
        ])
        let expected = rendered.output.split(separator: "\n", omittingEmptySubsequences: false).prefix(10).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let screen = session.waitFor { $0.contains("15 unread") }
        let got = screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(10).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        #expect(got == expected, "after the storm:\n\(screen)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func badFilesFailWithAMessageNamingThem() {
        let missing = spawn([spoolBinary, "/nonexistent/thread.txt"])
        #expect(missing.status == 1)
        #expect(missing.output.contains("spool: /nonexistent/thread.txt: no such file"))
        let json = Scratch.folder.appendingPathComponent("spool-bad-\(UUID().uuidString).json")
            .path
        defer { unlink(json) }
        try? "{\"a\": 1}".write(toFile: json, atomically: true, encoding: .utf8)
        let unknown = spawn([spoolBinary, "export", json])
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("is JSON in no format Spool reads. Tried: Spool export"))
        let usage = spawn([spoolBinary, "render", "--size", "80by24"])
        #expect(usage.status == 2)
        #expect(usage.output.contains("--size must be COLSxROWS"))
    }

    @Test func withoutATerminalTheReaderSaysSoAndExitsWithTwo() {
        let result = spawn([spoolBinary, Fixture.path(Fixture.seed), "--state-dir", freshStateDir()])
        #expect(result.status == 2)
        #expect(result.output.contains("not a terminal"))
    }

    @Test func exportPrintsTheModel() throws {
        let result = spawn([spoolBinary, "export", Fixture.path(Fixture.seed), "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((json["comments"] as? [Any])?.count == 13)
        let text = spawn([spoolBinary, "export", Fixture.path(Fixture.seed), "--format", "text"])
        #expect(text.output.contains("16 Responses to Baby P"))
        #expect(text.output.contains("    • Edna 2014-10-29T00:02 #"))
    }

    @Test func renderJSONReportsTheState() throws {
        let result = spawn([
            spoolBinary, "render", Fixture.path(Fixture.seed), "--size", "80x24", "--keys", "jjjj<Enter>", "--json",
            "--state-dir",
            freshStateDir(),
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let state = try #require(json["state"] as? [String: Any])
        let selected = try #require(state["selected"] as? [String: Any])
        #expect(selected["id"] as? String == "4")
        #expect(selected["author"] as? String == "Sharon Shoesmith")
        #expect(selected["depth"] as? Int == 1)
        #expect(selected["index"] as? Int == 4)
        #expect(state["visible"] as? Int == 15)
        #expect(state["total"] as? Int == 16)
        #expect(state["unread"] as? Int == 12)
        #expect(state["collapsed"] as? [String] == ["4"])
        #expect(state["focus"] as? String == "tree")
        #expect(state["theme"] as? String == "default")
        #expect((json["screen"] as? [String])?.count == 24)
        let cursor = try #require(json["cursor"] as? [String: Int])
        #expect(cursor == ["x": 3, "y": 4], "the cursor on the selected row, after its tree lines")
    }

    @Test func renderJSONShowsTheQueryBeingTyped() throws {
        let result = spawn([
            spoolBinary, "render", Fixture.path(Fixture.seed), "--size", "80x24", "--keys", "j/Vera", "--json",
            "--state-dir", freshStateDir(),
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let state = try #require(json["state"] as? [String: Any])
        #expect(state["search"] as? String == "Vera")
        #expect(state["unread"] as? Int == 15, "the previewed match is not read")
        #expect((state["selected"] as? [String: Any])?["author"] as? String == "Vera")
        #expect(json["cursor"] as? [String: Int] == ["x": 5, "y": 23], "at the caret")
    }
}

/// Each input format opens in the real terminal.
@Suite(.serialized) struct FormatsEndToEndTests {
    @Test(arguments: [
        ("mbox/notmuch-list-2009.mbox", "24 threads · 53 messages"),
        ("json/hn-17-algolia-items-api.json", "3 comments"),
        ("json/reddit-Python-2xmo63.json", "45 comments"),
        ("gduarte-blog-comments-cache.md", "26 comments"),
    ])
    func opensInTheTerminal(file: String, header: String) throws {
        let session = TmuxSession([spoolBinary, Fixture.path(file)], columns: 110, rows: 30)
        let screen = session.waitFor { $0.contains(header) && $0.contains("unread") }
        #expect(screen.contains(header), "\(screen)")
        session.send("j", "Tab")
        let moved = session.waitFor { $0.contains(" 3/") }
        #expect(moved.contains(" 3/"), "\(moved)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}

/// Read marks survive every way the reader can end.
@Suite(.serialized) struct PersistenceEndToEndTests {
    /// Reads three comments, ends the reader with `end`, and checks a new reader sees them read.
    private func marksSurvive(_ end: (TmuxSession) -> Void, expectedStatus: Int32?) throws {
        let state = freshStateDir()
        let first = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], environment: ["SPOOL_STATE_DIR": state])
        first.waitFor { $0.contains("16 unread") }
        first.send("j", "j", "j")
        first.waitFor { $0.contains("13 unread") }
        usleep(1_100_000)  // past the one-second flush promise, though each mark is written at once
        end(first)
        if let expectedStatus {
            #expect(first.exitStatus() == expectedStatus)
        } else {
            first.waitFor(timeout: 3) { $0.contains("SPOOL-EXITED") }
        }
        let second = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], environment: ["SPOOL_STATE_DIR": state])
        let screen = second.waitFor { $0.contains("13 unread") }
        #expect(screen.contains("13 unread"), "\(screen)")
        second.send("q")
        #expect(second.exitStatus() == 0)
    }

    @Test func afterQ() throws { try marksSurvive({ $0.send("q") }, expectedStatus: 0) }

    @Test func afterSIGTERM() throws {
        try marksSurvive(
            { session in if let pid = session.panePID() { kill(pid, SIGTERM) } }, expectedStatus: 128 + SIGTERM)
    }

    @Test func afterSIGKILL() throws {
        try marksSurvive(
            { session in if let pid = session.panePID() { kill(pid, SIGKILL) } }, expectedStatus: 128 + SIGKILL)
    }

    @Test func renderShowsSavedMarksAndNewComments() throws {
        let state = freshStateDir()
        let reader = TmuxSession(
            [spoolBinary, Fixture.path(Fixture.seed), "--keys", "jjq"], environment: ["SPOOL_STATE_DIR": state])
        #expect(reader.exitStatus() == 0)
        let result = spawn([spoolBinary, "render", Fixture.path(Fixture.seed), "--json", "--state-dir", state])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let stateObject = try #require(json["state"] as? [String: Any])
        #expect(stateObject["unread"] as? Int == 14)
        #expect(stateObject["new"] as? Int == 0)
    }
}

/// The reader on terminals of every colour depth, and with NO_COLOR.
@Suite(.serialized) struct TerminalsEndToEndTests {
    @Test(arguments: [
        ["TERM": "xterm-256color"], ["TERM": "xterm"], ["TERM": "vt100"], ["TERM": "xterm-256color", "NO_COLOR": "1"],
        ["TERM": "xterm-256color", "COLORTERM": "truecolor"],
    ])
    func startsDrawsAndQuitsCleanly(environment: [String: String]) throws {
        let session = TmuxSession(
            [spoolBinary, Fixture.path(Fixture.seed), "--theme", "solarized-dark"], environment: environment)
        let screen = session.waitFor { $0.contains("16 unread") }
        #expect(screen.contains("Philip Measures"), "\(environment): \(screen)")
        session.send("j", "t", "?")
        let help = session.waitFor { $0.contains("Keys  (j/k scroll") && $0.contains("next comment") }
        #expect(help.contains("next comment"), "\(environment): \(help)")
        session.send("q", "q")
        #expect(session.exitStatus() == 0, "\(environment)")
        #expect(!session.capture().contains("unread"))
    }

    @Test func theConfigFileRemapsKeysForRender() throws {
        let folder = freshStateDir()
        let config = folder + "/config.toml"
        try "theme = \"nord\"\n[keys]\nnext-comment = \"n\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = spawn([
            spoolBinary, "render", Fixture.path(Fixture.seed), "--config", config, "--keys", "nnj", "--json",
            "--state-dir", folder,
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let state = try #require(json["state"] as? [String: Any])
        #expect((state["selected"] as? [String: Any])?["id"] as? String == "2")
        #expect(state["theme"] as? String == "nord")
        try "layout = \"sideways\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let warned = spawn([
            spoolBinary, "render", Fixture.path(Fixture.seed), "--config", config, "--state-dir", folder,
        ])
        #expect(warned.status == 0)
        #expect(warned.output.contains("config.toml:1: layout must be one of auto, stacked, side-by-side"))
        let missing = spawn([spoolBinary, "render", "--config", folder + "/nope.toml"])
        #expect(missing.status == 2)
    }
}

@Suite(.serialized) struct SearchEndToEndTests {
    @Test func searchInTheTerminal() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        session.waitFor { $0.contains("16 unread") }
        session.sendLiteral("/edna")
        let typing = session.waitFor { $0.contains("/edna ") && $0.contains("2 matches") }
        #expect(typing.contains("2 matches"), "\(typing)")
        session.send("Enter", "n")
        let second = session.waitFor { $0.contains("match 2 of 2") }
        #expect(second.contains("A secret documentary filmed"))
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}

/// Prompts are line editors in a real terminal, and what was typed is there next time.
@Suite(.serialized) struct PromptEndToEndTests {
    @Test func homeEditsTheLineAndHistoryOutlivesTheRun() throws {
        let first = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        first.waitFor { $0.contains(" 1/17  16 unread") }
        first.sendLiteral("Ldna")
        first.send("Home")
        first.sendLiteral("author:e")
        let typed = first.waitFor { $0.contains("Limit to: author:edna") }
        #expect(first.cursor()?.x == "Limit to: author:e".count, "the caret stays after what was typed: \(typed)")
        first.send("Enter")
        first.waitFor { $0.contains("[limit: author:edna]") }
        first.send("q")
        first.waitFor { $0.contains("Showing all comments.") }
        first.send("q")
        #expect(first.exitStatus() == 0)

        let second = TmuxSession(
            [spoolBinary, Fixture.path("mbox/mbox_single.mbox")], columns: 100, rows: 30,
            environment: ["SPOOL_STATE_DIR": first.stateDir])
        second.waitFor { $0.contains("1 unread") && $0.contains("?:help") }
        second.send("L", "C-u", "Up")
        let recalled = second.waitFor { $0.contains("Limit to: author:edna") }
        #expect(recalled.contains("Limit to: author:edna"), "another discussion, the same history")
        second.send("Escape")
        second.waitFor { $0.contains("Limit unchanged.") }
        second.send("q")
        #expect(second.exitStatus() == 0)
    }
}

@Suite(.serialized) struct LimitAndFocusEndToEndTests {
    @Test func limitAndFocusInTheTerminal() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        session.waitFor { $0.contains("16 unread") }
        session.send("L")
        session.sendLiteral("author:edna")
        session.send("Enter")
        let limited = session.waitFor { $0.contains("[limit: author:edna]") }
        #expect(limited.contains("[limit: author:edna]"), "\(limited)")
        #expect(!limited.contains("Philip Measures"), "rows outside the limit are hidden")
        session.send("q", "j", "j", "j", "j", "z")
        let focused = session.waitFor { $0.contains("↳ Baby P") && $0.contains("› Sharon Shoesmith  (Z: back out)") }
        #expect(focused.contains("› Sharon Shoesmith  (Z: back out)"))
        session.send("Z", "q")
        #expect(session.exitStatus() == 0)
    }
}

@Suite(.serialized) struct MouseEndToEndTests {
    /// xterm's X10 mouse report (what ncurses asks tmux for): ESC [ M, then button, column
    /// and row, each plus 32, 1-based.
    private func report(_ button: UInt8, column: Int, row: Int) -> [String] {
        [0x1B, 0x5B, 0x4D, 32 + button, UInt8(32 + column + 1), UInt8(32 + row + 1)].map { String($0, radix: 16) }
    }

    @Test func clickAndWheelInTheTerminal() throws {
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        session.waitFor { $0.contains("16 unread") }
        session.send(contentsOf: ["-H"] + report(0, column: 20, row: 3) + report(3, column: 20, row: 3))
        let clicked = session.waitFor { $0.contains(" 4/17  15 unread  Sharon Shoesmith") }
        #expect(clicked.contains(" 4/17  15 unread  Sharon Shoesmith"), "\(clicked)")
        for _ in 0..<4 { session.send(contentsOf: ["-H"] + report(65, column: 20, row: 3)) }
        // The tree scrolls; the selection, scrolled off, moves to the top row on screen unread.
        let wheeled = session.waitFor { !$0.contains(" 4/17") && $0.contains("/17  15 unread") }
        #expect(wheeled.contains("/17  15 unread"), "the wheel read nothing: \(wheeled)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}

@Suite(.serialized) struct HandoverEndToEndTests {
    @Test func copyPagerAndPipeHandTheTerminalOverAndBack() throws {
        let folder = freshStateDir()
        let pager = folder + "/pager.sh"
        try "cp \"$1\" \(folder)/paged.txt\n".write(toFile: pager, atomically: true, encoding: .utf8)
        // Run through `sh`, not exec'd: a script just written can be "busy" (ETXTBSY) while
        // a parallel test's fork still holds its write descriptor.
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], environment: ["PAGER": "sh " + pager])
        _ = spawn(["tmux", "-L", session.socket, "set", "-g", "set-clipboard", "on"])
        session.waitFor { $0.contains("16 unread") }
        session.send("j", "y")
        session.waitFor { $0.contains("Copied") }
        #expect(
            spawn(["tmux", "-L", session.socket, "show-buffer"]).output.hasPrefix("Philip Measures · 2014-10-28 11:24"))
        session.send("e")
        // cp creates the file before it fills it: wait for the content.
        let paged = {
            fileText(folder + "/paged.txt")?.contains("This was truly dreadful")
                == true
        }
        let deadline = Date().addingTimeInterval(30)
        while !paged() && Date() < deadline { usleep(20_000) }
        #expect(paged())
        session.send("|")
        session.sendLiteral("cat > \(folder)/piped.txt")
        session.send("Enter")
        let piped = {
            fileText(folder + "/piped.txt")?.hasPrefix("Philip Measures") == true
        }
        let pipedDeadline = Date().addingTimeInterval(30)
        while !piped() && Date() < pipedDeadline { usleep(20_000) }
        usleep(200_000)
        session.send("Enter")  // "Press Enter to return to Spool"
        let back = session.waitFor { $0.contains("15 unread") && $0.contains("Philip Measures") }
        #expect(back.contains("├─   Philip Measures"), "the reader is drawn again:\n\(back)")
        #expect(piped())
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}

@Suite(.serialized) struct OpenURLEndToEndTests {
    @Test func uOpensTheChosenAddressWithBROWSER() throws {
        let folder = freshStateDir()
        let browser = folder + "/browser.sh"
        try "printf '%s' \"$1\" > \(folder)/opened.txt\n".write(toFile: browser, atomically: true, encoding: .utf8)
        // Run through `sh`, not exec'd (see copyPagerAndPipeHandTheTerminalOverAndBack).
        let session = TmuxSession([spoolBinary], environment: ["BROWSER": "sh " + browser])
        session.waitFor { $0.contains("Welcome to Spool") && $0.contains("8 unread") }
        session.send("j", "j", "j", "j", "j")
        let selected = session.waitFor { $0.contains(" 6/9 ") }
        #expect(selected.contains(" 6/9 "), "\(selected)")
        session.send("u")
        // The whole overlay, not its title alone: a capture can fall between two writes.
        let overlay = session.waitFor {
            $0.contains("Open which address?") && $0.contains("1  https://example.org/spool/README")
        }
        #expect(overlay.contains("1  https://example.org/spool/README"), "\(overlay)")
        session.send("1")
        let opened = {
            fileText(folder + "/opened.txt") == "https://example.org/spool/README"
        }
        let deadline = Date().addingTimeInterval(30)
        while !opened() && Date() < deadline { usleep(20_000) }
        #expect(opened(), "nothing reached the browser:\n\(session.capture())")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}

@Suite(.serialized) struct LibraryEndToEndTests {
    @Test func severalFilesOpenALibraryAndQComesBackToIt() throws {
        let session = TmuxSession(
            [spoolBinary, Fixture.path(Fixture.seed), Fixture.path("mbox/nntp_2.txt")], columns: 110, rows: 30)
        let list = session.waitFor {
            $0.contains("Library: 2 discussions") && $0.contains("> Baby P: The Untold Story") && $0.contains("never")
        }
        #expect(list.contains("> Baby P: The Untold Story"), "\(list)")
        #expect(list.contains("community-c"))
        #expect(list.contains("never"))
        session.send("Enter")
        session.waitFor { $0.contains("16 unread") }
        session.send("j", "j", "q")
        let back = session.waitFor { $0.contains("Library: 2 discussions") && $0.contains("14") }
        #expect(back.contains("14"), "the unread count came back updated:\n\(back)")
        session.send("j", "Enter")
        let second = session.waitFor { $0.contains("nntp_2.txt") && $0.contains("unread") && !$0.contains("Library:") }
        #expect(second.contains("Re: Github wiki vs Mozilla wiki"), "\(second)")
        session.send("q", "q")
        #expect(session.exitStatus() == 0)
    }
}

/// With `LANG=C` the terminal cannot show what is beyond ASCII: look-alikes and `?`, never blanks.
@Suite(.serialized) struct ASCIILocaleEndToEndTests {
    @Test func typographicPunctuationReadsAsASCII() throws {
        let session = TmuxSession(
            [spoolBinary, Fixture.path(Fixture.seed)], columns: 120, rows: 40, environment: ["LANG": "C"])
        session.waitFor { $0.contains(" 1/17  16 unread") }
        session.send("j", "j")
        let screen = session.waitFor { $0.contains(" 3/17  14 unread") && $0.contains("agenda") }
        #expect(screen.contains("people's agenda"), "\(screen)")
        #expect(!screen.contains("people s agenda"))
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}

/// Reopening a discussion in the terminal goes back to where it was left.
@Suite(.serialized) struct ResumeEndToEndTests {
    @Test func theSecondRunOpensWhereTheFirstLeftOff() throws {
        let first = TmuxSession([spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30)
        first.waitFor { $0.contains(" 1/17  16 unread") }
        first.send("j", "j", "j", "j", "j")
        first.waitFor { $0.contains(" 6/17  11 unread") }
        first.send("q")
        #expect(first.exitStatus() == 0)
        let second = TmuxSession(
            [spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30,
            environment: ["SPOOL_STATE_DIR": first.stateDir])
        let screen = second.waitFor { $0.contains(" 6/17  11 unread") && $0.contains("Back where you left off.") }
        #expect(screen.contains(" 6/17  11 unread"), "\(screen)")
        second.send("q")
        #expect(second.exitStatus() == 0)
    }
}

/// A file among the arguments that is not a discussion is named in the library, with why.
@Suite(.serialized) struct LibraryLeftOutEndToEndTests {
    @Test func aJunkFileIsListedWithItsError() throws {
        let folder = freshStateDir()
        let junk = folder + "/junk.bin"
        #expect(FileManager.default.createFile(atPath: junk, contents: Data([0, 1, 2, 0, 0xFF, 0])))
        let session = TmuxSession([spoolBinary, Fixture.path(Fixture.seed), junk], columns: 160, rows: 30)
        let list = session.waitFor { $0.contains("Library: 1 discussion") && $0.contains("Left out") }
        #expect(list.contains("Left out, not discussions Spool can read: junk.bin ("), "\(list)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}

@Suite(.serialized) struct MessagePartsEndToEndTests {
    @Test func headersAttachmentsSavingAndThreadOrderInTheTerminal() throws {
        let folder = freshStateDir()
        let session = TmuxSession([spoolBinary, Fixture.path("mbox/attachments.mbox")], columns: 120, rows: 30)
        session.waitFor { $0.contains("2 threads · 3 messages") && $0.contains("A later thread") }
        session.send("/")
        session.sendLiteral("Logs")
        session.send("Enter", "H")
        let headers = session.waitFor { $0.contains("Message-ID: <logs-1@example.org>") && $0.contains("List-Id:") }
        #expect(headers.contains("From:       \"Alice Liddell\" <alice@example.org>"), "\(headers)")
        session.send("V")
        session.waitFor { $0.contains("View which attachment?") && $0.contains("2  screen.png  image/png, 512 bytes") }
        session.send("s", "2", "C-a")
        session.sendLiteral(folder + "/")
        session.send("Enter")
        let saved = session.waitFor { $0.contains("Saved 512 bytes to \(folder)/screen.png.") }
        #expect(saved.contains("Saved 512 bytes"), "\(saved)")
        #expect(FileManager.default.contents(atPath: folder + "/screen.png") == Data(Array(0...255) + Array(0...255)))
        session.send("s", "C-u")
        session.sendLiteral(folder + "/kept.mbox")
        session.send("Enter")
        session.waitFor { $0.contains("to \(folder)/kept.mbox.") }
        let mailbox = (try? String(contentsOfFile: folder + "/kept.mbox", encoding: .utf8)) ?? ""
        #expect(mailbox.hasPrefix("From alice@example.org Tue Nov 17 10:21:03 2009\n"), "\(mailbox.prefix(200))")
        session.send("O")
        let sorted = session.waitFor { $0.contains("Threads oldest activity first") }
        let rows = sorted.split(separator: "\n").map(String.init)
        let logs = rows.firstIndex { $0.contains("Logs and a picture  2/1") }
        let later = rows.firstIndex { $0.contains("A later thread") }
        #expect(logs != nil && later != nil && logs! < later!, "oldest first:\n\(sorted)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}

/// A discussion opened by its address in the real terminal, fetched again with `$`.
@Suite(.serialized) struct AddressReaderEndToEndTests {
    @Test func dollarFetchesAgainAndMarksWhatCameSinceNew() throws {
        let path = Fixture.path("json/hn-17-algolia-items-api.json")
        let server = try LoopbackHTTPServer(routes: ["/api/v1/items/17": try .file(path)])
        let cache = freshStateDir()
        let session = TmuxSession(
            [spoolBinary, "hn:17"], columns: 100, rows: 24,
            environment: ["SPOOL_HN_API": server.base + "/api/v1", "SPOOL_CACHE_DIR": cache])
        let first = session.waitFor { $0.contains("3 comments") && $0.contains("Arrington") }
        #expect(first.contains("hn:17"), "the address names the discussion:\n\(first)")
        // The thread gains a reply; `$` fetches it and reopens where the reader was.
        var thread = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var children = try #require(thread["children"] as? [[String: Any]])
        children.append([
            "id": 99_999, "author": "newcomer", "type": "comment", "created_at_i": 1_700_000_000,
            "text": "<p>A fresh reply</p>", "children": [],
        ])
        thread["children"] = children
        server.serve("/api/v1/items/17", .init(body: Array(try JSONSerialization.data(withJSONObject: thread))))
        session.send("j")
        session.send("$")
        // pg was read before `$`: its mark stays; the new reply is unread and new.
        let refreshed = session.waitFor {
            $0.contains("4 comments") && $0.contains("3 unread") && $0.contains("1 new") && $0.contains("newcomer")
        }
        #expect(refreshed.contains("2/5  3 unread, 1 new"), "\(refreshed)")
        #expect(server.requests.count == 2)
        server.stop()
        session.send("$")
        // Unreachable now: the reader goes on with the cached copy and says so.
        let failed = session.waitFor { $0.contains("4 comments") && $0.contains("could not be reached") }
        #expect(failed.contains("4 comments") && failed.contains("could not be reached"), "\(failed)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}

/// Quoted text folded and shown (`T`) headless and in the terminal.
@Suite(.serialized) struct QuoteFoldingEndToEndTests {
    static func archive() throws -> String {
        let path = Scratch.folder.appendingPathComponent("quotes-\(UUID().uuidString).mbox")
            .path
        let text = """
            From ann Mon Jan  1 00:00:00 2024
            From: Ann <ann@example.org>
            Subject: Caches
            Date: Mon, 1 Jan 2024 10:00:00 +0000
            Message-ID: <a@example.org>

            The cache is cold after a restart.

            From bob Mon Jan  1 00:00:00 2024
            From: Bob <bob@example.org>
            Subject: Re: Caches
            Date: Mon, 1 Jan 2024 11:00:00 +0000
            Message-ID: <b@example.org>
            In-Reply-To: <a@example.org>
            References: <a@example.org>

            Ann wrote:
            > The cache is cold after a restart.
            > It takes minutes to warm.
            > Nobody knows why.
            > Nobody asked.
            > The end.
            Warm it at start.
            --\u{20}
            Bob

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func renderFoldsLongQuotesUntilT() throws {
        let file = try Self.archive()
        let folded = spawn([
            spoolBinary, "render", file, "--keys", "jj", "--size", "80x30", "--state-dir", freshStateDir(),
        ])
        #expect(folded.output.contains("[> 5 quoted lines · T shows them]"), "\(folded.output)")
        #expect(folded.output.contains("[-- signature, 1 line · T shows it]"))
        #expect(!folded.output.contains("Nobody asked."))
        let shown = spawn([
            spoolBinary, "render", file, "--keys", "jjT", "--size", "80x30", "--state-dir", freshStateDir(),
        ])
        #expect(
            shown.output.contains("> Nobody asked.") && shown.output.contains("Warm it at start."), "\(shown.output)")
    }

    @Test func sinceChoosesWhatIsNew() throws {
        let file = try Self.archive()
        let result = spawn([
            spoolBinary, "render", file, "--json", "--since", "2024-01-01T10:30", "--state-dir", freshStateDir(),
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((json["state"] as? [String: Any])?["new"] as? Int == 1, "\(result.output)")
        let wrong = spawn([spoolBinary, "render", file, "--since", "last tuesday"])
        #expect(wrong.status == 2)
        #expect(wrong.output.contains("--since takes a date (2026-11-30 or 2026-11-30T18:00, UTC) or an age"))
    }

    @Test func tShowsQuotesInTheTerminal() throws {
        let session = TmuxSession([spoolBinary, try Self.archive()], columns: 80, rows: 30)
        session.waitFor { $0.contains("Ann") && $0.contains("Bob") && $0.contains("unread") }
        session.send("j", "j")
        let folded = session.waitFor {
            $0.contains("[> 5 quoted lines · T shows them]") && $0.contains("Warm it at start.")
        }
        #expect(folded.contains("[> 5 quoted lines · T shows them]"), "\(folded)")
        session.send("T")
        let shown = session.waitFor {
            $0.contains("> Nobody asked.") && $0.contains("Quoted text and signatures shown")
        }
        #expect(shown.contains("> Nobody asked.") && shown.contains("Quoted text and signatures shown"), "\(shown)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }
}

/// The loading screen while an address is fetched in the terminal.
@Suite(.serialized) struct LoadingScreenEndToEndTests {
    @Test func theLoadingScreenShowsTheFetchThenTheReader() throws {
        var reply = try LoopbackHTTPServer.Reply.file(Fixture.path("json/hn-17-algolia-items-api.json"))
        reply.delay = 1.5
        let server = try LoopbackHTTPServer(routes: ["/api/v1/items/17": reply])
        let session = TmuxSession(
            [spoolBinary, "hn:17"], columns: 100, rows: 24,
            environment: ["SPOOL_HN_API": server.base + "/api/v1", "SPOOL_CACHE_DIR": freshStateDir()])
        let loading = session.waitFor { $0.contains("Fetching hn:17") && $0.contains("q stops") }
        #expect(loading.contains("Fetching hn:17") && loading.contains("q stops"), "\(loading)")
        let reader = session.waitFor { $0.contains("3 comments") && $0.contains("Arrington") }
        #expect(reader.contains("3 comments") && !reader.contains("Fetching"), "\(reader)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func qStopsAFetchAndKeepsNothing() throws {
        var reply = try LoopbackHTTPServer.Reply.file(Fixture.path("json/hn-17-algolia-items-api.json"))
        reply.delay = 4
        let server = try LoopbackHTTPServer(routes: ["/api/v1/items/17": reply])
        let cache = freshStateDir()
        let session = TmuxSession(
            [spoolBinary, "hn:17"], columns: 100, rows: 24,
            environment: ["SPOOL_HN_API": server.base + "/api/v1", "SPOOL_CACHE_DIR": cache])
        session.waitFor { $0.contains("Fetching hn:17") && $0.contains("q stops") }
        session.send("q")
        let status = session.exitStatus(timeout: 10)
        // The pane holds any sanitizer report that made the status 1 (seen once under ASan).
        #expect(status == 0, "\(session.capture())")
        #expect(session.capture().contains("spool: fetching stopped; nothing was kept."))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: cache + "/hn")) ?? [] == [])
    }
}
