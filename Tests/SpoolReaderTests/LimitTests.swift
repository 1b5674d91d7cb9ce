import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

@Suite struct SlicedLimitTests {
    static func app() -> ReaderProgram {
        let comments = (0..<3000).map { index in
            Comment(
                id: String(index), author: "a", date: nil, body: index % 500 == 0 ? "a needle" : "hay",
                parent: index % 2 == 1 ? index - 1 : nil)
        }
        return ReaderProgram.testing(Discussion(title: "T", article: nil, format: .web, comments: comments))
    }

    @Test func aLimitFinishesInIdleTimeWithEveryMatch() throws {
        var app = Self.app()
        for key in try KeyNotation.parse("Lneedle<Enter>") { app.press(key) }
        app.finishPendingWork()
        #expect(app.reader.limit?.matchCount == 6)
        #expect(app.reader.rows.nodes.map { app.reader.tree.commentIndex[$0] } == [-1, 0, 500, 1000, 1500, 2000, 2500])
        #expect(app.reader.messages.shown == "Limit needle: 6 of 3000")
    }

    @Test func anEmptyPatternStopsALimitStillBeingChecked() throws {
        var app = Self.app()
        for key in try KeyNotation.parse("Lneedle<Enter>L") { app.press(key) }
        for _ in 0..<6 { app.press(.backspace) }
        app.press(.enter)
        app.finishPendingWork()
        #expect(app.reader.limit == nil)
        #expect(app.reader.rows.count == 3001)
    }
}

@Suite struct LimitTests {
    @Test mutating func fLimitsToTheAuthorAndKeepsAncestors() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jjjjjjf")
        #expect(harness.selectedID == "4.2")
        #expect(harness.reader.limit?.matchCount == 2)
        let shown = harness.reader.rows.nodes.map { $0 == 0 ? "article" : harness.reader.comment(at: $0).id }
        #expect(shown == ["article", "4", "4.2", "5", "5.1"], "Edna's two comments with their parents")
        #expect(harness.screen.textLines.last?.contains("[limit: author:Edna]") == true)
        try harness.press("q")
        #expect(harness.reader.limit == nil && harness.reader.rows.count == 17, "q ends the limit first")
    }

    @Test mutating func patternsCombineAndAnEmptyOneShowsEverything() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jj")
        try harness.press("Lunread author:sharon<Enter>")
        #expect(harness.reader.limit?.matchCount == 3)
        try harness.press(
            "L<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>after:2014-10-30<Enter>"
        )
        #expect(harness.reader.limit?.matchCount == 1, "only Vera wrote after October 29")
        try harness.press("L witch<Enter>")
        #expect(harness.reader.limit?.pattern == "after:2014-10-30 witch", "L opens with the limit in force")
        try harness.press("L")
        for _ in 0..<40 { try harness.press("<BS>") }
        try harness.press("<Enter>")
        #expect(harness.reader.limit == nil)
        #expect(harness.message == "Showing all comments.")
    }

    @Test mutating func goingToAHiddenCommentEndsTheLimit() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jf")
        #expect(harness.reader.limit != nil)
        try harness.press("<Tab>")
        #expect(harness.reader.limit == nil, "the next unread was hidden by the limit")
        #expect(harness.reader.rows.row(of: harness.reader.selected) != nil)
    }
}

/// Limit words that need the reader's state: what is new since the last visit, what is
/// unread, what came after a day; and the progress of a limit still checking.
@Suite struct LimitStateTests {
    @Test func newMeansNotSeenAtTheLastVisit() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let seen = KeyFingerprints(discussion.comments.dropLast(2).map(\.key))
        var harness = ReaderHarness(
            discussion: discussion, columns: 100, rows: 30, saved: SavedState(previouslySeen: seen))
        #expect(harness.reader.newCount == 2)
        try harness.press("Lnew<Enter>")
        #expect(harness.reader.limit?.matchCount == 2)
        #expect(harness.message == "Limit new: 2 of 16")
    }

    @Test func unreadAndAfterCombine() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jjjjjjj")
        try harness.press("Lunread after:2014-10-29<Enter>")
        let ids = harness.reader.rows.nodes.dropFirst().map { harness.reader.comment(at: $0).id }
        #expect(ids == ["13"], "4.2 (Oct 29) was read on the way; only Vera's is unread and after the day")
    }

    @Test func aDayThatDoesNotParseIsAnErrorNotAnEmptyTree() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("Lafter:someday<Enter>")
        #expect(harness.reader.prompt?.line.text == "after:someday", "the prompt stays open to mend it")
        #expect(harness.reader.prompt?.note?.hasPrefix("after:someday is not a date") == true)
        #expect(harness.reader.rows.count == 17 && harness.reader.limit == nil)
        try harness.press("<C-u><Enter>")
        #expect(harness.reader.rows.count == 17 && harness.message == "Showing all comments.")
    }

    @Test func aLimitStillCheckingSaysHowFarItIs() throws {
        let comments = (0..<4000).map { Comment(id: String($0), author: "a", date: nil, body: "hay \($0)") }
        var program = ReaderProgram.testing(Discussion(title: "T", article: nil, format: .web, comments: comments))
        for key in try KeyNotation.parse("Lneedle<Enter>") { program.press(key) }
        #expect(program.hasPendingWork)
        let percent = Reader.limitStepPerKey * 100 / 4001
        #expect(program.reader.messages.shown == "Limiting to needle… \(percent)%")
        #expect(program.reader.rows.count == 4001, "the tree changes only when every comment is checked")
        program.finishPendingWork()
        #expect(program.reader.messages.shown == "Nothing matches needle; L then Enter shows everything.")
    }
}

/// A limit opens the folds around its matches, and those folds are saved like any other.
@Suite struct LimitSavesTests {
    @Test func theFoldsALimitOpensAreSaved() throws {
        let store = RecordingStore()
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30,
            saved: SavedState(collapsedKeys: [try Fixture.discussion(Fixture.seed).comments[3].key]), store: store)
        #expect(harness.reader.collapse.nodes.count == 1)
        try harness.press("Lauthor:edna<Enter>")
        #expect(harness.reader.collapse.nodes.isEmpty, "4 was opened to show 4.2")
        #expect(store.foldSaves.last?.map(\.folded) == [nil], "open, as the default has it: the saved fold goes")
    }
}
