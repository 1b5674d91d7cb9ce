/// Something a loop can run: it takes ``Input``s, returns ``Effects`` and draws itself as
/// a ``Screen``. The reader and the library list are Programs; the terminal's one session
/// loop, `spool render`, the tests and the benchmark all run them the same way.
///
/// A Program never reads the clock: work that would make a key wait (a search through a
/// large archive) is advanced by ``work(budget:)`` in units the loop hands in, so the same
/// inputs give the same state on any machine.
///
/// ```swift
/// var runner = HeadlessRunner(program)
/// runner.press(try KeyNotation.parse("jj<Enter>"))
/// print(runner.program.render().textDump)
/// ```
public protocol Program {
    /// Handles one input; returns what the loop must do.
    mutating func handle(_ input: Input) -> Effects

    /// Whether work is waiting for idle time (a search or a limit still looking, comments to
    /// get ready).
    var hasPendingWork: Bool { get }

    /// Does up to `budget` units of the pending work (a unit is one comment examined).
    mutating func work(budget: Int) -> Effects

    /// The screen at the current size, with the cursor where the reader's attention is.
    mutating func render() -> Screen
}

/// What comes into a ``Program``.
public enum Input: Equatable, Sendable {
    /// A key, a resize or a mouse event.
    case key(Key)
    /// A warning from outside the program (a save or a command that failed): it is shown
    /// in the status line until the next key.
    case notice(String)
}

/// What handling an input asks of the loop: draw again, leave, and commands for the world
/// outside the screen. The one output of a ``Program``.
public struct Effects: Equatable, Sendable {
    /// The screen changed.
    public var redraw: Bool
    /// Leave the program.
    public var quit: Bool
    /// Work for the loop, in order.
    public var commands: [Command]

    public init(redraw: Bool = false, quit: Bool = false, commands: [Command] = []) {
        self.redraw = redraw
        self.quit = quit
        self.commands = commands
    }

    /// Nothing to do.
    public static let none = Effects()
    /// Draw again.
    public static let redraw = Effects(redraw: true)
    /// Leave.
    public static let quit = Effects(quit: true)

    /// These effects followed by `other`'s.
    public func merged(with other: Effects) -> Effects {
        Effects(redraw: redraw || other.redraw, quit: quit || other.quit, commands: commands + other.commands)
    }

    /// Adds `other`'s effects to these.
    public mutating func merge(_ other: Effects) { self = merged(with: other) }
}

/// Work a ``Program`` asks of the world outside its screen.
public enum Command: Equatable, Sendable {
    /// OSC 52: the terminal's clipboard gets the text.
    case copy(String)
    /// `$PAGER` (else `less`) shows the text read-only.
    case page(String)
    /// `sh -c command` reads the text on its standard input.
    case pipe(command: String, text: String)
    /// `$BROWSER` (a terminal browser gets the terminal) or `xdg-open` opens the address.
    case open(String)
    /// Writes `bytes` to the file at `path` (`~/` is the home folder): appended when
    /// `appending`, else only if no such file exists. Says where it went.
    case writeFile(path: String, bytes: [UInt8], appending: Bool)
    /// Shows a file of MIME `type` with the viewer mailcap names for it (`run-mailcap`);
    /// `name` gives the temporary copy its extension.
    case view(bytes: [UInt8], type: String, name: String)
    /// Read marks changed: save them.
    case saveReadMarks
    /// The set of folded subtrees changed: save it.
    case saveCollapsed
    /// A prompt's entry was submitted: save it to the prompt's history.
    case saveHistory
    /// Authors were muted or unmuted with a key: save the change.
    case saveMutes
    /// Comments were flagged or unflagged: save the change.
    case saveBookmarks

    /// Whether the command needs the terminal (the rest are the program's own business).
    public var needsTerminal: Bool {
        switch self {
        case .copy, .page, .pipe, .open, .writeFile, .view: return true
        case .saveReadMarks, .saveCollapsed, .saveHistory, .saveMutes, .saveBookmarks: return false
        }
    }
}
