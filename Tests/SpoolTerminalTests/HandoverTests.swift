import SpoolScreen
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
        }
    }
}
