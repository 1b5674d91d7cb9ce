import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

@Suite struct ReviewBoundsTests {
    @Test mutating func scriptedResizesAreBoundedAndHugeCommentsAreNotCopied() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 24)
        try harness.press("<resize:100000x100000>")
        #expect(harness.reader.viewport.columns == 4000 && harness.reader.viewport.rows == 2000)
        let big = Discussion(
            title: "T", article: nil, format: .web,
            comments: [Comment(id: "1", author: "a", date: nil, body: String(repeating: "x", count: 200_000))])
        var h = ReaderHarness(discussion: big, columns: 80, rows: 24)
        try h.press("jy")
        #expect(h.takeCommands() == [])
        #expect(h.message?.contains("too long for the clipboard") == true)
    }

    @Test func aHugeTitleCostsOnlyWhatFits() {
        var screen = Screen(width: 10, height: 1)
        let end = screen.put(
            String(repeating: "\u{1B}", count: 1_000_000), x: 0, y: 0, style: .plain, clip: screen.bounds)
        #expect(screen.textLines == ["^[^[^[^[^["])
        #expect(end == 10)
    }
}
