/// Runs a ``Program`` without a terminal, by the one rule every scripted run follows:
/// after each key, the work that key started is finished before the next key. `spool
/// render --keys`, keys pushed into the terminal with `--keys`, the tests and
/// `spool-bench` all go through here, so the same keys give the same state on a file of
/// any size.
///
/// ```swift
/// var runner = HeadlessRunner(program)
/// runner.press(keys)
/// let screen = runner.program.render()
/// ```
public struct HeadlessRunner<P: Program> {
    public var program: P
    /// The commands the keys asked for that need a terminal (copy, page, pipe, open), in
    /// order; a headless run does not perform them.
    public private(set) var commands: [Command] = []
    /// Whether a key asked to quit.
    public private(set) var hasQuit = false

    /// How much work is done at a time while finishing (a bound on one call, not on the total).
    public static var workChunk: Int { 1 << 16 }

    /// A runner on `program`; work the opening started (muted words to check) is finished
    /// first, as after a key.
    public init(_ program: P) {
        self.program = program
        _ = Self.finishWork(&self.program)
    }

    /// The commands asked for since the last call, handed over once.
    public mutating func takeCommands() -> [Command] {
        defer { commands = [] }
        return commands
    }

    /// Presses `keys` in order until one quits; returns the effects of the last key handled.
    @discardableResult
    public mutating func press(_ keys: [Key]) -> Effects {
        var last = Effects.none
        for key in keys where !hasQuit {
            last = handle(.key(key))
        }
        return last
    }

    /// Handles one input and finishes the work it started.
    @discardableResult
    public mutating func handle(_ input: Input) -> Effects {
        var effects = program.handle(input)
        effects.merge(Self.finishWork(&program))
        commands += effects.commands.filter(\.needsTerminal)
        if effects.quit { hasQuit = true }
        return effects
    }

    /// Does all of `program`'s pending work; returns its effects together.
    public static func finishWork(_ program: inout P) -> Effects {
        var effects = Effects.none
        while program.hasPendingWork { effects.merge(program.work(budget: workChunk)) }
        return effects
    }
}
