import Foundation

@testable import SpoolTerminal

/// ncurses has one current screen per process: tests that open one take turns.
private let cursesLock = NSLock()

/// Runs `body` with a terminal of `columns` x `rows` that draws into /dev/null, alone.
func withDevNullTerminal<T>(columns: Int, rows: Int, _ body: (CursesTerminal) throws -> T) throws -> T {
    cursesLock.lock()
    defer { cursesLock.unlock() }
    let terminal = try CursesTerminal(devNullOfType: "xterm-256color", columns: columns, rows: rows)
    defer { terminal.close() }
    return try body(terminal)
}
