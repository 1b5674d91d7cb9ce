import ArgumentParser
import Foundation
import SpoolView

/// `spool render`: the reader without a terminal, for tests, scripts and benchmarks.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Replay keys through the reader headless and print the final screen.")

    @Argument(help: "The discussion file (none: the demo).")
    var file: String?

    @Option(help: "Screen size as COLSxROWS.")
    var size: String = "80x24"

    @Option(help: "Keys to press, e.g. \"jj<Enter><Tab>\"; see README for the notation.")
    var keys: String = ""

    @Flag(help: "Print {\"screen\": [rows], \"state\": {…}} instead of the screen text.")
    var json = false

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let (columns, rows) = try Wiring.size(size)
        let pressed = try Wiring.keys(keys)
        let discussion = try Wiring.discussion(at: file, format: reading.from, archive: reading.archive.options)
        let (config, problems) = try reading.loadConfig()
        for problem in problems { FileHandle.standardError.write(Data("spool: \(Sanitizer.clean(problem.description))\n".utf8)) }
        let (themes, themeIndex) = try Wiring.themes(startingWith: reading.themeName(config))
        // The saved state is shown (read marks, folds, what is new) but not changed:
        // rendering is a look, not a visit.
        let keeper = reading.stateKeeper(for: discussion)
        var app = App(
            discussion: discussion, columns: columns, rows: rows, options: reading.readerOptions(config, now: Wiring.now),
            keyMap: config.keyMap, saved: keeper.load())
        app.setThemes(themes.map(\.name), current: themeIndex)
        if let warning = keeper.warning { app.show(message: warning) }
        for key in pressed where app.handle(key).contains(.quit) { break }
        app.finishPendingWork()
        let screen = ReaderView(themes: themes).render(app)
        guard json else {
            print(screen.textDump)
            return
        }
        struct Output: Encodable {
            let screen: [String]
            let state: AppStateSnapshot
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Output(screen: screen.textLines, state: app.snapshot()))
        print(String(decoding: data, as: UTF8.self))
    }
}
