import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// The same keys give the same state on a discussion of any size: searches and limits
/// are jobs advanced by a count of comments, and every scripted run finishes the work a
/// key started before the next key.
@Suite struct DeterministicWorkTests {
    /// `count` comments, two of which (near the start and near the end) say "zebraneedle".
    static func haystack(_ count: Int) -> Discussion {
        let comments = (0..<count).map { index in
            let says = index == 3 || index == count - 5 ? "a zebraneedle here" : "hay \(index)"
            return Comment(id: String(index), author: "a\(index % 11)", date: nil, body: says)
        }
        return Discussion(title: "T", article: nil, format: .web, comments: comments)
    }

    @Test(arguments: [200, 60_000])
    func searchThenNextLandsOnTheSecondMatchAtAnySize(count: Int) throws {
        var harness = ReaderHarness(discussion: Self.haystack(count), columns: 100, rows: 30)
        try harness.press("/zebraneedle<Enter>n")
        #expect(harness.message == "match 2 of 2")
        #expect(harness.selectedID == String(count - 5))
        #expect(!harness.runner.program.hasPendingWork)
    }

    @Test(arguments: [200, 60_000])
    func aLimitIsCompleteAfterItsKeyAtAnySize(count: Int) throws {
        var harness = ReaderHarness(discussion: Self.haystack(count), columns: 100, rows: 30)
        try harness.press("Lzebraneedle<Enter>j")
        #expect(harness.reader.limit?.matchCount == 2)
        #expect(harness.reader.rows.count == 3, "the article and the two matches")
        #expect(harness.selectedID == "3")
    }

    @Test func aKeyExaminesABoundedNumberOfComments() throws {
        var program = ReaderProgram.testing(Self.haystack(60_000))
        for key in try KeyNotation.parse("/zebraneedle") { program.press(key) }
        #expect(program.reader.search.isRunning, "a key looks at \(Reader.searchStepPerKey) comments, not 60,000")
        #expect(program.reader.search.matchCount == 1, "the first match is near the start")
        var budgets = 0
        while program.hasPendingWork {
            _ = program.work(budget: 1000)
            budgets += 1
        }
        #expect(budgets >= 59, "idle time finishes it a budget at a time")
        #expect(program.reader.search.matchCount == 2)
    }

    @Test func theSameKeysGiveTheSameScreenWhateverTheIdleBudget() throws {
        let keys = try KeyNotation.parse("/zebraneedle<Enter>nLa3<Enter>")
        var screens: [[String]] = []
        for budget in [1, 7, 4096] {
            var program = ReaderProgram.testing(Self.haystack(3000))
            for key in keys {
                program.press(key)
                while program.hasPendingWork { _ = program.work(budget: budget) }
            }
            screens.append(program.render().textLines)
        }
        #expect(screens[0] == screens[1] && screens[1] == screens[2])
    }
}
