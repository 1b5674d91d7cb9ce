import SpoolScreen

/// The one interactive loop, for any ``Program`` (the reader, the library list): draw, read
/// an input, let the program handle it, perform its commands, until it quits or a signal
/// ends it. Idle time becomes work budgets here and nowhere else.
public enum TerminalSession {
    /// How the session ended.
    public enum Ending: Equatable {
        case quit
        case signal(Int32)

        /// The process's exit status for this ending: 0, or 128 + the signal's number.
        public var exitStatus: Int32 {
            if case .signal(let number) = self { return 128 + number }
            return 0
        }
    }

    /// Comments of pending work done between two looks for a key.
    static let idleBudget = 256

    /// Runs `program` in `terminal`. `pushed` keys are handled after the first frame, as if
    /// typed, by the headless rule (the work each starts is finished before the next).
    public static func run<P: Program>(_ program: inout P, terminal: CursesTerminal, pushed: [Key]) -> Ending {
        terminal.forgetDrawnScreen()
        let size = terminal.size
        var effects = program.handle(.key(.resize(columns: size.columns, rows: size.rows)))
        terminal.draw(program.render())
        for key in pushed {
            effects = program.handle(.key(key))
            effects.merge(HeadlessRunner.finishWork(&program))
            if perform(effects, &program, terminal) { return .quit }
        }
        if !pushed.isEmpty { terminal.draw(program.render()) }
        // An input read ahead while resizes were being gathered.
        var readAhead: CursesTerminal.Input?
        while true {
            // With work pending (a search, a limit, comments to get ready), look for a key
            // without waiting and work on while there is none.
            let input = readAhead ?? terminal.read(waiting: !program.hasPendingWork)
            readAhead = nil
            switch input {
            case .signal(let number): return .signal(number)
            case .idle:
                guard program.hasPendingWork else { continue }
                effects = program.work(budget: idleBudget)
            case .key(.control("l")):
                // Ctrl-L repaints every cell, as in every full-screen program; not a key of the program's.
                terminal.forgetDrawnScreen()
                effects = .redraw
            case .key(let key):
                effects = program.handle(.key(key))
                if case .resize = key {
                    // A window being dragged sends many sizes: take every one already
                    // waiting, then draw once, at the last.
                    gathering: while true {
                        let next = terminal.read(waiting: false)
                        switch next {
                        case .key(.resize(let columns, let rows)):
                            effects.merge(program.handle(.key(.resize(columns: columns, rows: rows))))
                        case .idle: break gathering
                        case .key, .signal:
                            readAhead = next
                            break gathering
                        }
                    }
                }
            }
            if perform(effects, &program, terminal) { return .quit }
            if effects.redraw { terminal.draw(program.render()) }
        }
    }

    /// Performs the commands that need the terminal; a failure goes back to the program as
    /// a notice. Returns whether the program quit.
    private static func perform<P: Program>(_ effects: Effects, _ program: inout P, _ terminal: CursesTerminal) -> Bool
    {
        for command in effects.commands where command.needsTerminal {
            if let failure = terminal.perform(command) { _ = program.handle(.notice(failure)) }
        }
        return effects.quit
    }
}
