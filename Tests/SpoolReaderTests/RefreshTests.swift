import SpoolCore
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

/// `$`: a discussion opened by its address leaves the reader to be fetched again; a file says why not.
@Suite struct RefreshTests {
    @Test func aFileIsNotFetchedAgain() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        let effects = try harness.press("$")
        #expect(!effects.quit)
        #expect(!harness.reader.refreshRequested)
        #expect(
            harness.message == "$ fetches again a discussion opened by its address (spool hn:8863); this one is a file."
        )
    }

    @Test func anAddressLeavesTheReaderToBeFetchedAgain() throws {
        var options = ReaderOptions(now: ReaderHarness.now)
        options.refreshable = true
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30, options: options)
        try harness.press("j")
        let effects = try harness.press("$")
        #expect(effects.quit && effects.redraw)
        #expect(harness.reader.refreshRequested)
        #expect(harness.message == "Fetching again…")
    }
}
