import SpoolCore
import SpoolReader
import SpoolScreen

/// The reader and its view as one ``Program``: inputs go to the ``Reader``; after each,
/// the view measures the screen it leaves and hands the reader a fresh ``Viewport``;
/// saves go to the store, and a failed save comes back to the reader as a notice.
///
/// ```swift
/// var program = ReaderProgram(discussion: d, columns: 80, rows: 24, options: ReaderOptions(now: now), view: view)
/// _ = program.handle(.key(.character("j")))
/// print(program.render().textDump)
/// ```
public struct ReaderProgram: Program {
    public private(set) var reader: Reader
    public let view: ReaderView
    private let store: (any ReaderStore)?
    /// The folds the store holds (the opening's, then as each save left them), so a save
    /// writes only what changed since.
    private var savedCollapse: CollapseState
    /// The reader's layout `savedCollapse` is in (see ``Reader/layoutGeneration``).
    private var layoutGeneration = 0
    /// The store's warning has been shown (once: a store that writes on a queue of its own
    /// finds a failure after the key that caused it, so it is looked for after every input).
    private var warnedAboutStore = false

    /// A reader on `discussion` for a screen of `columns` x `rows`: the opening folds and
    /// scroll are computed for that size.
    public init(
        discussion: Discussion, columns: Int, rows: Int, options: ReaderOptions, keyMap: KeyMap = .standard,
        saved: SavedState = SavedState(), view: ReaderView, store: (any ReaderStore)? = nil,
        fingerprinted: (@Sendable ([UInt64]) -> Void)? = nil
    ) {
        let size = ReaderView.bounded(columns: columns, rows: rows)
        let viewport = view.openingViewport(columns: size.columns, rows: size.rows, settings: options.settings)
        reader = Reader(
            discussion: discussion, viewport: viewport, settings: options.settings, keyMap: keyMap, saved: saved,
            fingerprinted: fingerprinted)
        // What the opening folded is its default and the saved exceptions: nothing to save.
        savedCollapse = reader.collapse
        self.view = view
        self.store = store
        reader.settle(in: view.viewport(for: reader, columns: size.columns, rows: size.rows))
        if let warning = store?.warning {
            reader.queue(notice: warning)
            warnedAboutStore = true
        }
    }

    /// Sets the themes `t` cycles through (names in the view's order) and the one in use.
    public mutating func setThemes(current: Int) {
        reader.setThemes(view.themes.map(\.name), current: current)
    }

    /// Sets the theme names `t` cycles through and the one in use (for a view whose themes
    /// are named otherwise, as in tests).
    public mutating func setThemes(_ names: [String], current: Int) { reader.setThemes(names, current: current) }

    /// The messages to say now, taken as seen (linear mode prints them).
    public mutating func takeMessages() -> [String] { reader.takeMessages() }

    /// Shows `text` in the status line until the user has seen it and pressed a key.
    public mutating func queue(notice text: String) { reader.queue(notice: text) }

    public mutating func handle(_ input: Input) -> Effects {
        var columns = reader.viewport.columns
        var rows = reader.viewport.rows
        if case .key(.resize(let newColumns, let newRows)) = input {
            // The reader only redraws on a resize; the new size is measured once, after it.
            (columns, rows) = ReaderView.bounded(columns: newColumns, rows: newRows)
        }
        let effects = reader.handle(input)
        return settled(effects, columns: columns, rows: rows)
    }

    public var hasPendingWork: Bool { reader.hasPendingWork }

    public mutating func work(budget: Int) -> Effects {
        settled(reader.work(budget: budget), columns: reader.viewport.columns, rows: reader.viewport.rows)
    }

    public mutating func render() -> Screen { view.render(reader) }

    /// Saves every read mark change and the folds (at the end of a run, whatever ended it).
    public mutating func saveAll() {
        save([.saveReadMarks, .saveCollapsed])
        store?.save(place: reader.currentPlace)
    }

    /// The view measures what the input left; the reader settles in it; saves are done here.
    private mutating func settled(_ effects: Effects, columns: Int, rows: Int) -> Effects {
        reader.settle(in: view.viewport(for: reader, columns: columns, rows: rows))
        if reader.layoutGeneration != layoutGeneration {
            // Laid out again (`O`) with the same folds, now under new node numbers.
            savedCollapse = reader.collapse
            layoutGeneration = reader.layoutGeneration
        }
        var effects = effects
        let saves = effects.commands.filter { !$0.needsTerminal }
        effects.commands.removeAll { !$0.needsTerminal }
        save(saves)
        if !warnedAboutStore, let warning = store?.warning {
            reader.queue(notice: warning)
            warnedAboutStore = true
            effects.redraw = true
        }
        return effects
    }

    /// Performs the saves.
    private mutating func save(_ commands: [Command]) {
        guard let store, !commands.isEmpty else { return }
        if commands.contains(.saveReadMarks) { store.save(readChanges: reader.takeReadChanges()) }
        if commands.contains(.saveCollapsed) {
            if reader.collapse != savedCollapse {
                store.save(foldChanges: reader.laterFoldChanges(since: savedCollapse), default: reader.foldDefault)
            }
            savedCollapse = reader.collapse
        }
        if commands.contains(.saveHistory) {
            store.save(historyEntries: reader.takeHistoryAdditions().map { ($0.kind.rawValue, $0.entry) })
        }
        if commands.contains(.saveMutes) { store.save(muteChanges: reader.takeMuteChanges()) }
        if commands.contains(.saveBookmarks) { store.save(bookmarkChanges: reader.takeBookmarkChanges()) }
    }
}
