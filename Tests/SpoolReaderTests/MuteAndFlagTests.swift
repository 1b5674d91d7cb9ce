import SpoolCore
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

/// Muting people and words without breaking the thread (`m`, `x`, `mute`, `mute_words`),
/// flagging comments (`F`, `'`), and scores (`show_scores`, `O`, `score:`).
@Suite struct MuteAndFlagTests {
    static let lobsters = "lobsters/lobsters-tdfoqh-2025-depth.json"

    /// The tree rows of `harness`'s screen, without the tree lines.
    static func rows(_ harness: ReaderHarness) -> [String] {
        harness.screen.textLines.prefix { !$0.hasPrefix("─") }.map {
            String($0.drop { "│├└─ ".contains($0) })
        }
    }

    @Test mutating func mMutesAnAuthorToOneLineAndTheRepliesStay() throws {
        let store = RecordingStore()
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Self.lobsters), columns: 110, rows: 24, store: store)
        // kghose's comment has a reply by gioele and a reply to that by kghose.
        try harness.press("/kghose<Enter>")
        let node = harness.reader.selected
        try harness.press("m")
        #expect(harness.message == "Muted kghose (2 comments) in every discussion; x shows one, m unmutes.")
        #expect(store.muteChanges.map(\.author) == ["kghose"])
        #expect(store.muteChanges.map(\.muted) == [true])
        let rows = Self.rows(harness)
        #expect(rows.filter { $0.contains("[muted: kghose]") }.count == 2)
        #expect(rows.contains { $0.contains("gioele  2022-07-22  ▲7  I fully agree") }, "the reply stays")
        #expect(harness.reader.tree.descendantCount(of: node) == 2)
        #expect(harness.articleLines.map(\.text) == ["[muted: kghose] — x shows it"])
        #expect(harness.screen.textLines.last?.contains("2 muted") == true)
        try harness.press("x")
        #expect(harness.articleLines.first?.text == "kghose")
        #expect(harness.message == "Shown for now; x mutes it again.")
        try harness.press("x")
        #expect(harness.articleLines.map(\.text) == ["[muted: kghose] — x shows it"])
        try harness.press("m")
        #expect(harness.message == "Unmuted kghose (2 comments).")
        #expect(store.muteChanges.map(\.muted) == [true, false])
        #expect(!Self.rows(harness).contains { $0.contains("[muted:") })
    }

    @Test mutating func configMutesWordsAndAuthorsAndTabPassesThemOver() throws {
        var options = ReaderOptions(now: ReaderHarness.now)
        options.mutedAuthors = ["DPERCY"]
        options.mutedWords = ["off-topic"]
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Self.lobsters), columns: 110, rows: 24, options: options)
        let rows = Self.rows(harness)
        #expect(rows.contains { $0.contains("[muted: dpercy]") }, "any case")
        // friendlysock's comment and gioele's reply (which quotes it) hold the word.
        #expect(rows.filter { $0.contains("[muted: “off-topic”]") }.count == 2)
        #expect(harness.reader.mutes.mutedCount == 3)
        try harness.press("<Tab>")
        #expect(!harness.reader.isMuted(harness.reader.selected), "Tab passes muted comments over")
        #expect(harness.reader.comment(at: harness.reader.selected).author == "kghose")
        // The config's mute is not undone by m.
        try harness.press("g/dpercy<Enter>m")
        #expect(harness.message?.hasPrefix("dpercy is muted in the config file") == true)
        try harness.press("Lmuted<Enter>")
        #expect(harness.reader.limit?.matchCount == 3)
    }

    @Test mutating func fFlagsAndQuoteListsTheFlaggedAcrossRuns() throws {
        let store = RecordingStore()
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Self.lobsters), columns: 110, rows: 24, store: store)
        try harness.press("'")
        #expect(harness.message == "No comment is flagged; F flags the selected one.")
        try harness.press("jF")
        let flagged = harness.reader.comment(at: harness.reader.selected).key
        #expect(harness.message == "Flagged (1 flagged in this discussion; ' lists them).")
        #expect(Self.rows(harness)[1].contains("▲17 ⚑"))
        #expect(harness.articleLines[1].text.hasSuffix("17 points · flagged"))
        try harness.press("GF")
        #expect(store.bookmarkChanges.count == 2)
        try harness.press("'")
        #expect(harness.reader.limit?.pattern == "flagged")
        #expect(harness.reader.limit?.matchCount == 2)
        try harness.press("'")
        #expect(harness.reader.limit == nil)
        // The next run has the flags from the store.
        var saved = SavedState()
        saved.bookmarks = Set(store.bookmarkChanges.filter(\.bookmarked).map(\.key))
        var again = ReaderHarness(
            discussion: try Fixture.discussion(Self.lobsters), columns: 110, rows: 24, saved: saved)
        #expect(saved.bookmarks.contains(flagged))
        try again.press("'")
        #expect(again.reader.limit?.matchCount == 2)
    }

    @Test mutating func scoresShowSortAndLimit() throws {
        var harness = ReaderHarness(discussion: try Fixture.discussion(Self.lobsters), columns: 110, rows: 24)
        #expect(Self.rows(harness)[1].hasPrefix("● dpercy  2022-07-22  ▲17  Maybe take the max"))
        try harness.press("Lscore:>=7<Enter>")
        #expect(harness.reader.limit?.matchCount == 3)
        try harness.press("L<C-u>score:x<Enter>")
        #expect(harness.reader.prompt?.note == "score:x is not a score; write score:>10, score:<0 or score:5")
        var hidden = ReaderOptions(now: ReaderHarness.now)
        hidden.showsScores = false
        let plain = ReaderHarness(
            discussion: try Fixture.discussion(Self.lobsters), columns: 110, rows: 24, options: hidden)
        #expect(Self.rows(plain)[1].hasPrefix("● dpercy  2022-07-22  Maybe take the max"))
    }

    @Test func scoreOrderSortsRepliesAtEveryLevel() {
        let comments = [
            scored("a", 1, parent: nil), scored("a1", 2, parent: 0), scored("a2", 9, parent: 0),
            scored("b", 5, parent: nil), scored("c", nil, parent: nil), scored("d", 7, parent: nil),
        ]
        let discussion = Discussion(title: "t", article: nil, format: .hn, comments: comments)
        let sorted = discussion.orderingThreads(.score)
        #expect(sorted.comments.map(\.id) == ["d", "b", "a", "a2", "a1", "c"])
        #expect(sorted.comments.map(\.parent) == [nil, nil, nil, 2, 2, nil])
    }

    private func scored(_ id: String, _ score: Int?, parent: Int?) -> SpoolCore.Comment {
        var comment = SpoolCore.Comment(id: id, author: id, date: nil, body: id, parent: parent)
        comment.score = score
        return comment
    }
}

/// `B`: what counts as new, chosen in the reader.
@Suite struct NewBaselineTests {
    @Test mutating func bSwitchesBetweenTheLastVisitTheOneBeforeAndADate() throws {
        let discussion = try Fixture.discussion(MuteAndFlagTests.lobsters)
        let keys = discussion.comments.map(\.key)
        var saved = SavedState()
        saved.previouslySeen = KeyFingerprints(Array(keys.prefix(8)))
        saved.seenBeforeLastVisit = KeyFingerprints(Array(keys.prefix(5)))
        var harness = ReaderHarness(discussion: discussion, columns: 110, rows: 24, saved: saved)
        #expect(harness.reader.newCount == 2)
        #expect(harness.message == "2 new since your last visit.")
        try harness.press("B")
        #expect(harness.screen.textLines.last?.hasPrefix("New since:     Enter: your last visit · before:") == true)
        try harness.press("before<Enter>")
        #expect(harness.reader.newCount == 5)
        #expect(harness.message == "5 new since the visit before your last.")
        #expect(harness.screen.textLines.last?.contains("10 unread, 5 new") == true)
        try harness.press("O")
        #expect(harness.reader.newCount == 5, "a re-sort keeps the baseline")
        try harness.press("B<Enter>")
        #expect(harness.message == "2 new since your last visit.")
        let dated = discussion.comments.filter { ($0.date?.iso8601 ?? "") >= "2022-07-23" }.count
        try harness.press("B2022-07-23<Enter>")
        #expect(harness.reader.newCount == dated && dated > 0)
        #expect(harness.message == "\(dated) new since 2022-07-23 00:00Z.")
        try harness.press("Bsoon<Enter>")
        #expect(
            harness.reader.prompt?.note
                == "soon is not a date or an age; write 2026-11-30, 2026-11-30T18:00 (UTC), 12h or 3d")
        try harness.press("<Esc>")
        #expect(harness.reader.mode == .browsing)
    }

    @Test func hugeAgesAndDatesAreNoMomentNotACrash() {
        let now = ReaderHarness.now
        #expect(NewBaseline.moment("99999999999999999w", now: now) == nil)
        #expect(NewBaseline.moment("9223372036854775807m", now: now) == nil)
        #expect(NewBaseline.moment("9999999999-99999999999-1", now: now) == nil)
        #expect(NewBaseline.moment("3d", now: now)?.secondsSinceEpoch == now.secondsSinceEpoch - 3 * 86400)
        #expect(NewBaseline.moment("2026-11-30", now: now) != nil)
    }

    @Test mutating func aFirstVisitHasNoVisitBefore() throws {
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(MuteAndFlagTests.lobsters), columns: 110, rows: 24)
        try harness.press("Bbefore<Enter>")
        #expect(
            harness.message == "No visit before your last brought new comments; new is still since your last visit.")
        try harness.press("B3d<Enter>")
        #expect(harness.reader.newCount == 0, "three days before 2026-11-25: nothing from 2022")
        try harness.press("B5000d<Enter>")
        #expect(harness.reader.newCount == 10)
    }
}
