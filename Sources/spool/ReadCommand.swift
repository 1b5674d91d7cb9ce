import ArgumentParser
import Foundation
import SpoolState
import SpoolTerminal
import SpoolView

/// `spool [FILE]`: the interactive reader.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Read a discussion (the default; no FILE opens the demo).")

    @Argument(help: "Discussion files or folders to read (several open as one forest).")
    var files: [String] = []

    @OptionGroup var reading: ReadingOptions

    @Option(help: "Keys to press after the first frame, in render's notation (e.g. \"jj<Enter>q\").")
    var keys: String = ""

    func run() throws {
        let discussion = try Wiring.discussion(at: files, format: reading.from, archive: reading.archive.options)
        let pushed = try Wiring.keys(keys)
        let (config, problems) = try reading.loadConfig()
        let (themes, themeIndex) = try Wiring.themes(startingWith: reading.themeName(config))
        let utf8 = CursesTerminal.configureLocale()
        let keeper = reading.stateKeeper(for: discussion)
        let saved = keeper.load()
        keeper.recordVisit(title: discussion.title, keys: discussion.comments.filter { !$0.isPlaceholder }.map(\.key))
        var app = App(
            discussion: discussion, columns: 80, rows: 24, options: reading.readerOptions(config, utf8: utf8, now: Wiring.now),
            keyMap: config.keyMap, saved: saved)
        app.setThemes(themes.map(\.name), current: themeIndex)
        if let warning = keeper.warning ?? ConfigFile.summary(problems) { app.show(message: Sanitizer.clean(warning)) }
        let ending: TerminalSession.Ending
        do {
            ending = try TerminalSession.run(&app, view: ReaderView(themes: themes), useColour: !Wiring.noColour, useMouse: config.mouse ?? true, pushed: pushed) { app, effects in
                Wiring.persist(&app, effects: effects, to: keeper)
            }
        } catch let error as TerminalError {
            throw RuntimeFailure(message: error.description, status: 2)
        }
        if case .signal(let number) = ending { Foundation.exit(128 + number) }
    }
}
