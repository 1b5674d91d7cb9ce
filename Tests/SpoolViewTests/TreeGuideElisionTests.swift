import SpoolCore
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolView

/// Rows too deep for half the tree pane: every row on the screen leaves out the same outer
/// levels, so tree lines stay in their columns from one row to the next.
@Suite struct TreeGuideElisionTests {
    @Test mutating func deepRowsKeepTheirAncestorsLinesInOneColumn() throws {
        var harness = try ReaderHarness(fixture: "mbox/deep-chain.mbox", columns: 120, rows: 12)
        try harness.press("E")
        let lines = harness.screen.textLines.map { String($0.prefix(48)) }
        #expect(lines[1].hasPrefix("‹1› └─ ● 2024-01-01  Re: deep  21/21  P0"))
        #expect(lines[7].hasPrefix("‹7›          ├─ ● P6  2024-01-01  body 6"))
        #expect(lines[8].hasPrefix("‹8›          │  └─ ● P7  2024-01-01  body 7"))
        #expect(lines[9].hasPrefix("‹9›          │     └─ ● P8  2024-01-01  body 8"))
        #expect(lines[10].hasPrefix("‹10›         │        └─ ● P9  2024-01-01  body"))
        // The stem down to P5's second reply stays in column 13 on every row below P6.
        for line in lines[8...10] {
            #expect(Array(line)[13] == "│", "\(line)")
        }
    }

    @Test mutating func aShallowScreenDrawsEveryLevel() throws {
        var harness = try ReaderHarness(fixture: "mbox/deep-chain.mbox", columns: 120, rows: 8)
        try harness.press("E")
        let lines = harness.screen.textLines.map { String($0.prefix(48)) }
        #expect(!lines.contains { $0.contains("‹") }, "six levels fit: \(lines)")
        #expect(lines[6].hasPrefix("               └─ ● P5  2024-01-01  body 5"))
    }

    @Test mutating func aClickOnTheLinesOfADeepRowFolds() throws {
        var harness = try ReaderHarness(fixture: "mbox/deep-chain.mbox", columns: 120, rows: 12)
        try harness.press("E")
        // P6's row: its fold zone is the marker and the lines up to its tee (column 13).
        try harness.press("<click:14,7>")
        #expect(harness.reader.collapse.isCollapsed(harness.reader.selected))
        #expect(harness.reader.comment(at: harness.reader.selected).author == "P6")
    }

    @Test mutating func aFocusedCommentHasNoLinesOfItsOwn() throws {
        var harness = try ReaderHarness(fixture: "mbox/deep-chain.mbox", columns: 120, rows: 14)
        try harness.press("Ejjjjjjz")
        let lines = harness.screen.textLines.map { String($0.prefix(48)) }
        #expect(lines[1].hasPrefix("‹6›   P5  2024-01-01  body 5"), "\(lines)")
        #expect(lines[2].hasPrefix("‹7› ├─ ● P6  2024-01-01  body 6"))
    }
}
