/// Why the terminal could not be set up.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input or output is not a terminal. Run spool in a terminal, or use "
                + "`spool render FILE` or `spool export FILE` for output a script can read."
        case .unknownTerminal(let name):
            return "the terminal type TERM=\(name) is not known to this system's terminfo. "
                + "Set TERM to one it knows, for example TERM=xterm-256color."
        }
    }
}
