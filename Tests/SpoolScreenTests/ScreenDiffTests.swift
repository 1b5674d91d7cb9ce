import SpoolScreen
import Testing

/// What a backend sends between two frames.
@Suite struct ScreenDiffTests {
    private func screen(_ lines: [String], width: Int) -> Screen {
        var screen = Screen(width: width, height: lines.count)
        for (y, line) in lines.enumerated() { screen.put(line, x: 0, y: y, style: .plain, clip: screen.bounds) }
        return screen
    }

    @Test func theFirstFrameSendsEveryCellButContinuations() {
        let first = screen(["ab語"], width: 5)
        let changes = ScreenDiff.changes(from: nil, to: first)
        #expect(ScreenDiff.needsFullRedraw(from: nil, to: first))
        #expect(changes.map(\.x) == [0, 1, 2, 4], "column 3 is the second half of 語")
    }

    @Test func anUnchangedFrameSendsNothing() {
        let frame = screen(["hello", "world"], width: 6)
        #expect(ScreenDiff.changes(from: frame, to: frame).isEmpty)
    }

    @Test func onlyTheChangedCellsAreSent() {
        let old = screen(["hello", "world"], width: 6)
        let new = screen(["hello", "wOrld"], width: 6)
        #expect(ScreenDiff.changes(from: old, to: new).map { [$0.x, $0.y] } == [[0, 1], [1, 1]])
    }

    @Test func aCellBeforeAChangedOneIsSentAgain() {
        // A wide character written where a narrow one was covers the cell after it; the
        // cell before a change is redrawn so a stale half never stays on screen.
        let old = screen(["abc"], width: 4)
        let new = screen(["a語"], width: 4)
        let sent = ScreenDiff.changes(from: old, to: new).map(\.x)
        #expect(sent.contains(0) && sent.contains(1) && !sent.contains(2))
    }

    @Test func aNewSizeRedrawsEverything() {
        let old = screen(["ab"], width: 2)
        let new = screen(["ab"], width: 3)
        #expect(ScreenDiff.needsFullRedraw(from: old, to: new))
        #expect(ScreenDiff.changes(from: old, to: new).count == 3)
    }

    @Test func theCursorIsPlacedOnlyOnTheScreen() {
        var frame = Screen(width: 3, height: 2)
        frame.placeCursor(x: 5, y: 0)
        #expect(frame.cursor == nil)
        frame.placeCursor(x: 2, y: 1)
        #expect(frame.cursor == Position(x: 2, y: 1))
    }
}
