import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

@Suite struct SearchTests {
    @Test mutating func searchAsYouTypeThenNextAndPrevious() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("/edn")
        #expect(harness.reader.isSearching)
        #expect(harness.selectedID == "4.2", "the first match is shown while typing")
        #expect(harness.screen.textLines.last?.hasPrefix("/edn ") == true)
        try harness.press("a<Enter>")
        #expect(!harness.reader.isSearching)
        #expect(harness.message == "match 1 of 2")
        try harness.press("n")
        #expect(harness.selectedID == "5.1")
        #expect(harness.message == "match 2 of 2")
        try harness.press("n")
        #expect(harness.selectedID == "4.2", "n wraps")
        try harness.press("N")
        #expect(harness.selectedID == "5.1")
    }

    @Test mutating func smartCaseAndBodies() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("/ofstead<Enter>")
        #expect(harness.reader.search.matches.count == 2, "lower case matches OFSTEAD (Edna) and Ofstead (Vera)")
        try harness.press("/OFSTEAD<Enter>")
        #expect(harness.reader.search.matches.count == 1, "a capital makes it case-sensitive")
        #expect(harness.selectedID == "5.1")
    }

    @Test mutating func nUnfoldsWhatHidesTheMatchAndEscCancels() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("C/maria<Enter>")
        #expect(harness.selectedID == "4.1")
        #expect(harness.reader.rows.row(of: harness.reader.selected) != nil, "the folded thread opened")
        try harness.press("/zzz<Esc>")
        #expect(harness.reader.search.query.isEmpty && !harness.reader.isSearching)
        try harness.press("n")
        #expect(harness.message == "No search yet: / searches.")
    }
}

@Suite struct IncrementalSearchTests {
    @Test func smartCaseMatchingOnBytesAndLetters() {
        #expect(TextMatcher("cache").matches("The Cache is warm"))
        #expect(!TextMatcher("Cache").matches("the cache"), "a capital makes it exact")
        #expect(TextMatcher("élodie").matches("ÉLODIE Núñez"), "non-ASCII letters fold too")
        #expect(TextMatcher("日本").matches("これは日本語"))
        #expect(!TextMatcher("").matches("anything"))
        #expect(!TextMatcher("longer than text").matches("short"))
    }

    /// 3,000 comments; every 500th says "needle". The search starts from comment 1,700.
    @Test mutating func theSearchWrapsFromWhereItStartedAndFindsEveryMatch() throws {
        let comments = (0..<3000).map { index in
            Comment(
                id: String(index), author: "a\(index % 7)", date: nil,
                body: index % 500 == 0 ? "a needle here" : "hay \(index)")
        }
        var app = ReaderProgram.testing(Discussion(title: "T", article: nil, format: .web, comments: comments))
        for _ in 0..<1700 { app.press(.character("j")) }
        for key in try KeyNotation.parse("/needle") { app.press(key) }
        app.finishPendingWork()
        #expect(!app.reader.search.isRunning)
        #expect(app.reader.search.matches.map { app.reader.tree.commentIndex[$0] } == [0, 500, 1000, 1500, 2000, 2500])
        #expect(
            app.reader.tree.commentIndex[app.reader.selected] == 2000, "the first match after where the search began")
        app.press(.enter)
        #expect(app.reader.messages.shown == "match 5 of 6")
        app.press(.character("n"))
        app.press(.character("n"))
        #expect(app.reader.tree.commentIndex[app.reader.selected] == 0, "n wraps to the top")
    }
}
