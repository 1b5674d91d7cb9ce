import ArgumentParser
import CSpoolMalloc
import Foundation
import SpoolCore
import SpoolImport
import SpoolReader
import SpoolRemote
import SpoolScreen
import SpoolState
import SpoolTerminal
import SpoolView

/// `spool [FILE]`: the interactive reader.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Read a discussion (the default; no FILE opens the demo).",
        usage: "spool [<options>] [<files> ...]")

    @Argument(
        help:
            "Discussion files, folders or addresses to read (several open a library list; - is standard input; hn:N and https:// addresses are fetched and cached).",
        completion: .file())
    var files: [String] = []

    @OptionGroup var reading: ReadingOptions

    @Option(help: "Keys to press after the first frame, in render's notation (e.g. \"jj<Enter>q\").")
    var keys: String = ""

    @Flag(help: "Open the library of discussions fetched by their address (kept for offline reading).")
    var cached = false

    @Flag(help: "Print a config file that changes nothing, every setting and key commented, and exit.")
    var printConfig = false

    func run() throws {
        if printConfig {
            print(ReaderConfig.commentedDefault(path: ConfigFile.path(option: nil)), terminator: "")
            return
        }
        reading.startLog()
        // The state file opens while the config, the themes and the discussion are read.
        let state = StateStoreOpening(folder: StateLocation.folder(option: reading.stateDir))
        let pushed = try Wiring.keys(keys)
        let (config, configProblems) = try reading.loadConfig()
        let (themes, themeIndex, themeProblems) = try Wiring.themes(
            option: reading.theme, config: config, configFile: ConfigFile.path(option: reading.config))
        let problems = configProblems + themeProblems
        DebugLog.log(problems: problems)
        let utf8 = CursesTerminal.configureLocale()
        var options = reading.readerOptions(config, utf8: utf8, now: Wiring.now)
        // One discussion opened by its address can be fetched again from the reader (`$`).
        options.refreshable = files.count == 1 && RemoteAddress.looksLikeAddress(files[0])
        let setup = Setup(
            reading: reading, config: config, problems: problems, themes: themes, themeIndex: themeIndex,
            options: options, state: state)
        // Addresses to fetch on a terminal: the terminal is taken first, for the loading screen.
        var early: CursesTerminal?
        defer { early?.close() }
        var opened: [RemoteArguments.Opened]
        if !reading.remote.offline, !reading.linear, files.contains(where: RemoteAddress.looksLikeAddress),
            isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1
        {
            let terminal = try setup.openTerminal()
            early = terminal
            guard
                let fetched = try LoadingScreen.open(
                    files, remote: reading.remote, config: config, terminal: terminal, theme: themes[themeIndex])
            else {
                terminal.close()
                Terminal.printError("spool: fetching stopped; nothing was kept.")
                ProcessEnd.exit(0)
            }
            opened = fetched
        } else {
            opened = try reading.remote.open(files, config: config)
        }
        if cached { opened += RemoteArguments.cached() }
        // No file and something piped in: the discussion is standard input (`cat t.mbox | spool`).
        let paths =
            files.isEmpty && !cached && ReadCommand.inputIsPiped ? [DiskPath.standardInput] : opened.map(\.path)
        if cached && paths.isEmpty {
            throw RuntimeFailure(
                message: "nothing is cached yet: open a discussion by its address first (spool hn:8863).")
        }
        let address = options.refreshable ? opened.first?.address : nil
        if let paths = DiscussionFile.libraryFiles(for: paths) {
            guard !reading.linear else {
                throw RuntimeFailure(message: "--linear reads one discussion at a time; name one file.", status: 2)
            }
            try runLibrary(paths, setup: setup, pushed: pushed, opened: opened, terminal: early)
            return
        }
        var discussion = try Wiring.discussion(
            at: paths, format: reading.fromFormat, archive: reading.archive.options(config))
        RemoteArguments.label(&discussion, opened)
        if paths.contains(.standardInput) { try Self.takeKeysFromTerminal() }
        if reading.linear { try runLinear(discussion, setup: setup, pushed: pushed) }
        // The terminal first: the reader opens for its real size.
        let terminal = try early ?? setup.openTerminal()
        defer { terminal.close() }
        var (program, visit) = setup.program(for: discussion, in: terminal, skipped: [])
        // With the log's times: how long the reader took after the import, before the first frame.
        DebugLog.logger.debug("reader ready", metadata: DebugLog.memory)
        var ending = TerminalSession.run(&program, terminal: terminal, pushed: pushed)
        while ending == .quit, program.reader.refreshRequested, let address {
            program.saveAll()
            terminal.draw(program.render())
            visit.wait()
            let at = program.reader.snapshot().selected.id
            let (fresh, failure) = refetch(
                address, format: reading.fromFormat, config: config, terminal: terminal, theme: themes[themeIndex])
            var reopened = setup
            reopened.options.opensAt = at
            (program, visit) = reopened.program(for: fresh ?? discussion, in: terminal, skipped: [])
            discussion = fresh ?? discussion
            if let failure { program.queue(notice: failure) }
            ending = TerminalSession.run(&program, terminal: terminal, pushed: [])
        }
        let closing = DispatchTime.now().uptimeNanoseconds
        program.saveAll()
        // The terminal is given back first; the visit record may still be being written.
        terminal.close()
        visit.wait()
        DebugLog.logger.info(
            "exit",
            metadata: DebugLog.memory.merging([
                "status": "\(ending.exitStatus)",
                "seconds after the last key": "\(Double(DispatchTime.now().uptimeNanoseconds - closing) / 1e9)",
            ]) { $1 })
        // Everything is saved and the terminal is back: leave without releasing the model
        // one comment at a time (tens of milliseconds for a large archive).
        ProcessEnd.exit(ending.exitStatus)
    }

    /// `$`: the discussion at `address` fetched again, or why it could not be (the reader then
    /// goes on with what it has).
    private func refetch(
        _ address: String, format: Format?, config: ReaderConfig, terminal: CursesTerminal, theme: Theme
    ) -> (Discussion?, String?) {
        do {
            var remote = reading.remote
            remote.offline = false
            guard
                let opened = try LoadingScreen.open(
                    [address], remote: remote, config: config, terminal: terminal, theme: theme)
            else { return (nil, "Fetching again stopped; this is what you had.") }
            var discussion = try Wiring.discussion(
                at: opened.map(\.path), format: format, archive: reading.archive.options(config))
            RemoteArguments.label(&discussion, opened)
            return (discussion, nil)
        } catch {
            let why = (error as? RuntimeFailure)?.message ?? "\(error)"
            return (nil, "Not fetched again: \(why)")
        }
    }

    /// Linear mode: the reader's keys answered with lines on the normal output; the run
    /// ends here.
    private func runLinear(_ discussion: Discussion, setup: Setup, pushed: [Key]) throws -> Never {
        let terminal: LinearTerminal
        do {
            terminal = try LinearTerminal()
        } catch {
            throw RuntimeFailure(
                message:
                    "--linear needs a terminal for its keys; `spool render --linear --keys KEYS FILE` prints what it would say.",
                status: 2)
        }
        var (program, visit) = setup.program(
            for: discussion, columns: terminal.columns, rows: 24, colorless: true, skipped: [])
        _ = HeadlessRunner.finishWork(&program)
        var linear = LinearProgram(program)
        let ending = LinearSession.run(&linear, terminal: terminal, pushed: pushed)
        var reader = linear.program
        reader.saveAll()
        terminal.close()
        visit.wait()
        ProcessEnd.exit(ending.exitStatus)
    }

    /// Keys from `/dev/tty` once the discussion was read from standard input.
    private static func takeKeysFromTerminal() throws {
        guard CursesTerminal.readKeysFromControllingTerminal() else {
            throw RuntimeFailure(
                message:
                    "the discussion came from standard input and there is no terminal (/dev/tty) to read keys from; use `spool render -` or `spool export -`.",
                status: 2)
        }
    }

    /// Whether standard input is a pipe or a redirected file (not a terminal, not /dev/null).
    private static var inputIsPiped: Bool {
        var status = stat()
        guard fstat(STDIN_FILENO, &status) == 0 else { return false }
        let kind = status.st_mode & S_IFMT
        return kind == S_IFIFO || (kind == S_IFREG && status.st_size > 0)
    }

    /// The library: a list of the discussions; Enter opens one in the reader, whose `q`
    /// comes back to the list. Files that cannot be imported are left out with a message.
    private func runLibrary(
        _ paths: [DiskPath], setup: Setup, pushed: [Key], opened: [RemoteArguments.Opened],
        terminal early: CursesTerminal?
    ) throws {
        var discussions: [Discussion] = []
        var skipped: [String] = []
        for path in paths {
            do {
                var discussion = try Wiring.discussion(
                    at: path, format: reading.fromFormat, archive: reading.archive.options(setup.config))
                RemoteArguments.label(&discussion, at: path, opened)
                discussions.append(discussion)
            } catch {
                let why = (error as? RuntimeFailure)?.message ?? "\(error)"
                skipped.append("\(path.lastComponent.description) (\(why))")
            }
        }
        guard !discussions.isEmpty else {
            throw RuntimeFailure(message: "none of the \(paths.count) files is a discussion Spool can read.")
        }
        if paths.contains(.standardInput) { try Self.takeKeysFromTerminal() }
        let terminal = try early ?? setup.openTerminal()
        defer { terminal.close() }
        let size = terminal.size
        let library = Library(
            entries: discussions.map { setup.entry(for: $0) }, columns: size.columns, rows: size.rows,
            keyMap: setup.config.keyMap,
            notice: skipped.isEmpty
                ? nil : "Left out, not discussions Spool can read: " + skipped.joined(separator: "; "))
        let view = LibraryView(theme: setup.themes[setup.themeIndex], now: Wiring.now)
        var program = LibraryProgram(
            library: library, view: terminal.colorCapability == .none ? view.withoutColor : view)
        var keys = pushed
        while true {
            let ending = TerminalSession.run(&program, terminal: terminal, pushed: keys)
            keys = []
            if case .signal(let number) = ending {
                terminal.close()
                ProcessEnd.exit(128 + number)
            }
            guard let index = program.chosen else { return }
            var (reader, visit) = setup.program(for: discussions[index], in: terminal, skipped: skipped)
            let readerEnding = TerminalSession.run(&reader, terminal: terminal, pushed: [])
            reader.saveAll()
            visit.wait()
            if case .signal(let number) = readerEnding {
                terminal.close()
                ProcessEnd.exit(128 + number)
            }
            program.returned(updating: index, with: setup.entry(for: discussions[index]))
        }
    }
}

/// The record of a visit (a fingerprint of every comment's key: 8 MB for a million
/// messages), written by a keeper of its own on another thread from the moment the reader
/// has the fingerprints (as it starts, for an archive, whose scan made them; else while it
/// still builds the tree), so that it is done by the time a `q` can come; at background
/// priority (nice 10), so neither the first frame nor the first keys wait for it.
/// Placeholders are left out.
private final class VisitRecording: @unchecked Sendable {
    private let keeper: StateKeeper
    private let discussion: Discussion
    private let group = DispatchGroup()

    init(keeper: StateKeeper, discussion: Discussion) {
        self.keeper = keeper
        self.discussion = discussion
    }

    /// Starts recording the comments whose key fingerprints, by comment index, are `fingerprints`.
    func start(_ fingerprints: [UInt64]) {
        group.enter()
        DispatchQueue.global(qos: .background).async { [self] in
            defer { group.leave() }
            // By index: each comment's flag is read in place, the comment not copied.
            let comments = discussion.comments
            let seen = KeyFingerprints(
                fingerprints: comments.indices.compactMap { comments[$0].isPlaceholder ? nil : fingerprints[$0] })
            keeper.recordVisit(title: discussion.title, seen: seen)
            DebugLog.logger.debug("visit recorded", metadata: DebugLog.memory)
            if let warning = keeper.warning {
                DebugLog.logger.warning(
                    "visit not recorded", metadata: ["warning": "\(warning)", "error": "\(keeper.failure ?? "")"])
            }
        }
    }

    /// Waits until the visit is on disk.
    func wait() { group.wait() }
}

/// The writes a reader's run leaves behind: the visit record and the queued saves.
private struct PendingWrites {
    let visit: VisitRecording
    let writer: StateWriter

    /// Waits until both are on disk.
    func wait() {
        writer.finish()
        visit.wait()
    }
}

/// What every discussion opened in this run shares: options, config, themes.
private struct Setup {
    let reading: ReadingOptions
    let config: ReaderConfig
    let problems: [ConfigProblem]
    let themes: [Theme]
    let themeIndex: Int
    var options: ReaderOptions
    /// The state file, opening on another thread.
    let state: StateStoreOpening

    /// Takes over the terminal, or says why it cannot.
    func openTerminal() throws -> CursesTerminal {
        do {
            return try CursesTerminal(
                useColor: !Wiring.noColor, useMouse: config.mouse ?? true, showsCursor: options.showsCursor)
        } catch let error as TerminalError {
            throw RuntimeFailure(message: error.description, status: 2)
        }
    }

    /// A reader on `discussion` for the terminal's size and colours, with its saved state and the store
    /// that saves it, and the recording of this visit, running (wait for it before the
    /// process ends). Startup warnings (the state store, the config file, files left out)
    /// wait in the status line until the user has seen them.
    func program(
        for discussion: Discussion, in terminal: CursesTerminal, skipped: [String]
    ) -> (ReaderProgram, visit: PendingWrites) {
        let size = terminal.size
        return program(
            for: discussion, columns: size.columns, rows: size.rows, colorless: terminal.colorCapability == .none,
            skipped: skipped)
    }

    /// The same for a screen of `columns` x `rows` (`colorless`: attributes only).
    func program(
        for discussion: Discussion, columns: Int, rows: Int, colorless: Bool, skipped: [String]
    ) -> (ReaderProgram, visit: PendingWrites) {
        let size = (columns: columns, rows: rows)
        let identity = discussion.identity
        let keeper = state.keeper(discussionID: identity)
        let saved = keeper.load()
        DebugLog.logger.debug(
            "state", metadata: ["file": "\(keeper.path)", "read": "\(saved.readKeys.count)", "size": "\(size)"])
        if let warning = keeper.warning {
            DebugLog.logger.warning("state", metadata: ["warning": "\(warning)", "error": "\(keeper.failure ?? "")"])
        }
        let view = ReaderView(themes: themes, options: options)
        // Saves go to a queue of their own: no key waits for SQLite.
        let writer = StateWriter(keeper)
        let visit = VisitRecording(keeper: state.keeper(discussionID: identity), discussion: discussion)
        // A terminal without colour gets the attribute-only form of the themes.
        var program = ReaderProgram(
            discussion: discussion, columns: size.columns, rows: size.rows, options: options, keyMap: config.keyMap,
            saved: saved, view: colorless ? view.withoutColor : view, store: writer, fingerprinted: visit.start)
        program.setThemes(current: themeIndex)
        // The reader is built, and what building it freed has gone back to the system.
        spool_keep_freed_blocks()
        if let summary = ConfigFile.summary(problems) { program.queue(notice: summary) }
        if !skipped.isEmpty { program.queue(notice: "Not discussions, left out: \(skipped.joined(separator: ", "))") }
        return (program, PendingWrites(visit: visit, writer: writer))
    }

    /// The library row of `discussion`: title, file, comments, unread, last read.
    func entry(for discussion: Discussion) -> LibraryEntry {
        let keeper = state.keeper(discussionID: discussion.identity)
        let saved = keeper.load()
        let comments = discussion.comments.filter { !$0.isPlaceholder }
        // New as the reader counts it: unseen at the last visit, or dated after `--since`.
        let new: Int
        if let since = options.newSince {
            new = comments.filter { ($0.date?.secondsSinceEpoch ?? .min) > since.secondsSinceEpoch }.count
        } else {
            new = saved.previouslySeen.map { seen in comments.filter { !seen.contains($0.key) }.count } ?? 0
        }
        return LibraryEntry(
            title: discussion.title ?? discussion.sourceName ?? "Untitled", source: discussion.sourceName ?? "",
            comments: comments.count, unread: comments.filter { !saved.readKeys.contains($0.key) }.count, new: new,
            lastRead: keeper.lastVisit().map { Int64($0) })
    }
}
