import SpoolScreen
import Testing

/// A counter whose `+` starts a job of ten units; `c` asks for a copy; `q` quits.
private struct Counter: Program {
    var done = 0
    var pending = 0
    var seenWhenKeyed: [Int] = []

    mutating func handle(_ input: Input) -> Effects {
        guard case .key(.character(let c)) = input else { return .none }
        seenWhenKeyed.append(done)
        switch c {
        case "+": pending += 10
        case "c": return Effects(commands: [.copy("\(done)"), .saveReadMarks])
        case "q": return .quit
        default: break
        }
        return .redraw
    }

    var hasPendingWork: Bool { pending > 0 }

    mutating func work(budget: Int) -> Effects {
        let step = min(budget, pending, 3)
        pending -= step
        done += step
        return .redraw
    }

    mutating func render() -> Screen {
        var screen = Screen(width: 8, height: 1)
        screen.put("\(done)", x: 0, y: 0, style: .plain, clip: screen.bounds)
        return screen
    }
}

@Suite struct HeadlessRunnerTests {
    @Test func workAKeyStartedIsFinishedBeforeTheNextKey() {
        var runner = HeadlessRunner(Counter())
        runner.press([.character("+"), .character("+"), .character("x")])
        #expect(runner.program.seenWhenKeyed == [0, 10, 20])
        #expect(runner.program.render().textLines == ["20"])
    }

    @Test func commandsForTheTerminalAreKeptAndHandedOverOnce() {
        var runner = HeadlessRunner(Counter())
        runner.press([.character("+"), .character("c")])
        #expect(runner.takeCommands() == [.copy("10")], "saves are the program's own, not the terminal's")
        #expect(runner.takeCommands().isEmpty)
    }

    @Test func keysAfterAQuitAreNotPressed() {
        var runner = HeadlessRunner(Counter())
        runner.press([.character("q"), .character("+")])
        #expect(runner.hasQuit)
        #expect(runner.program.seenWhenKeyed == [0])
    }

    @Test func effectsMergeInOrder() {
        let first = Effects(redraw: true, commands: [.copy("a")])
        let second = Effects(quit: true, commands: [.open("b")])
        #expect(first.merged(with: second) == Effects(redraw: true, quit: true, commands: [.copy("a"), .open("b")]))
        #expect(!Command.saveCollapsed.needsTerminal && Command.page("x").needsTerminal)
    }
}
