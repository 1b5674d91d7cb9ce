import ArgumentParser
import CSpoolMalloc
import Foundation
import SpoolReader
import SpoolScreen
import SpoolView

/// `spool render`: the reader without a terminal, for tests, scripts and benchmarks.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Replay keys through the reader headless and print the final screen.")

    @Argument(help: "The discussion file or address (none: the demo; - is standard input).", completion: .file())
    var file: String?

    @Option(help: "Screen size as COLSxROWS.")
    var size: String = "80x24"

    @Option(help: "Keys to press, e.g. \"jj<Enter><Tab>\"; see README for the notation.")
    var keys: String = ""

    @Flag(help: "Print {\"screen\": [rows], \"state\": {…}} instead of the screen text.")
    var json = false

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        reading.startLog()
        let (columns, rows) = try Wiring.size(size)
        let pressed = try Wiring.keys(keys)
        let (config, configProblems) = try reading.loadConfig()
        let opened = try reading.remote.open(file.map { [$0] } ?? [], config: config)
        var discussion = try Wiring.discussion(
            at: opened.first?.path, format: reading.fromFormat, archive: reading.archive.options(config))
        RemoteArguments.label(&discussion, opened)
        let (themes, themeIndex, themeProblems) = try Wiring.themes(
            option: reading.theme, config: config, configFile: ConfigFile.path(option: reading.config))
        let problems = configProblems + themeProblems
        DebugLog.log(problems: problems)
        for problem in problems {
            Terminal.printError("spool: \(problem.description)")
        }
        // The saved state is shown (read marks, folds, what is new) but not changed:
        // rendering is a look, not a visit.
        let keeper = reading.stateKeeper(for: discussion)
        let options = reading.readerOptions(config, now: Wiring.now)
        var program = ReaderProgram(
            discussion: discussion, columns: columns, rows: rows, options: options, keyMap: config.keyMap,
            saved: keeper.load(),
            view: ReaderView(themes: themes, options: options))
        program.setThemes(current: themeIndex)
        spool_keep_freed_blocks()  // as `spool` once its reader is built
        if let warning = keeper.warning { program.queue(notice: warning) }
        if let summary = ConfigFile.summary(problems) { program.queue(notice: summary) }
        if reading.linear {
            // What linear mode would have written to the terminal for these keys.
            _ = HeadlessRunner.finishWork(&program)
            var linear = LinearProgram(program)
            print(linear.transcript(of: pressed, columns: columns), terminator: "")
            return
        }
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
        print(JSONOutput.escapingControls(String(decoding: data, as: UTF8.self)))
    }
}

/// JSON that no terminal can misread.
enum JSONOutput {
    /// `json` with DEL, C1 controls and bidirectional controls written as `\\u` escapes
    /// (the encoder escapes C0 inside strings, so a raw line break is layout); they can
    /// stand only inside strings, so the JSON means the same.
    static func escapingControls(_ json: String) -> String {
        let escapes: (Unicode.Scalar) -> Bool = { Sanitizer.isUnsafe($0) && $0 != "\n" }
        guard json.unicodeScalars.contains(where: escapes) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if escapes(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
