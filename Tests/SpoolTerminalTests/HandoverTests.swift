import Foundation
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolTerminal

/// What the terminal side does with commands that need no screen.
@Suite struct TerminalCommandTests {
    @Test func base64ForOSC52MatchesRFC4648() {
        #expect(Base64.encode(Array("".utf8)) == "")
        #expect(Base64.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode(Array("foo".utf8)) == "Zm9v")
        #expect(Base64.encode(Array("Spool!?".utf8)) == "U3Bvb2whPw==")
        #expect(Base64.encode(Array("語\u{1B}]52".utf8)) == "6KqeG101Mg==", "escapes travel as letters")
    }

    @Test func theAlphabetHasNoControlOrQuoteCharacters() {
        let encoded = Base64.encode((0...255).map(UInt8.init))
        #expect(encoded.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0 != "\"" && $0 != "\\" })
    }

    @Test func savesAreNotTheTerminalsToPerform() throws {
        try withDevNullTerminal(columns: 10, rows: 2) { terminal in
            #expect(terminal.perform(.saveReadMarks) == nil)
            #expect(terminal.perform(.saveCollapsed) == nil)
            #expect(terminal.perform(.saveHistory) == nil)
        }
    }

    @Test func anOpenerIsLookedForOnThePath() throws {
        let folder = Scratch.folder.appendingPathComponent("spool-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let opener = folder.appendingPathComponent("xdg-open").path
        #expect(FileManager.default.createFile(atPath: opener, contents: Data("#!/bin/sh\n".utf8)))
        #expect(!CursesTerminal.isOnPath("xdg-open", path: "/nonexistent:\(folder.path)"), "not executable")
        chmod(opener, 0o755)
        #expect(CursesTerminal.isOnPath("xdg-open", path: "/nonexistent:\(folder.path)"))
        #expect(!CursesTerminal.isOnPath("xdg-open", path: ""))
    }

    @Test func openingWithNoBrowserAndNoOpenerSaysWhatToDo() throws {
        try withDevNullTerminal(columns: 10, rows: 2) { terminal in
            let path = getenv("PATH").map { String(cString: $0) }
            let browser = getenv("BROWSER").map { String(cString: $0) }
            setenv("PATH", "/nonexistent", 1)
            unsetenv("BROWSER")
            defer {
                if let path { setenv("PATH", path, 1) }
                if let browser { setenv("BROWSER", browser, 1) }
            }
            let said = terminal.perform(.open("https://example.org/"))
            #expect(said?.hasPrefix("Nothing to open https://example.org/ with: set $BROWSER") == true)
        }
    }

    @Test func viewingWithoutMailcapSaysWhatToDo() throws {
        let said = CursesTerminal.missingViewer(for: "image/png\u{1B}[2J", path: "/nonexistent")
        #expect(said == "No viewer for image/png[2J: install mailcap (run-mailcap), or save it with V then s.")
    }
}
