import ArgumentParser
import Foundation
import SpoolReader
import SpoolScreen
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
        let discussion = try Wiring.discussion(at: file, format: reading.fromFormat, archive: reading.archive.options)
        let (config, problems) = try reading.loadConfig()
        for problem in problems {
            FileHandle.standardError.write(Data("spool: \(Sanitizer.clean(problem.description))\n".utf8))
        }
        let (themes, themeIndex) = try Wiring.themes(startingWith: reading.themeName(config))
        // The saved state is shown (read marks, folds, what is new) but not changed:
        // rendering is a look, not a visit.
        let keeper = reading.stateKeeper(for: discussion)
        let options = reading.readerOptions(config, now: Wiring.now)
        var program = ReaderProgram(
            discussion: discussion, columns: columns, rows: rows, options: options, keyMap: config.keyMap,
            saved: keeper.load(),
            view: ReaderView(themes: themes, options: options))
        program.setThemes(current: themeIndex)
        if let warning = keeper.warning { program.queue(notice: warning) }
        if let summary = ConfigFile.summary(problems) { program.queue(notice: summary) }
        var runner = HeadlessRunner(program)
        runner.press(pressed)
        let screen = runner.program.render()
        guard json else {
            print(screen.textDump)
            return
        }
        struct Output: Encodable {
            let screen: [String]
            let state: ReaderSnapshot
            /// Where the terminal's cursor would be: the selection, the article, a prompt's caret.
            let cursor: Position?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(
            Output(screen: screen.textLines, state: runner.program.reader.snapshot(), cursor: screen.cursor))
        print(String(decoding: data, as: UTF8.self))
    }
}
