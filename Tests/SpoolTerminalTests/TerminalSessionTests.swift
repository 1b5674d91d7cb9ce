import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolTerminal

/// The one loop, on a terminal that draws into /dev/null.
@Suite(.serialized) struct TerminalSessionTests {
    @Test func theFirstInputIsTheRealSizeAndPushedKeysFinishTheirWork() throws {
        try withDevNullTerminal(columns: 33, rows: 7) { terminal in
            var program = CountingProgram(step: 4)
            let ending = TerminalSession.run(
                &program, terminal: terminal, pushed: [.character("+"), .character("+"), .character("q")])
            #expect(ending == .quit)
            #expect(program.inputs.first == .key(.resize(columns: 33, rows: 7)))
            #expect(program.seenWhenKeyed == [0, 10, 20], "each pushed key found the last one's work done")
            #expect(terminal.drawnCursor == Position(x: 2, y: 1))
            #expect(terminal.drawnText(ofRow: 0) == "done 0", "the first frame was drawn before the pushed keys")
        }
    }

    @Test func aQuitAmongThePushedKeysEndsThere() throws {
        try withDevNullTerminal(columns: 20, rows: 3) { terminal in
            var program = CountingProgram(step: 4)
            #expect(
                TerminalSession.run(&program, terminal: terminal, pushed: [.character("q"), .character("+")]) == .quit)
            #expect(program.pending == 0 && program.seenWhenKeyed == [0])
        }
    }
}
