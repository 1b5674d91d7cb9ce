import SpoolCore
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolReader

/// The search's bookkeeping: it looks from where it began to the end, then from the top
/// back to where it began, and answers next and previous by binary search.
@Suite struct SearchStateTests {
    /// A search over nodes 1..<`count` from `origin`, with `matches` found.
    private func run(from origin: Int, count: Int, matching matches: Set<Int>) -> SearchState {
        var search = SearchState(query: "x", origin: origin)
        search.restart(nodeCount: count)
        while let node = search.nextNode() {
            if matches.contains(node) { search.record(node) }
        }
        return search
    }

    @Test func itLooksFromTheOriginAndWrapsOnce() {
        var search = SearchState(query: "x", origin: 5)
        search.restart(nodeCount: 8)
        var order: [Int] = []
        while let node = search.nextNode() { order.append(node) }
        #expect(order == [5, 6, 7, 1, 2, 3, 4])
        #expect(!search.isRunning)
    }

    @Test func anEmptyQueryLooksAtNothing() {
        var search = SearchState(query: "", origin: 3)
        search.restart(nodeCount: 8)
        #expect(search.nextNode() == nil && !search.isRunning)
    }

    @Test func matchesAreInReadingOrderWhateverTheOrigin() {
        let search = run(from: 6, count: 10, matching: [2, 7, 9])
        #expect(search.matches == [2, 7, 9])
        #expect(search.matchCount == 3)
        #expect(search.position(of: 7) == 1 && search.position(of: 2) == 0 && search.position(of: 5) == nil)
        #expect(search.contains(9) && !search.contains(8))
    }

    @Test func nextAndPreviousWrap() {
        let search = run(from: 1, count: 10, matching: [2, 7, 9])
        #expect(search.match(after: 2, forward: true) == 7)
        #expect(search.match(after: 9, forward: true) == 2, "n wraps to the first")
        #expect(search.match(after: 2, forward: false) == 9, "N wraps to the last")
        #expect(search.match(after: 8, forward: false) == 7)
        #expect(search.match(after: 0, forward: true) == 2)
    }

    @Test func noMatchesNoTarget() {
        let search = run(from: 1, count: 10, matching: [])
        #expect(search.match(after: 3, forward: true) == nil)
        #expect(search.match(after: 3, forward: false) == nil)
    }

    @Test func sortedArrayHelpers() {
        let values = [1, 4, 4, 9]
        #expect(values.insertionIndex(of: 4) == 1)
        #expect(values.insertionIndex(of: 10) == 4)
        #expect(values.binarySearchIndex(of: 9) == 3)
        #expect(values.binarySearchIndex(of: 5) == nil)
        #expect([Int]().insertionIndex(of: 3) == 0)
    }
}

/// The search through the reader: `n` before any search, a query with no match, Enter.
@Suite struct SearchInReaderTests {
    @Test func nWithoutASearchSaysHowToStartOne() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("n")
        #expect(harness.message == "No search yet: / searches.")
    }

    @Test func enterWithNoMatchStaysWhereTheSearchBegan() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jj/qwertyuiop<Enter>")
        #expect(harness.selectedID == "2")
        #expect(harness.message == "No matches for qwertyuiop.")
        try harness.press("n")
        #expect(harness.message == "No matches for qwertyuiop.")
    }

    @Test func anEmptyQueryThenEnterLeavesEverythingAsItWas() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jj/<Enter>")
        #expect(harness.selectedID == "2" && !harness.reader.isSearching)
    }

    @Test func matchesAreMarkedInTheTreeWhileTyping() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("/edna")
        let rows = harness.reader.rows
        let matched = (0..<rows.count).filter { harness.reader.isMatch(rows[$0]) }
        #expect(matched.map { harness.reader.comment(at: rows[$0]).id } == ["4.2", "5.1"])
        #expect(!harness.reader.isMatch(0), "the article row is never a match")
    }

    /// The last comment matching, found just before the search wraps, counts as the last
    /// match (it was once filed with the matches before the origin).
    @Test func aMatchOnTheLastCommentIsTheLastMatch() throws {
        let comments = (0..<10).map { index in
            Comment(id: String(index), author: "a", date: nil, body: index == 1 || index == 9 ? "needle" : "hay")
        }
        var harness = ReaderHarness(
            discussion: Discussion(title: "T", article: nil, format: .web, comments: comments), columns: 80, rows: 24)
        try harness.press("jjjjj/needle<Enter>")
        #expect(harness.selectedID == "9")
        #expect(harness.message == "match 2 of 2")
        try harness.press("n")
        #expect(harness.selectedID == "1" && harness.message == "match 1 of 2; search wrapped to the top")
        #expect(harness.reader.search.matches.map { harness.reader.comment(at: $0).id } == ["1", "9"])
    }

    @Test func nAndNSayWhenTheyWrap() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("/edna<Enter>")
        #expect(harness.message == "match 1 of 2")
        try harness.press("n")
        #expect(harness.message == "match 2 of 2")
        try harness.press("n")
        #expect(harness.message == "match 1 of 2; search wrapped to the top")
        try harness.press("N")
        #expect(harness.message == "match 2 of 2; search wrapped to the end")
    }

    @Test func tabAndShiftTabSayWhenTheyWrap() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("G")
        try harness.press("<Tab>")
        #expect(harness.selectedID == "1" && harness.message == "Wrapped to the first unread comment.")
        try harness.press("<S-Tab>")
        #expect(harness.message == "Wrapped to the last unread comment.")
        try harness.press("<Tab>")
        #expect(harness.message == "Wrapped to the first unread comment.")
        try harness.press("<Tab>")
        #expect(harness.message == nil, "no wrap, no word")
    }
}
