/// A program that speaks in lines to the terminal's normal stream instead of drawing a
/// screen: linear mode (`--linear`), for screen readers and the terminal's scrollback.
/// Nothing already written is ever redrawn.
public protocol LineProgram {
    /// The lines to write when the program starts (what it is, how to use it, where it is).
    mutating func opening(columns: Int) -> [String]
    /// Handles one key; returns what to write.
    mutating func handle(_ key: Key, columns: Int) -> LineOutput
}

/// What a ``LineProgram`` writes after a key.
public struct LineOutput: Equatable, Sendable {
    /// Whole lines to write, each ended by a line break (a line being echoed ends first).
    public var lines: [String]
    /// Characters echoed on the current line after the lines (a prompt being typed);
    /// `\u{8} \u{8}` takes one back.
    public var echo: String
    /// The program is done.
    public var quit: Bool

    public init(lines: [String] = [], echo: String = "", quit: Bool = false) {
        self.echo = echo
        self.lines = lines
        self.quit = quit
    }
}
