import SpoolScreen
import SpoolTestSupport
import Testing

@Suite struct HeadlessRunnerTests {
    @Test func workAKeyStartedIsFinishedBeforeTheNextKey() {
        var runner = HeadlessRunner(CountingProgram())
        runner.press([.character("+"), .character("+"), .character("x")])
        #expect(runner.program.seenWhenKeyed == [0, 10, 20])
        #expect(runner.program.render().textLines == ["done 20", ""])
    }

    @Test func commandsForTheTerminalAreKeptAndHandedOverOnce() {
        var runner = HeadlessRunner(CountingProgram())
        runner.press([.character("+"), .character("c")])
        #expect(runner.takeCommands() == [.copy("10")], "saves are the program's own, not the terminal's")
        #expect(runner.takeCommands().isEmpty)
    }

    @Test func keysAfterAQuitAreNotPressed() {
        var runner = HeadlessRunner(CountingProgram())
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
