import SpoolScreen
import Testing

@testable import SpoolTerminal

/// ncurses drawing into `/dev/null` and read back (tig's trick): what the terminal holds is
/// the screen's text, changed cells are all that is sent, and the cursor is where the
/// screen says. One ncurses screen at a time, so the suite is serialized.
@Suite(.serialized) struct CursesTerminalTests {
    private func screen(_ lines: [String], width: Int, cursor: Position? = nil) -> Screen {
        var screen = Screen(width: width, height: lines.count)
        for (y, line) in lines.enumerated() { screen.put(line, x: 0, y: y, style: .plain, clip: screen.bounds) }
        screen.cursor = cursor
        return screen
    }

    @Test func aDrawnScreenReadsBackAsItsText() throws {
        try withDevNullTerminal(columns: 20, rows: 3) { terminal in
            let drawn = screen(["├─ ● Edna  語", "plain ascii", ""], width: 20)
            terminal.draw(drawn)
            #expect((0..<3).map(terminal.drawnText(ofRow:)) == drawn.textLines)
        }
    }

    @Test func emojiSequencesKeepTheirColumnsAndSpillNothing() throws {
        try withDevNullTerminal(columns: 20, rows: 1) { terminal in
            let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
            terminal.draw(screen([family + "x" + "👍🏽" + "y" + "❤️" + "z" + "e\u{301}w"], width: 20))
            #expect(terminal.drawnCell(x: 0, y: 0) == "👨", "a family draws as its first person")
            #expect(terminal.drawnCell(x: 2, y: 0) == "x", "and the next cell is where it belongs")
            #expect(terminal.drawnCell(x: 3, y: 0) == "👍", "a skin tone is dropped, not spilled")
            #expect(terminal.drawnCell(x: 5, y: 0) == "y")
            #expect(terminal.drawnCell(x: 6, y: 0) == "❤\u{FE0F}", "VS16 stays with its emoji")
            #expect(terminal.drawnCell(x: 8, y: 0) == "z")
            #expect(terminal.drawnCell(x: 9, y: 0) == "e\u{301}", "combining marks share the cell")
            #expect(terminal.drawnCell(x: 10, y: 0) == "w")
        }
    }

    @Test func theCursorGoesWhereTheScreenSays() throws {
        try withDevNullTerminal(columns: 20, rows: 4) { terminal in
            terminal.draw(screen(["a", "b", "c", "d"], width: 20, cursor: Position(x: 3, y: 2)))
            #expect(terminal.drawnCursor == Position(x: 3, y: 2))
            terminal.draw(screen(["a", "b", "c", "d"], width: 20, cursor: nil))
            #expect(terminal.drawnCursor == Position(x: 0, y: 0), "no cursor: the top-left corner")
        }
    }

    @Test func aSecondFrameChangesOnlyWhatDiffers() throws {
        try withDevNullTerminal(columns: 10, rows: 2) { terminal in
            terminal.draw(screen(["one", "two"], width: 10))
            terminal.draw(screen(["one", "too"], width: 10))
            #expect(terminal.drawnText(ofRow: 0) == "one")
            #expect(terminal.drawnText(ofRow: 1) == "too")
        }
    }
}
