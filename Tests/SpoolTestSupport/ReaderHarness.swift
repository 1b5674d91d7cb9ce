import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolView

/// Drives the reader headless with key notation and reads its screen, through the same
/// ``HeadlessRunner`` as `spool render`.
///
/// ```swift
/// var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 24)
/// try harness.press("jj<Enter>")
/// harness.screen.textLines
/// ```
public struct ReaderHarness {
    public var runner: HeadlessRunner<ReaderProgram>
    /// The fixed "now" of every harness, so ages in snapshots never change.
    public static let now = Timestamp(year: 2026, month: 11, day: 25, hour: 12, minute: 0, utcOffsetMinutes: 0)

    public init(
        discussion: Discussion, columns: Int, rows: Int, keyMap: KeyMap = .standard, saved: SavedState = SavedState(),
        options: ReaderOptions = ReaderOptions(now: ReaderHarness.now), store: (any ReaderStore)? = nil
    ) {
        let program = ReaderProgram(
            discussion: discussion, columns: columns, rows: rows, options: options, keyMap: keyMap, saved: saved,
            view: ReaderView(theme: .monochrome, options: options), store: store)
        runner = HeadlessRunner(program)
    }

    public init(fixture: String, columns: Int, rows: Int) throws {
        self.init(discussion: try Fixture.discussion(fixture), columns: columns, rows: rows)
    }

    /// The reader being driven.
    public var reader: Reader { runner.program.reader }

    /// Presses the keys `notation` names, as a person types: the work the reader does
    /// between key presses (the rest of a search or a limit) is finished after each key, so
    /// what a test sees never depends on how fast this machine is. Returns the effects of
    /// the last key.
    @discardableResult
    public mutating func press(_ notation: String) throws -> Effects {
        runner.press(try KeyNotation.parse(notation))
    }

    /// Hands the reader a notice from outside (a failed save, say).
    public mutating func notice(_ text: String) { runner.handle(.notice(text)) }

    /// The commands for the terminal (copy, page, pipe, open) asked for since the last call.
    public mutating func takeCommands() -> [Command] { runner.takeCommands() }

    public var screen: Screen {
        var program = runner.program
        return program.render()
    }

    /// The article pane's lines for the selection, as drawn.
    public var articleLines: [ArticleLine] { runner.program.view.articleLines(for: reader) }

    /// The status line's message.
    public var message: String? { reader.messages.shown }

    /// The selected comment's id, or nil for the article.
    public var selectedID: String? {
        reader.selected == ThreadTree.root ? nil : reader.comment(at: reader.selected).id
    }
}
