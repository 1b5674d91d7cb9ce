import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// Whole screens of the seed through the headless reader, compared with files in __Snapshots__.
@Suite struct SnapshotTests {
    private func check(_ name: String, columns: Int, rows: Int, keys: String = "", fixture: String = Fixture.seed)
        throws
    {
        var harness = try ReaderHarness(fixture: fixture, columns: columns, rows: rows)
        try harness.press(keys)
        let mismatch = Snapshot.mismatch(harness.screen.textDump, named: name)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func seedAt80x24() throws { try check("seed-80x24", columns: 80, rows: 24) }

    @Test func seedAt120x40() throws { try check("seed-120x40", columns: 120, rows: 40) }

    @Test func seedAt1x1() throws { try check("seed-1x1", columns: 1, rows: 1) }

    @Test func seedAt40x12() throws { try check("seed-40x12", columns: 40, rows: 12) }

    @Test func seedAfterNavigatingAndCollapsing() throws {
        try check("seed-80x24-nested", columns: 80, rows: 24, keys: "jjjjjjap<Enter>")
    }

    @Test func seedSideBySideWithHelp() throws {
        try check("seed-120x40-help", columns: 120, rows: 40, keys: "?")
    }

    @Test func markdownExportAt100x30() throws {
        try check("cache-100x30", columns: 100, rows: 30, keys: "jjj", fixture: "gduarte-blog-comments-cache.md")
    }
}
