import SpoolScreen

/// The loop of linear mode: the program's opening lines, then one key at a time, each
/// answered with the lines it says, until it quits, input ends or a signal comes.
public enum LinearSession {
    /// Runs `program` in `terminal`; `pushed` keys are handled first, as if typed.
    public static func run<P: LineProgram>(
        _ program: inout P, terminal: LinearTerminal, pushed: [Key] = []
    ) -> TerminalSession.Ending {
        terminal.write(LineOutput(lines: program.opening(columns: terminal.columns)))
        var echoing = false
        var pending = pushed[...]
        while true {
            let input: LinearTerminal.Input = pending.popFirst().map { .key($0) } ?? terminal.read()
            let key: Key
            switch input {
            case .key(let pressed): key = pressed
            case .end:
                if echoing { terminal.endLine() }
                return .quit
            case .signal(let number):
                if echoing { terminal.endLine() }
                return .signal(number)
            }
            let output = program.handle(key, columns: terminal.columns)
            // Lines start on a line of their own: a prompt being echoed ends first.
            if echoing && !output.lines.isEmpty { terminal.endLine() }
            terminal.write(output)
            if !output.lines.isEmpty { echoing = false }
            if !output.echo.isEmpty { echoing = true }
            if output.quit { return .quit }
        }
    }
}
