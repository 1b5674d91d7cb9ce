import SpoolCore
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

/// What counts as new (`--since`), and folding what has nothing new (`--collapse-seen`).
@Suite struct BaselineTests {
    private static func day(_ month: Int, _ day: Int) -> Timestamp {
        Timestamp(year: 2024, month: month, day: day, hour: 12, minute: 0, utcOffsetMinutes: 0)
    }

    /// Two threads: a → b (both January), c → d (d in February).
    private static let discussion = Discussion(
        title: "Baseline", article: "x", format: .web,
        comments: [
            Comment(id: "a", key: .sourceID("t:a"), author: "A", date: day(1, 1), body: "a", parent: nil),
            Comment(id: "b", key: .sourceID("t:b"), author: "B", date: day(1, 2), body: "b", parent: 0),
            Comment(id: "c", key: .sourceID("t:c"), author: "C", date: day(1, 3), body: "c", parent: nil),
            Comment(id: "d", key: .sourceID("t:d"), author: "D", date: day(2, 1), body: "d", parent: 2),
        ])

    private func harness(since: Timestamp?, collapseSeen: Bool, saved: SavedState = SavedState()) -> ReaderHarness {
        var options = ReaderOptions(now: ReaderHarness.now)
        options.newSince = since
        options.collapsesSeenSubtrees = collapseSeen
        return ReaderHarness(discussion: Self.discussion, columns: 80, rows: 24, saved: saved, options: options)
    }

    @Test func sinceADateMarksWhatCameAfterItNew() {
        let reader = harness(since: Self.day(1, 15), collapseSeen: false).reader
        #expect(reader.newCount == 1)
        #expect(reader.snapshot().collapsed.isEmpty)
        #expect(reader.messages.shown == "1 new since 2024-01-15 12:00Z.")
    }

    @Test func collapseSeenFoldsEverySubtreeWithNothingNew() {
        let reader = harness(since: Self.day(1, 15), collapseSeen: true).reader
        #expect(reader.snapshot().collapsed == ["a"])
        let everything = harness(since: Self.day(1, 1), collapseSeen: true).reader
        #expect(everything.newCount == 3 && everything.snapshot().collapsed.isEmpty)
    }

    @Test func withoutABaselineNothingIsFolded() {
        // A first visit has nothing new: collapse-seen must not fold the whole discussion.
        let first = harness(since: nil, collapseSeen: true).reader
        #expect(first.newCount == 0 && first.snapshot().collapsed.isEmpty)
        // The last visit saw a, b and c: d is new, and only a's thread folds.
        let seen = KeyFingerprints(fingerprints: ["t:a", "t:b", "t:c"].map { StableKey.sourceID($0).fingerprint })
        let again = harness(since: nil, collapseSeen: true, saved: SavedState(previouslySeen: seen)).reader
        #expect(again.newCount == 1 && again.snapshot().collapsed == ["a"])
    }
}
