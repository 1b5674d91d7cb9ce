import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolView

/// The view measures what the reader needs; the program keeps the two in step and saves.
@Suite struct ViewportTests {
    let options = ReaderOptions(now: ReaderHarness.now)

    @Test func panesStackedBelow120ColumnsAndSideBySideFrom120() throws {
        let narrow = ReaderHarness(discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30)
        #expect(narrow.reader.viewport.orientation == .stacked)
        #expect(narrow.reader.viewport.tree == Rect(x: 0, y: 0, width: 100, height: 11))
        #expect(narrow.reader.viewport.article == Rect(x: 0, y: 12, width: 100, height: 17))
        let wide = ReaderHarness(discussion: try Fixture.discussion(Fixture.seed), columns: 150, rows: 30)
        #expect(wide.reader.viewport.orientation == .sideBySide)
        #expect(wide.reader.viewport.tree == Rect(x: 0, y: 0, width: 60, height: 29))
        #expect(wide.reader.viewport.article == Rect(x: 61, y: 0, width: 89, height: 29))
    }

    @Test mutating func narrowingGivesTheBreadcrumbARow() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jjjjz")
        #expect(harness.reader.viewport.tree == Rect(x: 0, y: 1, width: 100, height: 10))
        #expect(harness.screen.textLines[0].hasPrefix("↳ "))
    }

    @Test mutating func inlineModeIsOneScrollAboveTheStatusLine() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("i")
        #expect(harness.reader.viewport.article == Rect(x: 0, y: 0, width: 100, height: 29))
        #expect(harness.reader.viewport.tree == harness.reader.viewport.article)
    }

    @Test func theMeasureCountsWhatTheViewWraps() throws {
        let harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        let reader = harness.reader
        #expect(reader.viewport.measure.articleLineCount(of: reader.selected, in: reader) == harness.articleLines.count)
        let view = harness.runner.program.view
        #expect(
            reader.viewport.measure.inlineLineCount(of: 1, in: reader) == view.inlineLines(of: 1, for: reader).count)
    }

    @Test mutating func theFoldZoneIsTheTreeLinesAndTheMarkerAsDrawn() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        let reader = harness.reader
        let measure = reader.viewport.measure
        #expect(measure.foldZoneWidth(of: 4, in: reader) == 5, "├─ and ● : a top-level comment")
        #expect(measure.foldZoneWidth(of: 5, in: reader) == 8, "│  └─ ● : a reply")
        try harness.press("jjjjz")
        #expect(harness.reader.viewport.measure.foldZoneWidth(of: 5, in: harness.reader) == 5, "one level drawn")
        let plain = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30,
            options: ReaderOptions(now: ReaderHarness.now, plain: true))
        #expect(plain.reader.viewport.measure.foldZoneWidth(of: 5, in: plain.reader) == 2)
    }

    @Test mutating func aClickOnAReplysTreeLinesFoldsIt() throws {
        var harness = try ReaderHarness(fixture: "mbox/notmuch-threading-and-duplicates.mbox", columns: 100, rows: 40)
        try harness.press("E")
        let rows = harness.reader.rows
        let row = try #require(
            (0..<min(rows.count, 10)).first {
                harness.reader.tree.depth[rows[$0]] == 2 && harness.reader.tree.hasChildren(rows[$0])
            })
        let node = rows[row]
        let zone = harness.reader.viewport.measure.foldZoneWidth(of: node, in: harness.reader)
        try harness.press("<click:\(zone - 1),\(row - harness.reader.treeTop)>")
        #expect(harness.reader.collapse.isCollapsed(node))
    }

    @Test mutating func aResizeMeasuresAgainAndKeepsTheSelectionInView() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("G<resize:60x8>")
        #expect(harness.reader.viewport.columns == 60 && harness.reader.viewport.rows == 8)
        let row = try #require(harness.reader.rows.row(of: harness.reader.selected))
        #expect(row >= harness.reader.treeTop && row < harness.reader.treeTop + harness.reader.viewport.tree.height)
        #expect(harness.screen.textLines.count == 8)
    }
}

@Suite struct ReaderProgramTests {
    @Test func aStoreWarningAtOpeningIsQueued() throws {
        let store = RecordingStore(warning: "Read state not saved: the disk is full.")
        let harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30, store: store)
        #expect(harness.message == "Read state not saved: the disk is full.")
    }

    @Test func saveAllWritesEveryChangeAndTheFolds() throws {
        let store = RecordingStore()
        let discussion = try Fixture.discussion(Fixture.seed)
        let options = ReaderOptions(now: ReaderHarness.now)
        var program = ReaderProgram(
            discussion: discussion, columns: 80, rows: 24, options: options,
            view: ReaderView(theme: .monochrome, options: options), store: store)
        _ = program.handle(.key(.character("j")))
        #expect(store.readChanges.count == 1)
        program.saveAll()
        #expect(store.readChanges.count == 1, "nothing new to save")
        #expect(store.foldSaves.isEmpty, "no fold changed, nothing written")
    }

    @Test func foldsAreSavedAsDifferencesFromTheOpeningDefault() throws {
        let discussion = try Fixture.discussion("mbox/notmuch-list-2009.mbox")
        let store = RecordingStore()
        let options = ReaderOptions(now: ReaderHarness.now)
        let view = ReaderView(theme: .monochrome, options: options)
        var program = ReaderProgram(
            discussion: discussion, columns: 80, rows: 24, options: options, view: view, store: store)
        #expect(program.reader.foldDefault == .threads, "24 threads do not fit 23 rows")
        program.saveAll()
        #expect(store.foldSaves.isEmpty, "opening folded to one row a thread writes nothing")
        _ = program.handle(.key(.character("j")))
        let thread = program.reader.selected
        let key = discussion.comments[program.reader.tree.commentIndex[thread]].key
        _ = program.handle(.key(.enter))
        #expect(!program.reader.collapse.isCollapsed(thread))
        program.saveAll()
        #expect(store.foldSaves.last?.map(\.key) == [key])
        #expect(store.foldSaves.last?.map(\.folded) == [false], "open where the default folds")
        #expect(store.foldDefaults == [.threads])

        // Reopened on a screen tall enough for every thread: the saved default still holds.
        var saved = SavedState()
        saved.foldDefault = .threads
        saved.expandedKeys = [key]
        var reopened = ReaderProgram(
            discussion: discussion, columns: 200, rows: 60, options: options, saved: saved, view: view, store: store)
        #expect(reopened.reader.collapse == program.reader.collapse)
        _ = reopened.handle(.key(.character("j")))
        _ = reopened.handle(.key(.enter))
        reopened.saveAll()
        #expect(store.foldSaves.last?.map(\.key) == [key])
        #expect(store.foldSaves.last?.map(\.folded) == [nil], "folded again: as the default has it, no row")
    }

    @Test func savesAreTheProgramsBusinessNotTheTerminals() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let options = ReaderOptions(now: ReaderHarness.now)
        var program = ReaderProgram(
            discussion: discussion, columns: 80, rows: 24, options: options,
            view: ReaderView(theme: .monochrome, options: options), store: RecordingStore())
        let effects = program.handle(.key(.character("j")))
        #expect(effects.redraw && effects.commands.isEmpty)
        #expect(program.handle(.key(.character("y"))).commands.count == 1)
    }

    @Test func theViewWithoutColorKeepsItsOptions() {
        let options = ReaderOptions(glyphs: .ascii, now: ReaderHarness.now, split: 0.3)
        let view = ReaderView(themes: [.monochrome], options: options).withoutColor
        #expect(view.options.split == 0.3 && view.options.glyphs == .ascii)
    }

    @Test func plainModeShowsTheCursor() {
        #expect(ReaderOptions(now: ReaderHarness.now, plain: true).showsCursor)
        #expect(!ReaderOptions(now: ReaderHarness.now).showsCursor)
        #expect(ReaderOptions(now: ReaderHarness.now, showsCursor: true).showsCursor)
    }
}

@Suite struct OpeningCollapseTests {
    @Test func savedFoldsWinOverTheArchiveRule() throws {
        let discussion = try Fixture.discussion("mbox/notmuch-list-2009.mbox")
        let first = discussion.comments.first { !$0.isPlaceholder }!.key
        let harness = ReaderHarness(
            discussion: discussion, columns: 80, rows: 24, saved: SavedState(collapsedKeys: [first]))
        #expect(harness.reader.collapse.nodes.count == 1)
    }

    @Test func collapseReadFoldsSubtreesWithNothingUnread() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let read = Set(discussion.comments.filter { $0.id.hasPrefix("4") }.map(\.key))
        let harness = ReaderHarness(
            discussion: discussion, columns: 100, rows: 30, saved: SavedState(readKeys: read),
            options: ReaderOptions(now: ReaderHarness.now, collapsesReadSubtrees: true))
        #expect(harness.reader.collapse.nodes.map { harness.reader.comment(at: $0).id } == ["4"])
        #expect(harness.screen.textLines.contains { $0.contains("[+2]") })
    }

    @Test func aWebPageNeverStartsFolded() throws {
        let harness = ReaderHarness(discussion: try Fixture.discussion(Fixture.seed), columns: 40, rows: 6)
        #expect(harness.reader.collapse.nodes.isEmpty)
    }
}
