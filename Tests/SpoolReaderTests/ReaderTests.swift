import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

/// The App driven by keys on the seed discussion, as `spool render --keys` drives it.
@Suite struct ReaderTests {
    var harness: ReaderHarness

    init() throws { harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30) }

    @Test func startsOnTheArticleWithEverythingUnread() {
        #expect(harness.selectedID == nil)
        #expect(harness.reader.marks.unreadCount == 16)
        #expect(harness.reader.rows.count == 17)
    }

    @Test mutating func sameAuthorJumpWrapsAndSaysWhereItIs() throws {
        try harness.press("jjj")
        #expect(harness.selectedID == "3")
        try harness.press("a")
        #expect(harness.selectedID == "4")
        #expect(harness.message == "2 of 3 by Sharon Shoesmith")
        try harness.press("a")
        #expect(harness.selectedID == "11")
        #expect(harness.message == "3 of 3 by Sharon Shoesmith")
        try harness.press("a")
        #expect(harness.selectedID == "3")
        #expect(harness.message == "1 of 3 by Sharon Shoesmith")
        try harness.press("A")
        #expect(harness.selectedID == "11")
    }

    @Test mutating func sameAuthorJumpExpandsWhatHidesTheTarget() throws {
        try harness.press("jjjjjj")
        #expect(harness.selectedID == "4.2", "Edna wrote 4.2 and 5.1")
        try harness.press("j<Enter>")
        #expect(harness.selectedID == "5" && harness.reader.collapse.isCollapsed(harness.reader.selected))
        let hidden = harness.reader.rows.count
        try harness.press("ka")
        #expect(harness.selectedID == "5.1", "a goes to Edna's next comment, folded away under 5")
        #expect(harness.message == "2 of 2 by Edna")
        #expect(harness.reader.rows.row(of: harness.reader.selected) != nil, "the fold that hid it opened")
        #expect(harness.reader.rows.count > hidden)
    }

    @Test mutating func collapseShowsTheHiddenCountAndExpandRestores() throws {
        try harness.press("jjjj")
        #expect(harness.selectedID == "4")
        try harness.press("<Enter>")
        #expect(harness.reader.rows.count == 15)
        #expect(harness.screen.textLines.contains { $0.contains("Sharon Shoesmith  2014-10-28 [+2, 2 unread]") })
        try harness.press("o")
        #expect(harness.reader.rows.count == 17)
    }

    @Test mutating func hAndLWalkTheTree() throws {
        try harness.press("jjjjj")
        #expect(harness.selectedID == "4.1")
        try harness.press("h")
        #expect(harness.selectedID == "4", "a leaf goes to its parent")
        try harness.press("h")
        #expect(harness.reader.collapse.isCollapsed(harness.reader.selected), "an open node collapses")
        try harness.press("h")
        #expect(harness.selectedID == nil, "a collapsed node goes to its parent, the article")
        try harness.press("jjjjl")
        #expect(harness.selectedID == "4" && !harness.reader.collapse.isCollapsed(harness.reader.selected))
        try harness.press("l")
        #expect(harness.selectedID == "4.1")
    }

    @Test mutating func parentAndSiblingMoves() throws {
        try harness.press("jjjjjj")
        #expect(harness.selectedID == "4.2")
        try harness.press("[")
        #expect(harness.selectedID == "4.1")
        try harness.press("]")
        #expect(harness.selectedID == "4.2")
        try harness.press("]")
        #expect(harness.message == "No next sibling.")
        try harness.press("p")
        #expect(harness.selectedID == "4")
        try harness.press("]")
        #expect(harness.selectedID == "5")
        try harness.press("p")
        #expect(harness.selectedID == nil)
        try harness.press("p")
        #expect(harness.message == "This is the top of the discussion.")
    }

    @Test mutating func selectingMarksReadAndRTogglesIt() throws {
        try harness.press("jj")
        #expect(harness.reader.marks.unreadCount == 14)
        try harness.press("r")
        #expect(harness.reader.marks.unreadCount == 15)
        #expect(harness.message == "Marked unread.")
        let store = RecordingStore()
        var saving = ReaderHarness(discussion: harness.reader.discussion, columns: 100, rows: 30, store: store)
        try saving.press("jjr")
        #expect(store.readChanges.count == 3, "each change of a mark is saved as it happens")
        #expect(saving.reader.marks.unreadCount == 15)
    }

    @Test mutating func tabGoesToTheNextUnreadAndWraps() throws {
        try harness.press("<Tab>")
        #expect(harness.selectedID == "1")
        try harness.press("G<Tab>")
        #expect(harness.selectedID == "2", "wraps past the end to the first unread")
        try harness.press("<S-Tab>")
        #expect(harness.selectedID == "12")
    }

    @Test mutating func catchUpAndUndo() throws {
        try harness.press("jjjj")
        #expect(harness.reader.marks.unreadCount == 12)
        try harness.press("R")
        #expect(harness.reader.marks.unreadCount == 10, "4.1 and 4.2 are marked with their parent")
        try harness.press("M")
        #expect(harness.reader.marks.unreadCount == 0)
        #expect(harness.message == "Marked 10 comments in the discussion read; U undoes.")
        try harness.press("U")
        #expect(harness.reader.marks.unreadCount == 10)
        try harness.press("U")
        #expect(harness.message == "No bulk mark to undo.")
    }

    @Test mutating func spaceAtTheEndOfACommentGoesToTheNextUnread() throws {
        harness = try ReaderHarness(fixture: Fixture.seed, columns: 60, rows: 20)
        try harness.press("j")
        #expect(harness.selectedID == "1")
        let long = harness.articleLines.count
        #expect(long > harness.reader.viewport.article.height, "comment 1 is longer than the pane")
        try harness.press("<Space>")
        #expect(harness.reader.articleScroll > 0)
        var presses = 1
        while harness.selectedID == "1" && presses < 20 {
            try harness.press("<Space>")
            presses += 1
        }
        #expect(harness.selectedID == "2")
        #expect(presses > 2, "the comment was paged through before moving on")
        #expect(harness.reader.articleScroll == 0)
    }

    @Test mutating func focusOnTheArticleMakesJScrollIt() throws {
        harness = try ReaderHarness(fixture: Fixture.seed, columns: 60, rows: 20)
        try harness.press("jwjj")
        #expect(harness.selectedID == "1")
        #expect(harness.reader.articleScroll == 2)
        try harness.press("<Esc>j")
        #expect(harness.selectedID == "2")
    }

    @Test mutating func layoutSwitchesAndResizeKeepsTheSelectionOnScreen() throws {
        #expect(harness.reader.viewport.orientation == .stacked)
        try harness.press("v")
        #expect(harness.reader.viewport.orientation == .sideBySide)
        try harness.press("G<resize:30x5>")
        #expect(harness.reader.viewport.orientation == .stacked, "too narrow for side by side")
        let row = try #require(harness.reader.rows.row(of: harness.reader.selected))
        #expect(row >= harness.reader.treeTop && row < harness.reader.treeTop + harness.reader.viewport.tree.height)
        for size in ["1x1", "0x0", "2x1", "1x3", "500x200", "3x2"] {
            try harness.press("<resize:\(size)>jk<Space>?")
            _ = harness.screen
            try harness.press("q")
        }
    }

    @Test mutating func helpListsTheLiveKeyMap() throws {
        var remapped = KeyMap.standard.bindings
        remapped[.character("x")] = .nextSameAuthor
        harness = ReaderHarness(
            discussion: harness.reader.discussion, columns: 100, rows: 50, keyMap: KeyMap(bindings: remapped))
        try harness.press("?")
        #expect(harness.reader.isShowingHelp)
        let text = harness.screen.textDump
        #expect(text.contains("a x"))
        #expect(text.contains("next comment by the same author"))
        try harness.press("q")
        #expect(!harness.reader.isShowingHelp)
        let quit = try harness.press("q")
        #expect(quit.quit)
    }

    @Test func readKeysRestoreMarks() throws {
        let d = try Fixture.discussion(Fixture.seed)
        let keys: Set<StableKey> = [d.comments[0].key, d.comments[5].key]
        let h = ReaderHarness(discussion: d, columns: 80, rows: 24, saved: SavedState(readKeys: keys))
        #expect(h.reader.marks.unreadCount == 14)
        #expect(h.reader.readKeys == keys)
    }

    @Test func importerNoticesShowInTheStatusLine() throws {
        let d = try Fixture.web("T\n\n3 Comments\n\n  1. Ann June 1, 2022 at 8:00 am #\n\n    x\n")
        let h = ReaderHarness(discussion: d, columns: 80, rows: 10)
        #expect(h.screen.textLines.last?.contains("The page says 3 responses; 1 comments were found.") == true)
    }
}

@Suite struct DeepNestingTests {
    @Test func deepRowsShowTheirDepthInsteadOfRunningOffScreen() throws {
        let chain = Discussion(
            title: "Deep", article: nil, format: .web,
            comments: (0..<30).map {
                Comment(id: "\($0)", author: "u\($0)", date: nil, body: "b", parent: $0 == 0 ? nil : $0 - 1)
            })
        var harness = ReaderHarness(discussion: chain, columns: 40, rows: 10)
        try harness.press("G")
        let lines = harness.screen.textLines
        let selectedRow = try #require(lines.first { $0.contains("u29") })
        #expect(selectedRow.hasPrefix("‹30›"))
        #expect(selectedRow.contains("● u29") || selectedRow.contains("  u29"))
    }
}

@Suite struct ArchiveAppTests {
    @Test func manyThreadsStartFoldedWithTheirCounts() throws {
        var harness = try ReaderHarness(fixture: "mbox/notmuch-list-2009.mbox", columns: 100, rows: 20)
        #expect(harness.reader.rows.count == 25, "the archive row and 24 folded threads")
        let lines = harness.screen.textLines
        #expect(lines[0].hasPrefix("notmuch-list-2009.mbox  24 threads · 53 messages"))
        #expect(lines.contains { $0.contains("messages, ") && $0.contains(" unread)") })
        try harness.press("j")
        let folded = harness.reader.rows.count
        try harness.press("l")
        #expect(harness.reader.rows.count > folded, "l opens a thread")
        try harness.press("<Tab>")
        #expect(harness.reader.marks.unreadCount < 53, "Tab reads into the forest")
    }

    @Test func fewThreadsStartOpenAndPlaceholdersAreNotUnread() throws {
        let harness = try ReaderHarness(fixture: "mbox/nntp_2.txt", columns: 100, rows: 20)
        #expect(harness.reader.rows.count == 3)
        #expect(harness.reader.marks.unreadCount == 1)
        #expect(harness.screen.textLines[1].contains("(message not in archive)"))
    }

    @Test func subjectsShowOnlyWhereTheyChange() throws {
        let mail = """
            From: Ann <a@x>
            Message-ID: <1@x>
            Subject: Plans
            Date: Mon, 1 Jan 2024 10:00:00 +0000

            Root.

            From b Mon Jan  1 11:00:00 2024
            From: Bob <b@x>
            Message-ID: <2@x>
            In-Reply-To: <1@x>
            Subject: Re: Plans
            Date: Mon, 1 Jan 2024 11:00:00 +0000

            Same subject.

            From c Mon Jan  1 12:00:00 2024
            From: Cy <c@x>
            Message-ID: <3@x>
            In-Reply-To: <2@x>
            Subject: Re: Plans (was: lunch)
            Date: Mon, 1 Jan 2024 12:00:00 +0000

            New subject.
            """
        let archive = try DiscussionFile.parse(bytes: Array(mail.utf8), file: "plans.mbox")
        let lines = ReaderHarness(discussion: archive, columns: 100, rows: 20).screen.textLines
        #expect(lines[1].hasSuffix("Plans"))
        #expect(lines[2].hasSuffix("Same subject."), "an unchanged subject gives way to the body")
        #expect(lines[3].hasSuffix("Re: Plans (was: lunch)"))
    }
}

@Suite struct SearchTests {
    @Test mutating func searchAsYouTypeThenNextAndPrevious() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("/edn")
        #expect(harness.reader.isSearching)
        #expect(harness.selectedID == "4.2", "the first match is shown while typing")
        #expect(harness.screen.textLines.last?.hasPrefix("/edn_") == true)
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

/// Counts which bodies it was asked for.
final class CountingBodies: BodySource, @unchecked Sendable {
    private(set) var asked: [Int] = []
    func text(of span: Range<Int>) -> String {
        asked.append(span.lowerBound)
        return "body \(span.lowerBound)"
    }
}

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

@Suite struct IdleWorkTests {
    @Test func idleTimeGetsTheNeighboursOfTheSelectionReady() {
        let source = CountingBodies()
        let comments = (0..<6).map { index in
            Comment(
                id: String(index), author: "a", date: nil, body: CommentBody(source: source, span: index..<(index + 1)))
        }
        var app = ReaderProgram.testing(Discussion(title: "T", article: nil, format: .web, comments: comments))
        #expect(!app.hasPendingWork)
        app.press(.character("j"))
        app.press(.character("j"))
        _ = app.render()
        #expect(app.hasPendingWork)
        let before = source.asked.count
        app.finishPendingWork()
        #expect(!app.hasPendingWork)
        let fetched = Set(source.asked[before...])
        #expect(fetched == [0, 2], "the rows above and below the selection (comment 1) were asked for while idle")
    }
}

@Suite struct FocusTests {
    @Test mutating func zFocusesASubtreeWithABreadcrumbAndZOrEscOrQLeaves() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 20)
        try harness.press("jjjjz")
        #expect(harness.reader.narrowedTo != nil)
        #expect(harness.reader.rows.count == 3)
        let lines = harness.screen.textLines
        #expect(lines[0].hasPrefix("↳ Baby P: The Untold Story ‘A shocking catalogue of cover ups’ › Sharon Shoesmith"))
        #expect(lines[1].hasPrefix("  Sharon Shoesmith  2014-10-28"), "the focused comment is drawn without guides")
        #expect(lines[2].hasPrefix("├─ ● Maria Jose Becerra Martinez"))
        try harness.press("G")
        #expect(harness.selectedID == "4.2", "moves stay inside the focus")
        try harness.press("Z")
        #expect(harness.reader.narrowedTo == nil && harness.reader.rows.count == 17)
        try harness.press("z<Esc>")
        #expect(harness.reader.narrowedTo == nil)
        try harness.press("z")
        let stayed = try harness.press("q")
        #expect(!stayed.quit && harness.reader.narrowedTo == nil, "q leaves the focus first")
    }

    @Test mutating func movingOutsideTheFocusEndsIt() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 20)
        try harness.press("jjjjzp")
        #expect(harness.reader.narrowedTo == nil)
        #expect(harness.selectedID == nil, "p went to the article")
        try harness.press("jjjjz<Tab>")
        #expect(
            harness.reader.narrowedTo == nil
                || harness.reader.tree.contains(harness.reader.narrowedTo!, harness.reader.selected))
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
        try harness.press("Lwitch<Enter>")
        #expect(harness.reader.limit?.pattern == "after:2014-10-30witch")
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

@Suite struct MouseTests {
    @Test mutating func clicksSelectFoldAndFocusAndTheWheelScrollsThePaneUnderIt() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("<click:20,4>")
        #expect(harness.selectedID == "4")
        try harness.press("<click:1,4>")
        #expect(harness.reader.collapse.isCollapsed(harness.reader.selected), "a click on the tree lines folds")
        try harness.press("<click:1,4>")
        #expect(!harness.reader.collapse.isCollapsed(harness.reader.selected), "and unfolds")
        try harness.press("<wheeldown:10,2>")
        #expect(harness.selectedID == "5", "the wheel over the tree moves the selection")
        let article = harness.reader.viewport.article
        try harness.press("<wheeldown:\(article.x + 2),\(article.y + 1)>")
        #expect(harness.reader.articleScroll == 3, "the wheel over the article scrolls it")
        try harness.press("<click:\(article.x + 2),\(article.y + 1)>")
        #expect(harness.reader.paneFocus == .article)
        try harness.press("<click:20,1>")
        #expect(harness.reader.paneFocus == .tree && harness.selectedID == "1")
    }

    @Test func mouseNotationRoundTrips() throws {
        #expect(
            try KeyNotation.parse("<click:3,4><wheelup:0,0><wheeldown:9,9>") == [
                .mouse(.click, column: 3, row: 4), .mouse(.wheelUp, column: 0, row: 0),
                .mouse(.wheelDown, column: 9, row: 9),
            ])
        #expect(KeyNotation.name(of: .mouse(.click, column: 3, row: 4)) == "click:3,4")
        #expect(throws: KeyNotation.ParseError.self) { try KeyNotation.parse("<click:3>") }
        let (config, problems) = ReaderConfig.parse(toml: "mouse = false\n", file: "c.toml")
        #expect(problems.isEmpty && config.mouse == false)
    }
}

@Suite struct HandoverTests {
    @Test mutating func yEAndPipeAskTheTerminalSide() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jy")
        #expect(harness.takeCommands() == [.copy(harness.reader.selectedText)])
        #expect(harness.reader.selectedText.hasPrefix("Philip Measures · 2014-10-28 11:24\n\nThis was truly dreadful"))
        #expect(harness.takeCommands() == [], "a command is handed over once")
        try harness.press("e")
        #expect(harness.takeCommands() == [.page(harness.reader.selectedText)])
        try harness.press("|wc -l<Enter>")
        #expect(harness.takeCommands() == [.pipe(command: "wc -l", text: harness.reader.selectedText)])
        try harness.press("|<Esc>")
        #expect(harness.takeCommands() == [] && harness.message == "Pipe cancelled.")
    }
}

@Suite struct LinkTests {
    @Test func addressesAreFoundWithoutTrailingPunctuation() {
        #expect(
            Reader.urls(in: "See <https://a.example/x?y=1>, and (http://b.example/). Again https://a.example/x?y=1.")
                == ["https://a.example/x?y=1", "http://b.example/"])
        #expect(Reader.urls(in: "no links, not even http:// alone") == [])
    }

    @Test mutating func uListsAndADigitOpens() throws {
        let d = try Fixture.web(
            "T\n\n1 Comment\n\n  1. Ann March 1, 2024 at 9:00 am #\n\n    Read https://one.example/a and http://two.example/b please.\n"
        )
        var harness = ReaderHarness(discussion: d, columns: 80, rows: 24)
        try harness.press("u")
        #expect(harness.message == "No web addresses in this comment.", "the article has none")
        try harness.press("ju")
        #expect(harness.reader.mode == .choosingURL(["https://one.example/a", "http://two.example/b"]))
        #expect(harness.screen.textLines.contains { $0.contains("2  http://two.example/b") })
        try harness.press("2")
        #expect(harness.takeCommands() == [.open("http://two.example/b")])
        try harness.press("u<Esc>")
        #expect(harness.reader.mode == .browsing && harness.takeCommands() == [])
    }
}

@Suite struct PlainModeTests {
    @Test mutating func rowsSayDepthAndStateInWords() throws {
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30,
            options: ReaderOptions(now: ReaderHarness.now, plain: true))
        try harness.press("jjjjj")
        let lines = harness.screen.textLines
        #expect(lines.contains { $0.hasPrefix("  top level, Philip Measures, 2014-10-28: This was truly dreadful") })
        #expect(lines.contains { $0.hasPrefix("> reply, level 2, Maria Jose Becerra Martinez, 2014-10-28: Sharon") })
        #expect(lines.contains { $0.hasPrefix("  reply, level 2, unread, Edna, 2014-10-29: ") })
        #expect(!harness.screen.textDump.contains("─") && !harness.screen.textDump.contains("●"))
        let (config, problems) = ReaderConfig.parse(toml: "plain = true\n", file: "c.toml")
        #expect(problems.isEmpty && config.plain == true)
    }
}

@Suite struct InlineModeTests {
    @Test mutating func everyCommentUnderItsHeaderWithTheSameKeys() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 90, rows: 22)
        try harness.press("i")
        #expect(harness.reader.isInline)
        try harness.press("jjj")
        let lines = harness.screen.textLines
        #expect(
            lines.contains { $0.hasPrefix("├─   Sharon Shoesmith  2014-10-28 12:27") },
            "the selected header is on screen")
        #expect(
            lines.contains { $0.hasPrefix("    I felt that the documentary was simply amazing.") },
            "its body sits under it")
        #expect(harness.reader.marks.unreadCount == 13, "moving reads as before")
        try harness.press("j<Enter>")
        #expect(harness.screen.textDump.contains("[+2 replies folded]"))
        let before = harness.reader.selected
        try harness.press("<Space><Space>")
        #expect(
            harness.reader.selected > before, "Space scrolls the whole view and the top comment becomes the selection")
        try harness.press("i")
        #expect(!harness.reader.isInline && harness.screen.textDump.contains("────"))
    }

    @Test mutating func aTinyScreenAndResizeNeverBreakIt() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 90, rows: 22)
        try harness.press("iG<resize:1x1>k<resize:5x3>b<Space><resize:200x60>g")
        _ = harness.screen
        #expect(harness.selectedID == nil)
    }
}

@Suite struct LibraryTests {
    @Test mutating func theListMovesOpensAndQuits() throws {
        var library = Library(
            entries: [
                LibraryEntry(title: "One", source: "one.txt", comments: 16, unread: 16, lastRead: nil),
                LibraryEntry(title: "Two", source: "two.mbox", comments: 3, unread: 0, lastRead: 1_700_000_000),
            ], columns: 70, rows: 6)
        #expect(library.handle(.character("j")) == nil)
        #expect(library.selected == 1)
        #expect(library.handle(.character("j")) == nil && library.selected == 1)
        let screen = LibraryView(theme: .monochrome, now: ReaderHarness.now).render(library).textLines
        #expect(screen[0].hasPrefix("Library: 2 discussions"))
        #expect(screen[1].hasPrefix("  One  one.txt") && screen[1].hasSuffix("16      16  never"))
        #expect(screen[2].hasPrefix("> Two  two.mbox") && screen[2].hasSuffix("3       -  2023-11-14"))
        #expect(library.handle(.enter) == .open(1))
        #expect(library.handle(.character("g")) == nil && library.selected == 0)
        #expect(library.handle(.mouse(.click, column: 3, row: 2)) == .open(1))
        #expect(library.handle(.character("q")) == .quit)
    }
}

@Suite struct InlineMouseTests {
    @Test mutating func theWheelScrollsTheInlineViewAndClicksAreIgnored() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 90, rows: 22)
        try harness.press("i<click:5,5>")
        #expect(harness.selectedID == nil)
        for _ in 0..<10 { try harness.press("<wheeldown:5,5>") }
        #expect(harness.selectedID != nil, "scrolling moved the top comment, which becomes the selection")
    }
}

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

@Suite struct InlineBoundsTests {
    @Test mutating func inlineModeWrapsOnlyTheStartOfAHugeBody() throws {
        let big = Discussion(
            title: "T", article: nil, format: .web,
            comments: [Comment(id: "1", author: "a", date: nil, body: String(repeating: "word ", count: 400_000))])
        var harness = ReaderHarness(discussion: big, columns: 80, rows: 24)
        try harness.press("ij")
        let lines = harness.runner.program.view.inlineLines(of: 1, for: harness.reader)
        #expect(lines.contains { $0.text.contains("KB more not shown") })
        #expect(!harness.screen.textLines.isEmpty)
    }
}

extension ReaderProgram {
    /// A reader on `discussion` at 100x30 with a fixed "now", for tests that press keys
    /// one by one and choose when idle work happens.
    static func testing(_ discussion: Discussion, columns: Int = 100, rows: Int = 30) -> ReaderProgram {
        let options = ReaderOptions(now: Timestamp(year: 2026, month: 1, day: 1))
        return ReaderProgram(
            discussion: discussion, columns: columns, rows: rows, options: options,
            view: ReaderView(theme: .monochrome, options: options))
    }

    /// Handles `key` without the idle work a person's pause would give.
    mutating func press(_ key: Key) { _ = handle(.key(key)) }

    /// The idle work, all of it.
    mutating func finishPendingWork() { _ = HeadlessRunner.finishWork(&self) }
}
