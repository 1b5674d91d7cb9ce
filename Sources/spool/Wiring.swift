import ArgumentParser
import CSpoolMalloc
import Foundation
import SpoolCore
import SpoolImport
import SpoolReader
import SpoolScreen
import SpoolState
import SpoolView

/// Loading and setting up, shared by the commands.
enum Wiring {
    static let fromHelp = ArgumentHelp(
        "Importer to use: auto (sniff the content, the default), "
            + Format.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "format")

    /// `--from NAME`: a format, or nil for `auto` (the content decides).
    static func format(named name: String) throws -> Format? {
        if name == "auto" { return nil }
        guard let format = Format(rawValue: name) else {
            let names = (["auto"] + Format.allCases.map(\.rawValue)).joined(separator: ", ")
            throw ValidationError("--from must be one of \(names) (got \"\(name)\")")
        }
        return format
    }

    /// The discussions in `paths` (several open as a forest), or the demo when there are none.
    static func discussion(at paths: [DiskPath], format: Format?, archive: ArchiveOptions = ArchiveOptions())
        throws -> Discussion
    {
        do {
            guard !paths.isEmpty else {
                return try DiscussionFile.parse(bytes: Array(DemoDiscussion.text.utf8), file: DemoDiscussion.fileName)
            }
            let discussion = try DebugLog.timed("import \(paths.map(\.description).joined(separator: " "))") {
                try DiscussionFile.load(paths: paths, format: format, archive: archive)
            }
            log(discussion, forced: format)
            return discussion
        } catch let error as ImportError {
            throw RuntimeFailure(message: Sanitizer.clean(error.description))
        }
    }

    /// The discussion in `path`, or the demo when there is none.
    static func discussion(at path: DiskPath?, format: Format?, archive: ArchiveOptions = ArchiveOptions())
        throws -> Discussion
    {
        do {
            guard let path else {
                return try DiscussionFile.parse(bytes: Array(DemoDiscussion.text.utf8), file: DemoDiscussion.fileName)
            }
            let discussion = try DebugLog.timed("import \(path.description)") {
                try DiscussionFile.load(path: path, format: format, archive: archive)
            }
            log(discussion, forced: format)
            return discussion
        } catch let error as ImportError {
            throw RuntimeFailure(message: Sanitizer.clean(error.description))
        }
    }

    /// Which importer read the discussion (named by `--from`, or chosen by its content) and
    /// what it found.
    private static func log(_ discussion: Discussion, forced: Format?) {
        DebugLog.logger.debug(
            "imported",
            metadata: [
                "format": "\(discussion.format.rawValue)", "chosen": "\(forced == nil ? "by content" : "by --from")",
                "comments": "\(discussion.comments.count)", "notices": "\(discussion.notices.count)",
            ])
    }

    /// The current time, for ages.
    static var now: Timestamp { Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }

    /// Every theme `t` can cycle through, the position of the chosen one, and problems to
    /// show. `--theme` names it exactly: a name that is not a theme, or a file that is not
    /// TOML, is an error. The config's `theme` falls back to the default with a problem
    /// (a typo in a file should not keep the reader shut). A theme's bad roles are problems;
    /// its good ones are kept. `NO_COLOR` strips colour from all.
    static func themes(option: String?, config: ReaderConfig, configFile: String) throws -> (
        themes: [Theme], index: Int, problems: [FileProblem]
    ) {
        let catalog = ThemeCatalog()
        let name = option ?? config.theme ?? "default"
        var problems: [FileProblem] = []
        var chosen: Theme
        do {
            (chosen, problems) = try catalog.theme(named: name)
        } catch {
            let why = (error as? RuntimeFailure)?.message ?? (error as? ThemeError)?.description ?? "\(error)"
            guard option == nil else { throw RuntimeFailure(message: Sanitizer.clean(why)) }
            problems = [FileProblem(file: configFile, line: nil, message: "theme: \(why) Using default.")]
            (chosen, _) = try catalog.theme(named: "default")
        }
        var themes = catalog.allThemes()
        let index =
            themes.firstIndex { $0.name == chosen.name }
            ?? {
                themes.insert(chosen, at: 0)
                return 0
            }()
        if noColor { themes = themes.map(\.withoutColor) }
        return (themes, index, problems)
    }

    /// `NO_COLOR` set and not empty: attributes only.
    static var noColor: Bool { !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty }

    /// Parses `--since`: `2026-11-30`, `2026-11-30T18:00[:SS]` (UTC), or an age before `now`
    /// (`90m`, `12h`, `3d`, `2w`).
    static func since(_ text: String, now: Timestamp) throws -> Timestamp {
        guard let moment = NewBaseline.moment(text, now: now) else {
            throw ValidationError(
                "--since takes a date (2026-11-30 or 2026-11-30T18:00, UTC) or an age (90m, 12h, 3d, 2w) (got \"\(text)\")"
            )
        }
        return moment
    }

    /// Parses `--size COLSxROWS`.
    static func size(_ text: String) throws -> (columns: Int, rows: Int) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]), columns >= 0, rows >= 0,
            columns <= 2000, rows <= 1000
        else {
            throw ValidationError("--size must be COLSxROWS, for example 80x24 (got \"\(text)\")")
        }
        return (columns, rows)
    }

    /// Parses `--keys`.
    static func keys(_ text: String) throws -> [Key] {
        do {
            return try KeyNotation.parse(text)
        } catch let error as KeyNotation.ParseError {
            throw ValidationError("--keys: \(error.description)")
        }
    }
}
