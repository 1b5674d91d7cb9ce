import SpoolCore
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

/// Reopening a discussion goes back to where it was left.
@Suite struct ResumeTests {
    @Test mutating func thePlaceIsSavedOnLeavingAndRestoredOnOpening() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let store = RecordingStore()
        var first = ReaderHarness(discussion: discussion, columns: 100, rows: 16, store: store)
        try first.press("GkkJJ")
        let selected = first.selectedID
        let row = try #require(first.reader.rows.row(of: first.reader.selected)) - first.reader.treeTop
        first.runner.program.saveAll()
        let place = try #require(store.places.last)
        #expect(place.rowOnScreen == row && place.articleScroll == 2)

        let second = ReaderHarness(
            discussion: discussion, columns: 100, rows: 16, saved: SavedState(readKeys: [], place: place))
        #expect(second.selectedID == selected)
        #expect(try #require(second.reader.rows.row(of: second.reader.selected)) - second.reader.treeTop == row)
        #expect(second.reader.articleScroll == 2)
        #expect(second.message == "Back where you left off.")
        #expect(!second.reader.marks.isRead(second.reader.selected), "resuming marks nothing read")
    }

    @Test func resumeCanBeTurnedOffAndAVanishedCommentIsIgnored() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        let key = discussion.comments[5].key
        let place = SavedPlace(selected: key, rowOnScreen: 3, articleScroll: 0)
        let off = ReaderHarness(
            discussion: discussion, columns: 100, rows: 16, saved: SavedState(place: place),
            options: ReaderOptions(now: ReaderHarness.now, resumes: false))
        #expect(off.selectedID == nil)
        let gone = ReaderHarness(
            discussion: discussion, columns: 100, rows: 16,
            saved: SavedState(
                place: SavedPlace(selected: StableKey(rawValue: "h:gone"), rowOnScreen: 3, articleScroll: 4)))
        #expect(gone.selectedID == nil && gone.reader.articleScroll == 0)
    }

    @Test func atOpensAtTheCommentWithThatSourceIDWhateverTheLastVisitLeft() throws {
        let discussion = try Fixture.discussion("mbox/notmuch-list-2009.mbox")
        let target = try #require(discussion.comments.last { !$0.isPlaceholder && $0.id.hasPrefix("<") })
        let place = SavedPlace(selected: discussion.comments[0].key, rowOnScreen: 0, articleScroll: 0)
        for id in [target.id, String(target.id.dropFirst().dropLast())] {
            let opened = ReaderHarness(
                discussion: discussion, columns: 100, rows: 16, saved: SavedState(place: place),
                options: ReaderOptions(now: ReaderHarness.now, opensAt: id))
            #expect(opened.selectedID == target.id, "a Message-ID with or without <>: \(id)")
            #expect(!opened.reader.marks.isRead(opened.reader.selected), "opening at it marks nothing read")
            let row = try #require(opened.reader.rows.row(of: opened.reader.selected))
            #expect(row >= opened.reader.treeTop && row < opened.reader.treeTop + 16, "it is on screen")
        }
        let missing = ReaderHarness(
            discussion: discussion, columns: 100, rows: 16,
            options: ReaderOptions(now: ReaderHarness.now, opensAt: "nope"))
        #expect(missing.selectedID == nil)
        #expect(missing.message == "No comment nope in this discussion; opened at the start.")
    }

    @Test func atOpensAtTheCommentWithThatKeyWholeOrAfterItsKind() throws {
        let discussion = try Fixture.discussion("community-care-baby-p.txt")
        let target = try #require(discussion.comments.last)
        let key = target.key.rawValue
        #expect(key.hasPrefix("h:"))
        for id in [key, String(key.dropFirst(2))] {
            let opened = ReaderHarness(
                discussion: discussion, columns: 100, rows: 16,
                options: ReaderOptions(now: ReaderHarness.now, opensAt: id))
            #expect(opened.selectedID == target.id, "\(id)")
        }
    }
}
