import SpoolView

/// The interactive loop: draw, read a key, let the App handle it, until it quits or a
/// signal ends it; the terminal is restored on every path.
public enum TerminalSession {
    /// How the session ended.
    public enum Ending: Equatable {
        case quit
        case signal(Int32)
    }

    /// Runs `app` in the terminal. `pushed` keys are handled after the first frame, as if
    /// typed; `persist` is called with the effects of every key that changed read marks or
    /// folds (so each change is saved at once), and once more at the end whatever the ending.
    public static func run(
        _ app: inout App, view: ReaderView, useColour: Bool, useMouse: Bool = true, pushed: [Key],
        persist: (inout App, Effects) -> Void
    ) throws -> Ending {
        let terminal = try CursesTerminal(useColour: useColour, useMouse: useMouse)
        defer { terminal.close() }
        return run(&app, view: view, terminal: terminal, pushed: pushed, persist: persist)
    }

    /// Runs `app` in a terminal that is already set up (the library opens discussions one
    /// after another in one terminal).
    public static func run(
        _ app: inout App, view: ReaderView, terminal: CursesTerminal, pushed: [Key], persist: (inout App, Effects) -> Void
    ) -> Ending {
        // A terminal without colour gets the attribute-only form of the themes.
        let view = terminal.colorCapability == .none ? view.withoutColour : view
        terminal.forgetDrawnScreen()
        defer { persist(&app, [.persistReadMarks, .persistFolds]) }
        let size = terminal.size
        app.handle(.resize(columns: size.columns, rows: size.rows))
        terminal.draw(view.render(app))
        for key in pushed {
            if apply(key, to: &app, persist: persist) { return .quit }
            handOver(&app, terminal)
        }
        if !pushed.isEmpty { terminal.draw(view.render(app)) }
        while true {
            // With work pending (a search, a limit, comments to get ready), look for a
            // key without waiting and work on while there is none.
            switch terminal.read(waiting: !app.hasPendingWork) {
            case .signal(let number): return .signal(number)
            case .idle:
                guard app.hasPendingWork else { continue }
                if app.doPendingWork() { terminal.draw(view.render(app)) }
            case .key(let key):
                if apply(key, to: &app, persist: persist) { return .quit }
                handOver(&app, terminal)
                terminal.draw(view.render(app))
            }
        }
    }

    /// How the library list ended.
    public enum LibraryEnding: Equatable {
        case open(Int)
        case quit
        case signal(Int32)
    }

    /// Shows `library` until a discussion is opened, it quits, or a signal ends it.
    public static func runLibrary(_ library: inout Library, view: LibraryView, terminal: CursesTerminal, pushed: [Key]) -> LibraryEnding {
        let view = terminal.colorCapability == .none ? LibraryView(theme: view.theme.withoutColour, now: view.now) : view
        terminal.forgetDrawnScreen()
        let size = terminal.size
        _ = library.handle(.resize(columns: size.columns, rows: size.rows))
        for key in pushed {
            switch library.handle(key) {
            case .open(let index): return .open(index)
            case .quit: return .quit
            case nil: break
            }
        }
        terminal.draw(view.render(library))
        while true {
            switch terminal.read() {
            case .signal(let number): return .signal(number)
            case .idle: continue
            case .key(let key):
                switch library.handle(key) {
                case .open(let index): return .open(index)
                case .quit: return .quit
                case nil: terminal.draw(view.render(library))
                }
            }
        }
    }

    /// Runs what the key asked of the terminal (clipboard, pager, pipe).
    private static func handOver(_ app: inout App, _ terminal: CursesTerminal) {
        guard let request = app.takeRequest() else { return }
        if let message = terminal.perform(request) { app.show(message: message) }
    }

    /// Handles one key; returns true when the App asked to quit.
    private static func apply(_ key: Key, to app: inout App, persist: (inout App, Effects) -> Void) -> Bool {
        let effects = app.handle(key)
        if !effects.isDisjoint(with: [.persistReadMarks, .persistFolds]) { persist(&app, effects) }
        return effects.contains(.quit)
    }
}
