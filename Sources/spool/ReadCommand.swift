import ArgumentParser
import Foundation
import SpoolCore
import SpoolImport
import SpoolState
import SpoolTerminal
import SpoolView

/// `spool [FILE]`: the interactive reader.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Read a discussion (the default; no FILE opens the demo).")

    @Argument(help: "Discussion files or folders to read (several files or a folder open a library list).")
    var files: [String] = []

    @OptionGroup var reading: ReadingOptions

    @Option(help: "Keys to press after the first frame, in render's notation (e.g. \"jj<Enter>q\").")
    var keys: String = ""

    func run() throws {
        let pushed = try Wiring.keys(keys)
        let (config, problems) = try reading.loadConfig()
        let (themes, themeIndex) = try Wiring.themes(startingWith: reading.themeName(config))
        let utf8 = CursesTerminal.configureLocale()
        let setup = Setup(reading: reading, config: config, problems: problems, themes: themes, themeIndex: themeIndex, utf8: utf8)
        if let paths = DiscussionFile.libraryFiles(for: files) {
            try runLibrary(paths, setup: setup, pushed: pushed)
            return
        }
        let discussion = try Wiring.discussion(at: files, format: reading.from, archive: reading.archive.options)
        var (app, keeper, visit) = setup.app(for: discussion)
        defer { visit.wait() }
        let ending: TerminalSession.Ending
        do {
            ending = try TerminalSession.run(
                &app, view: ReaderView(themes: themes), useColour: !Wiring.noColour, useMouse: config.mouse ?? true, pushed: pushed
            ) { app, effects in
                Wiring.persist(&app, effects: effects, to: keeper)
            }
        } catch let error as TerminalError {
            throw RuntimeFailure(message: error.description, status: 2)
        }
        if case .signal(let number) = ending {
            visit.wait()
            Foundation.exit(128 + number)
        }
    }

    /// The library: a list of the discussions; Enter opens one in the reader, whose `q`
    /// comes back to the list. Files that cannot be imported are left out with a message.
    private func runLibrary(_ paths: [String], setup: Setup, pushed: [Key]) throws {
        var discussions: [Discussion] = []
        var skipped: [String] = []
        for path in paths {
            do {
                discussions.append(try Wiring.discussion(at: path, format: reading.from, archive: reading.archive.options))
            } catch {
                skipped.append(URL(fileURLWithPath: path).lastPathComponent)
            }
        }
        guard !discussions.isEmpty else { throw RuntimeFailure(message: "none of the \(paths.count) files is a discussion Spool can read.") }
        var library = Library(entries: discussions.map { setup.entry(for: $0) }, columns: 80, rows: 24, keyMap: setup.config.keyMap)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(useColour: !Wiring.noColour, useMouse: setup.config.mouse ?? true)
        } catch let error as TerminalError {
            throw RuntimeFailure(message: error.description, status: 2)
        }
        defer { terminal.close() }
        let view = LibraryView(theme: setup.themes[setup.themeIndex], now: Wiring.now)
        var keys = pushed
        while true {
            switch TerminalSession.runLibrary(&library, view: view, terminal: terminal, pushed: keys) {
            case .quit: return
            case .signal(let number):
                terminal.close()
                Foundation.exit(128 + number)
            case .open(let index):
                keys = []
                var (app, keeper, visit) = setup.app(for: discussions[index])
                if !skipped.isEmpty { app.show(message: "Not discussions, left out: \(skipped.joined(separator: ", "))") }
                let ending = TerminalSession.run(&app, view: ReaderView(themes: setup.themes), terminal: terminal, pushed: []) { app, effects in
                    Wiring.persist(&app, effects: effects, to: keeper)
                }
                visit.wait()
                if case .signal(let number) = ending {
                    terminal.close()
                    Foundation.exit(128 + number)
                }
                library.entries[index] = setup.entry(for: discussions[index])
            }
        }
    }
}

/// What every discussion opened in this run shares: options, config, themes.
private struct Setup {
    let reading: ReadingOptions
    let config: ReaderConfig
    let problems: [ConfigProblem]
    let themes: [Theme]
    let themeIndex: Int
    let utf8: Bool

    /// A reader on `discussion` with its saved state, the keeper that saves it, and the
    /// recording of this visit, running (wait for it before the process ends).
    func app(for discussion: Discussion) -> (App, StateKeeper, visit: DispatchWorkItem) {
        let keeper = reading.stateKeeper(for: discussion)
        let saved = keeper.load()
        // The visit (every comment's key, 100,000 rows for a big archive) is written by a
        // keeper of its own on another thread, so the first frame does not wait for it.
        let visitKeeper = reading.stateKeeper(for: discussion)
        let visit = DispatchWorkItem {
            visitKeeper.recordVisit(title: discussion.title, keys: discussion.comments.filter { !$0.isPlaceholder }.map(\.key))
        }
        DispatchQueue.global(qos: .utility).async(execute: visit)
        var app = App(
            discussion: discussion, columns: 80, rows: 24, options: reading.readerOptions(config, utf8: utf8, now: Wiring.now),
            keyMap: config.keyMap, saved: saved)
        app.setThemes(themes.map(\.name), current: themeIndex)
        if let warning = keeper.warning ?? ConfigFile.summary(problems) { app.show(message: Sanitizer.clean(warning)) }
        return (app, keeper, visit)
    }

    /// The library row of `discussion`: title, file, comments, unread, last read.
    func entry(for discussion: Discussion) -> LibraryEntry {
        let keeper = reading.stateKeeper(for: discussion)
        let read = keeper.load().readKeys
        let comments = discussion.comments.filter { !$0.isPlaceholder }
        return LibraryEntry(
            title: discussion.title ?? discussion.sourceName ?? "Untitled", source: discussion.sourceName ?? "",
            comments: comments.count, unread: comments.filter { !read.contains($0.key) }.count,
            lastRead: keeper.lastVisit().map { Int64($0) })
    }
}
