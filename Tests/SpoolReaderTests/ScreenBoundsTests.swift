import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// Every mode at every size: the screen is the size asked for, nothing is drawn outside it,
/// and the cursor, when there is one, is on it.
@Suite struct ScreenBoundsTests {
    static let sizes = [(0, 0), (1, 1), (2, 2), (5, 3), (20, 4), (39, 12), (80, 24), (121, 40)]
    static let scripts = [
        "", "?", "?jjjj", "/edn", "/zzz<Enter>", "Lauthor:edna", "|wc", "i", "ijjjj<Space>", "jz", "jzjj", "jjjw",
        "v", "jjjjjjjjjjjjjjjjjjjj", "G<Enter>", "C", "E", "jjjj<Enter>k", "M", "ij<click:0,0>",
    ]

    @Test(arguments: sizes)
    func everyModeFitsTheScreen(columns: Int, rows: Int) throws {
        for script in Self.scripts {
            var harness = try ReaderHarness(fixture: Fixture.seed, columns: columns, rows: rows)
            try harness.press(script)
            let screen = harness.screen
            #expect(screen.width == columns && screen.height == rows, "\(script) at \(columns)x\(rows)")
            #expect(screen.textLines.allSatisfy { DisplayWidth.of($0) <= columns }, "\(script) at \(columns)x\(rows)")
            if let cursor = screen.cursor {
                #expect(cursor.x >= 0 && cursor.x < columns && cursor.y >= 0 && cursor.y < rows, "\(script)")
            }
        }
    }

    @Test func resizingThroughEverySizeKeepsTheStateUsable() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 24)
        try harness.press("jjjjj")
        for (columns, rows) in Self.sizes + Self.sizes.reversed() {
            try harness.press("<resize:\(columns)x\(rows)>")
            #expect(harness.screen.width == columns)
        }
        #expect(harness.selectedID == "4.1", "resizes never move the selection")
        try harness.press("j")
        #expect(harness.selectedID == "4.2")
    }

    @Test func aScreenWithoutRowsStillTakesKeys() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 0)
        try harness.press("jjj<Space>bJK<PgDn><PgUp>")
        #expect(harness.selectedID != nil)
        #expect(harness.screen.textLines.isEmpty)
    }
}
