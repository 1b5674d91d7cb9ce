import ArgumentParser
import CSpoolMalloc
import Foundation
import SpoolCore
import SpoolImport
import SpoolReader
import SpoolScreen
import SpoolState
import SpoolTerminal
import SpoolView

/// `spool`: read a discussion in the terminal, or render and export it for scripts.
@main
struct SpoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spool",
        abstract: "A full-screen terminal reader for threaded discussions.",
        version: Version.text,
        subcommands: [
            ReadCommand.self, ExportCommand.self, RenderCommand.self, ThemesCommand.self, ManualCommand.self,
        ],
        defaultSubcommand: ReadCommand.self)

    /// Runs the command line with DESIGN.md's exit statuses: 0 ok, 1 runtime error, 2 usage error.
    static func main() {
        CrashBacktrace.neverWaitForAKey()
        spool_return_large_blocks_at_once()
        DebugLog.startFromEnvironment()
        if ["--help", "-h", "help"].contains(CommandLine.arguments.dropFirst().first), CommandLine.arguments.count == 2
        {
            print(HelpText.readerFirst(columns: Terminal.columns), terminator: "")
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as RuntimeFailure {
            DebugLog.logger.error("failed", metadata: ["message": "\(failure.message)", "status": "\(failure.status)"])
            Terminal.printError("spool: \(failure.message)")
            ProcessEnd.exit(failure.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            Terminal.printError(fullMessage(for: error))
            ProcessEnd.exit(2)
        }
    }
}

/// Output outside the reader's screen goes through the same sanitiser as the screen.
enum Terminal {
    /// The terminal's width for help text (`COLUMNS`, then the terminal, then 80).
    static var columns: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        var size = winsize()
        return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }

    /// Writes `message` and a line break to stderr, every control character made visible:
    /// file names, theme names and config text can hold escape sequences.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((Sanitizer.cleanLines(message) + "\n").utf8))
    }

    /// Writes `text` to stdout: exact into a pipe or a file, made safe on a terminal.
    static func printOutput(_ text: String, terminator: String = "\n") {
        print(isatty(STDOUT_FILENO) == 1 ? Sanitizer.cleanLines(text) : text, terminator: terminator)
    }
}

/// An error the user can act on, with the exit status it ends the run with.
struct RuntimeFailure: Error {
    let message: String
    var status: Int32 = 1
}

/// Options shared by the commands that read a discussion.
struct ReadingOptions: ParsableArguments {
    @Option(
        help: "Colour theme (see `spool themes`; default: the config's theme, else default).",
        completion: .custom { _, _, _ in ThemeCatalog().available.map(\.name) })
    var theme: String?

    @Option(help: "Config file (default: $XDG_CONFIG_HOME/spool/config.toml).", completion: .file(extensions: ["toml"]))
    var config: String?

    @Option(help: Wiring.fromHelp, completion: .list(["auto"] + Format.allCases.map(\.rawValue)))
    var from = "auto"

    /// The importer `--from` names; nil sniffs the content.
    var fromFormat: Format? { (try? Wiring.format(named: from)) ?? nil }

    func validate() throws {
        _ = try Wiring.format(named: from)
        if let since { _ = try Wiring.since(since, now: Wiring.now) }
    }

    @OptionGroup var archive: ArchiveArguments

    @OptionGroup var remote: RemoteArguments

    @Option(
        help: "Folder of the read-state database (default: $SPOOL_STATE_DIR, else $XDG_STATE_HOME/spool).",
        completion: .directory)
    var stateDir: String?

    @Option(help: "When comments count as read: on-select (default) or manual (r, R, M only).")
    var markRead: MarkReadPolicy?

    @Flag(help: "Fold every subtree that has nothing unread when the discussion opens.")
    var collapseRead = false

    @Flag(help: "Fold every subtree with nothing new since your last visit when the discussion opens.")
    var collapseSeen = false

    @Option(
        help: ArgumentHelp(
            "Count as new what is dated after this: a date (2026-11-30, 2026-11-30T18:00, UTC) or an age (3d, 12h, 2w).",
            valueName: "when"))
    var since: String?

    @Flag(help: "Accessible mode: no box drawing, depth and read state in words.")
    var plain = false

    @Flag(
        help:
            "Linear mode for screen readers: no full screen; each move prints one line to the terminal's normal output, Enter prints the comment."
    )
    var linear = false

    @Option(
        help: ArgumentHelp(
            "Open at this comment: its id in the source (an HN or Reddit id, a Message-ID).", valueName: "id"))
    var at: String?

    @Option(
        help: ArgumentHelp(
            "Append a debug log to this file (also SPOOL_LOG=FILE); never written to the terminal.", valueName: "file"),
        completion: .file())
    var log: String?

    /// Starts the debug log `--log` names.
    func startLog() {
        if let log { DebugLog.start(path: log) }
    }

    /// Reader options from the config file with these flags over it.
    func readerOptions(_ config: ReaderConfig, utf8: Bool = true, now: Timestamp) -> ReaderOptions {
        let ascii = config.asciiTree ?? false || !utf8
        var options = ReaderOptions(
            marksReadOnSelect: markRead.map { $0 == .onSelect } ?? config.marksReadOnSelect ?? true,
            orientation: config.layout ?? nil, glyphs: ascii ? .ascii : .unicode, now: now,
            collapsesReadSubtrees: collapseRead || config.collapsesReadSubtrees == true,
            dateStyle: config.dateStyle ?? .relative, split: config.split ?? 0.4, plain: plain || config.plain == true,
            showsCursor: config.showsCursor ?? false, wrapWidth: config.wrapWidth ?? ReaderOptions.defaultWrapWidth,
            resumes: config.resumes ?? true, opensAt: at)
        options.foldsQuotes = config.foldsQuotes ?? true
        options.collapsesSeenSubtrees = collapseSeen || config.collapsesSeenSubtrees == true
        options.newSince = since.flatMap { try? Wiring.since($0, now: now) }
        options.foldsSignatures = config.foldsSignatures ?? true
        options.showsScores = config.showsScores ?? true
        options.mutedAuthors = config.mutedAuthors ?? []
        options.mutedWords = config.mutedWords ?? []
        return options
    }

    /// The config file's settings and its problems (a missing default file is no problem).
    func loadConfig() throws -> (ReaderConfig, [ConfigProblem]) {
        try ConfigFile.load(option: config)
    }

    /// The state of `discussion`, from the database in the state folder.
    func stateKeeper(for discussion: Discussion) -> StateKeeper {
        StateKeeper(folder: StateLocation.folder(option: stateDir), discussionID: discussion.identity)
    }
}

/// `--mark-read` values.
enum MarkReadPolicy: String, ExpressibleByArgument, CaseIterable {
    case onSelect = "on-select"
    case manual
}

/// How mail archives are threaded and ordered.
struct ArchiveArguments: ParsableArguments {
    @Flag(help: "Order an archive's threads oldest first (default: newest first).")
    var oldestFirst = false

    @Flag(help: "Group every thread root that shares a subject (for mailers that wrote no threading headers).")
    var groupBySubject = false

    @Flag(help: "Thread by headers alone: a Re: with no In-Reply-To or References stays a thread of its own.")
    var strictThreads = false

    /// The flags over the config's `group_by_subject` and `oldest_first`.
    func options(_ config: ReaderConfig = ReaderConfig()) -> ArchiveOptions {
        let grouping = groupBySubject ? "all" : strictThreads ? "off" : config.groupBySubject ?? "replies"
        return ArchiveOptions(
            newestThreadsFirst: !(oldestFirst || config.oldestFirst == true), groupsBySubject: grouping == "all",
            groupsRepliesBySubject: grouping == "replies")
    }
}

/// The state store keeps what the reader saves.
extension StateKeeper: ReaderStore {}
extension StateWriter: ReaderStore {}
