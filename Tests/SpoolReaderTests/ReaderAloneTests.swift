import SpoolCore
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolReader

/// Line counts of a pretend view: every article is `articleLines` long, every inline block
/// `inlineLines`.
private struct FixedMeasure: TextMeasure {
    func isFoldLine(_ line: Int, of node: Int, in reader: Reader) -> Bool { false }
    var articleLines = 50
    var inlineLines = 6

    func articleLineCount(of node: Int, in reader: Reader) -> Int { articleLines }
    func inlineLineCount(of node: Int, in reader: Reader) -> Int { inlineLines }
    func foldZoneWidth(of node: Int, in reader: Reader) -> Int { 5 }
    func helpLineCount(in reader: Reader) -> Int { 40 }
    func nextNewText(of node: Int, from line: Int, in reader: Reader) -> Int? { nil }
}

/// The Reader with no view at all: a viewport made by hand is all it needs, which is what
/// keeps it testable alone.
@Suite struct ReaderAloneTests {
    static func viewport(treeHeight: Int = 5, articleHeight: Int = 10, measure: any TextMeasure = FixedMeasure())
        -> Viewport
    {
        Viewport(
            columns: 80, rows: treeHeight + articleHeight + 2, tree: Rect(x: 0, y: 0, width: 80, height: treeHeight),
            article: Rect(x: 0, y: treeHeight + 1, width: 80, height: articleHeight), orientation: .stacked,
            measure: measure)
    }

    private func reader(_ viewport: Viewport = viewport()) throws -> Reader {
        Reader(discussion: try Fixture.discussion(Fixture.seed), viewport: viewport, settings: Reader.Settings())
    }

    private func press(_ keys: String, _ reader: inout Reader) throws -> Effects {
        var effects = Effects.none
        for key in try KeyNotation.parse(keys) {
            effects = reader.handle(.key(key))
            reader.settle(in: reader.viewport)
        }
        return effects
    }

    @Test func keysReturnTheirCommandsAndSaves() throws {
        var reader = try reader()
        let moved = try press("j", &reader)
        #expect(moved.redraw && moved.commands == [.saveReadMarks])
        let copied = try press("y", &reader)
        #expect(copied.commands == [.copy(reader.selectedText)])
        let folded = try press("kjjjj<Enter>", &reader)
        #expect(folded.commands == [.saveCollapsed])
        #expect(try press("q", &reader).quit)
    }

    @Test func theTreeScrollsToTheMeasuredHeight() throws {
        var reader = try reader()
        _ = try press("jjjjjjj", &reader)
        #expect(reader.treeTop == 3, "row 7 is the last of 5 rows from row 3")
        reader.settle(in: Self.viewport(treeHeight: 2))
        #expect(reader.treeTop == 6, "a smaller pane scrolls further")
    }

    @Test func spacePagesByTheMeasuredLinesThenMovesOn() throws {
        var reader = try reader()
        _ = try press("j<Space>", &reader)
        #expect(reader.articleScroll == 9, "a page is the pane's height less one")
        _ = try press("<Space><Space><Space>", &reader)
        #expect(reader.articleScroll == 36)
        _ = try press("<Space>", &reader)
        #expect(reader.articleScroll == 40, "clamped so the last line is at the bottom")
        _ = try press("<Space>", &reader)
        #expect(reader.comment(at: reader.selected).id == "2" && reader.articleScroll == 0)
    }

    @Test func jInTheArticleStopsAtTheMeasuredEnd() throws {
        var reader = try reader(Self.viewport(measure: FixedMeasure(articleLines: 12)))
        _ = try press("jw", &reader)
        _ = try press("jjjj", &reader)
        #expect(reader.articleScroll == 2)
        #expect(reader.messages.shown == "End of this comment.")
    }

    @Test func aResizeIsNotAKeyPress() throws {
        var reader = try reader()
        _ = reader.handle(.notice("a warning"))
        #expect(reader.handle(.key(.resize(columns: 10, rows: 4))) == .redraw)
        #expect(reader.messages.shown == "a warning")
    }

    @Test func workIsCountedInComments() throws {
        var reader = try reader()
        _ = try press("/zzzz", &reader)
        #expect(!reader.search.isRunning, "16 comments fit the per-key step")
        var big = Reader(
            discussion: Discussion(
                title: "T", article: nil, format: .web,
                comments: (0..<1000).map { Comment(id: String($0), author: "a", date: nil, body: "b") }),
            viewport: Self.viewport(), settings: Reader.Settings())
        _ = try press("/zzzz", &big)
        #expect(big.search.isRunning && big.hasPendingWork)
        var rounds = 0
        while big.search.isRunning {
            _ = big.work(budget: 100)
            rounds += 1
        }
        #expect(rounds == (1000 - Reader.searchStepPerKey + 99) / 100)
    }

    @Test func inlineScrollUsesTheMeasuredBlocks() throws {
        var reader = try reader(Self.viewport(measure: FixedMeasure(inlineLines: 4)))
        _ = try press("i", &reader)
        _ = try press("<Space>", &reader)
        #expect(reader.presentation == .inline(top: 2, offset: 1), "9 lines: two blocks of 4 and one more")
        #expect(reader.comment(at: reader.selected).id == "2")
    }
}
