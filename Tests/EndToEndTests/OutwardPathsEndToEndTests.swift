import Foundation
import SpoolTestSupport
import Testing

/// Every byte Spool writes outside the reader's screen: stderr, exports on a terminal, JSON.
@Suite(.serialized) struct OutwardPathsEndToEndTests {
    /// The unsafe scalars of the sanitiser: C0 but line breaks, DEL, C1, bidi controls.
    private func unsafe(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            let v = scalar.value
            return (v < 0x20 && v != 0x0A) || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v)
        }
    }

    @Test func aThemeNameWithEscapesIsShownNotObeyed() {
        let result = spawn([spoolBinary, "render", "--theme", "\u{1B}]0;PWN\u{7}x"])
        #expect(result.status == 1)
        #expect(result.output.contains("^[]0;PWN^Gx"))
        #expect(unsafe(result.output).isEmpty, "\(result.output)")
    }

    @Test func aUsageErrorWithEscapesIsShownNotObeyed() {
        let result = spawn([spoolBinary, "render", "--size", "\u{1B}[2J"])
        #expect(result.status == 2)
        #expect(unsafe(result.output).isEmpty)
        #expect(result.output.contains("^[[2J"))
    }

    @Test func renderJSONEscapesEveryControl() throws {
        let result = spawn([
            spoolBinary, "render", Fixture.path("hostile.txt"), "--json", "--keys", "jjj", "--state-dir",
            freshStateDir(),
        ])
        #expect(result.status == 0)
        #expect(unsafe(result.output).isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(json?["state"] != nil, "still valid JSON")
    }

    @Test func exportJSONEscapesBidiControls() throws {
        let result = spawn([spoolBinary, "export", Fixture.path("hostile.txt")])
        #expect(result.status == 0)
        #expect(unsafe(result.output).isEmpty)
        #expect(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) is [String: Any])
    }

    @Test func exportTextIsExactIntoAFile() throws {
        let result = spawn([spoolBinary, "export", Fixture.path("hostile.txt"), "--format", "text"])
        #expect(result.status == 0)
        #expect(result.output.contains("\u{1B}"), "a file or pipe gets the text as it is")
    }

    @Test func exportTextOnATerminalSetsNoTitle() throws {
        let session = TmuxSession([spoolBinary, "export", Fixture.path("hostile.txt"), "--format", "text"])
        #expect(session.exitStatus() == 0)
        let screen = session.capture()
        #expect(screen.contains("^[]0;window title^G"), "\(screen)")
        let title = spawn(["tmux", "-L", session.socket, "display-message", "-p", "#{pane_title}"]).output
        #expect(!title.contains("window title"), "the OSC 0 sequence was not obeyed: \(title)")
    }

    /// Config and theme files that once aborted Spool at every start.
    private func configHome(config: String?, theme: String?) throws -> String {
        let home = freshStateDir()
        let spool = URL(fileURLWithPath: home).appendingPathComponent("spool")
        try FileManager.default.createDirectory(
            at: spool.appendingPathComponent("themes"), withIntermediateDirectories: true)
        if let config { try Data(config.utf8).write(to: spool.appendingPathComponent("config.toml")) }
        if let theme { try Data(theme.utf8).write(to: spool.appendingPathComponent("themes/bad.toml")) }
        return home
    }

    @Test func aBrokenConfigLineIsReportedAndTheReaderStarts() throws {
        let home = try configHome(config: "a = [}\n", theme: nil)
        let session = TmuxSession(
            [spoolBinary, Fixture.path(Fixture.seed)], columns: 160, rows: 30, environment: ["XDG_CONFIG_HOME": home])
        let screen = session.waitFor { $0.contains("16 unread") && $0.contains("config.toml:1: invalid value") }
        #expect(screen.contains("config.toml:1: invalid value"), "\(screen)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func aBrokenUserThemeIsReportedWhenAskedForAndHarmlessOtherwise() throws {
        let home = try configHome(config: nil, theme: "\"tree.text\" = [}\n")
        let env = ["/usr/bin/env", "XDG_CONFIG_HOME=\(home)", spoolBinary, "render"]
        let plain = spawn(env + [Fixture.path(Fixture.seed), "--state-dir", freshStateDir()])
        #expect(plain.status == 0, "\(plain.output)")
        let asked = spawn(env + ["--theme", "bad", "--state-dir", freshStateDir()])
        #expect(asked.status == 1)
        #expect(asked.output.contains("bad.toml:1: invalid value"), "\(asked.output)")
    }

    @Test func aMisspeltThemeInTheConfigFallsBackToTheDefaultAndSaysSo() throws {
        let home = try configHome(config: "theme = \"nrod\"\n", theme: nil)
        let session = TmuxSession(
            [spoolBinary, Fixture.path(Fixture.seed)], columns: 200, rows: 30, environment: ["XDG_CONFIG_HOME": home])
        let screen = session.waitFor { $0.contains("16 unread") && $0.contains("did you mean \"nord\"") }
        #expect(screen.contains("config.toml: theme: no theme named \"nrod\""), "\(screen)")
        session.send("q")
        #expect(session.exitStatus() == 0)
        let typed = spawn(["/usr/bin/env", "XDG_CONFIG_HOME=\(home)", spoolBinary, "render", "--theme", "nrod"])
        #expect(typed.status == 1, "a name typed on the command line is still an error")
    }

    @Test func aUserThemeWithTwoBadRolesReportsBothAndKeepsTheGoodOnes() throws {
        let theme = """
            name = "bad"
            [roles]
            "tree.unred" = { fg = "red" }
            "status" = { fg = "blue", reverse = true }
            "tree.text" = { fg = "purpleish" }
            """
        let home = try configHome(config: "theme = \"bad\"\n", theme: theme)
        let result = spawn([
            "/usr/bin/env", "XDG_CONFIG_HOME=\(home)", spoolBinary, "render", Fixture.path(Fixture.seed), "--state-dir",
            freshStateDir(),
        ])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("bad.toml:3: unknown role \"tree.unred\""), "\(result.output)")
        #expect(result.output.contains("bad.toml:5: \"purpleish\" in tree.text.fg"), "\(result.output)")
    }
}

/// A file name that is not UTF-8, typed in a shell, opens exactly and is shown escaped.
@Suite struct NonUTF8ArgumentEndToEndTests {
    @Test func aLatin1FileNameFromTheShellOpens() throws {
        let folder = Scratch.folder.appendingPathComponent("spool-argv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = #"""
            name="$2/$(printf 'caf\351.mbox')"
            cp "$1" "$name" && "$0" render --state-dir "$3" "$name"
            """#
        let result = spawn([
            "/bin/sh", "-c", script, spoolBinary, Fixture.path("mbox/mbox_single.mbox"), folder.path, freshStateDir(),
        ])
        #expect(result.status == 0, "\(result.output)")
        #expect(trimmedLines(result.output).first?.hasPrefix("caf\\xE9.mbox") == true, "\(result.output)")
    }
}

/// Addresses through the real binary, against a server on loopback.
@Suite(.serialized) struct AddressEndToEndTests {
    @Test func anAddressIsFetchedExportedAndReopenedOffline() throws {
        let server = try LoopbackHTTPServer(routes: [
            "/api/v1/items/17": try .file(Fixture.path("json/hn-17-algolia-items-api.json"))
        ])
        let cache = freshStateDir()
        let environment = ["env", "SPOOL_HN_API=\(server.base)/api/v1", "SPOOL_CACHE_DIR=\(cache)"]
        let online = spawn(environment + [spoolBinary, "export", "--format", "text", "hn:17"])
        #expect(online.status == 0, "\(online.output)")
        #expect(online.output.contains("Is there anywhere to eat on Sandhill Road?"))
        let direct = spawn([
            spoolBinary, "export", "--format", "text", Fixture.path("json/hn-17-algolia-items-api.json"),
        ])
        #expect(online.output == direct.output)
        server.stop()
        let offline = spawn(environment + [spoolBinary, "export", "--offline", "hn:17"])
        #expect(offline.status == 0, "\(offline.output)")
        let screen = spawn(
            environment + [
                spoolBinary, "render", "--offline", "hn:17", "--size", "100x12", "--state-dir", freshStateDir(),
            ])
        #expect(screen.status == 0)
        #expect(screen.output.contains("Offline: the copy fetched just now"), "\(screen.output)")
        let failed = spawn(environment + [spoolBinary, "export", "hn:18"])
        #expect(failed.status == 1)
        #expect(
            failed.output.contains("/api/v1/items/18: could not be reached (the connection was refused)"),
            "\(failed.output)")
    }
}

/// A news group through the real binary, against a scripted news server on loopback.
@Suite(.serialized) struct NewsAddressEndToEndTests {
    @Test func aNewsGroupIsExportedRenderedAndReopenedOffline() throws {
        let articles = (1...3).map { number in
            LoopbackNNTPServer.Article(
                number: number, messageID: "<\(number)@news.example>",
                text: """
                    From: Poster \(number) <p\(number)@example.org>
                    Subject: \(number == 1 ? "" : "Re: ")Spool over NNTP
                    Date: Mon, 0\(number) Jan 2024 10:00:00 +0000
                    Message-ID: <\(number)@news.example>
                    \(number == 1 ? "" : "References: <1@news.example>\n")
                    Article \(number) text.
                    """)
        }
        let server = try LoopbackNNTPServer(group: "comp.test", articles: articles)
        let cache = freshStateDir()
        let address = "news://127.0.0.1:\(server.port)/comp.test"
        let environment = ["env", "SPOOL_CACHE_DIR=\(cache)"]
        let exported = spawn(environment + [spoolBinary, "export", "--format", "text", address])
        #expect(exported.status == 0, "\(exported.output)")
        #expect(exported.output.contains("Article 3 text."))
        server.stop()
        let screen = spawn(
            environment + [
                spoolBinary, "render", "--offline", address, "--size", "100x16", "--state-dir", freshStateDir(),
            ])
        #expect(screen.status == 0)
        #expect(screen.output.contains("Poster 1") && screen.output.contains("Poster 3"), "\(screen.output)")
        #expect(screen.output.contains("Offline: the copy fetched just now"), "\(screen.output)")
    }
}
