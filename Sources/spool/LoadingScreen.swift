import Foundation
import SpoolRemote
import SpoolScreen
import SpoolTerminal
import SpoolView

/// Addresses fetched on another thread behind the loading screen: what is fetched, how far
/// (requests and bytes), `q` stops it. Ctrl-C ends the run as anywhere else.
enum LoadingScreen {
    /// The arguments opened as ``RemoteArguments/open(_:config:showsProgress:onProgress:)``
    /// opens them, with the terminal showing the progress; nil when the user stopped it.
    static func open(
        _ arguments: [String], remote: RemoteArguments, config: ReaderConfig, terminal: CursesTerminal, theme: Theme
    ) throws -> [RemoteArguments.Opened]? {
        let status = FetchStatus()
        let work = Thread {
            let result = Result {
                try remote.open(arguments, config: config, showsProgress: false) { status.report($0.summary) }
            }
            status.finish(with: result)
        }
        work.start()
        let size = terminal.size
        let title = arguments.filter(RemoteAddress.looksLikeAddress).map(RemoteAddress.withoutLogin).joined(
            separator: ", ")
        var program = LoadingProgram(
            title: title, status: status, theme: theme, columns: size.columns, rows: size.rows)
        let ending = TerminalSession.run(&program, terminal: terminal, pushed: [])
        if status.isRunning { ProcessEnd.fetchLeftRunning = true }
        if case .signal(let number) = ending {
            terminal.close()
            ProcessEnd.exit(128 + number)
        }
        // Stopped before the fetch finished: nothing was kept.
        return try status.result?.get()
    }
}

/// The fetch's progress and result, shared between its thread and the loading screen.
private final class FetchStatus: LoadingSource, @unchecked Sendable {
    private let lock = NSLock()
    private var detail = ""
    private var news = false
    private var outcome: Result<[RemoteArguments.Opened], Error>?
    private var cancelled = false
    private var done = false

    func report(_ text: String) {
        lock.withLock {
            detail = text
            news = true
        }
    }

    func finish(with result: Result<[RemoteArguments.Opened], Error>) {
        lock.withLock {
            outcome = cancelled ? nil : result
            news = true
            done = true
        }
    }

    /// Whether the fetch's thread has not finished yet.
    var isRunning: Bool { lock.withLock { !done } }

    /// The fetch's outcome, once it finished and was not stopped.
    var result: Result<[RemoteArguments.Opened], Error>? { lock.withLock { cancelled ? nil : outcome } }

    var hasNews: Bool { lock.withLock { news } }

    func take() -> (detail: String, finished: Bool) {
        lock.withLock {
            news = false
            return (detail, outcome != nil)
        }
    }

    func cancel() { lock.withLock { cancelled = true } }
}
