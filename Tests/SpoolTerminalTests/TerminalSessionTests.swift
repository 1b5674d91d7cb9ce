import SpoolScreen
import Testing

@testable import SpoolTerminal

/// A program that counts: `+` starts ten units of work, `q` quits.
private struct Counter: Program {
    var done = 0
    var pending = 0
    var seenWhenKeyed: [Int] = []
    var inputs: [Input] = []

    mutating func handle(_ input: Input) -> Effects {
        inputs.append(input)
        guard case .key(.character(let c)) = input else { return .redraw }
        seenWhenKeyed.append(done)
        if c == "+" { pending += 10 }
        return c == "q" ? .quit : .redraw
    }

    var hasPendingWork: Bool { pending > 0 }

    mutating func work(budget: Int) -> Effects {
        let step = min(budget, pending, 4)
        pending -= step
        done += step
        return .redraw
    }

    mutating func render() -> Screen {
        var screen = Screen(width: 10, height: 2)
        screen.put("done \(done)", x: 0, y: 0, style: .plain, clip: screen.bounds)
        screen.placeCursor(x: 2, y: 1)
        return screen
    }
}

/// The one loop, on a terminal that draws into /dev/null.
@Suite(.serialized) struct TerminalSessionTests {
    @Test func theFirstInputIsTheRealSizeAndPushedKeysFinishTheirWork() throws {
        try withDevNullTerminal(columns: 33, rows: 7) { terminal in
            var program = Counter()
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
            var program = Counter()
            #expect(
                TerminalSession.run(&program, terminal: terminal, pushed: [.character("q"), .character("+")]) == .quit)
            #expect(program.pending == 0 && program.seenWhenKeyed == [0])
        }
    }
}
