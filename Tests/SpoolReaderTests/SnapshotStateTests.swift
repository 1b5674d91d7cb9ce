import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// The state `spool render --json` prints, as DESIGN.md specifies it.
@Suite struct SnapshotStateTests {
    @Test mutating func theSnapshotFollowsTheReader() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jjjj<Enter>")
        let snapshot = harness.reader.snapshot()
        #expect(snapshot.selected.id == "4" && snapshot.selected.author == "Sharon Shoesmith")
        #expect(snapshot.selected.depth == 1 && snapshot.selected.index == 4)
        #expect(snapshot.visible == 15 && snapshot.total == 16 && snapshot.unread == 12 && snapshot.new == 0)
        #expect(snapshot.collapsed == ["4"])
        #expect(snapshot.focus == "tree" && snapshot.layout == "stacked" && snapshot.theme == "default")
        #expect(snapshot.help == false && snapshot.search == nil && snapshot.message == nil)
    }

    @Test mutating func theSnapshotNamesModesAndInline() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("?")
        #expect(harness.reader.snapshot().help)
        try harness.press("q/sha")
        #expect(harness.reader.snapshot().search == "sha")
        try harness.press("<Esc>i")
        #expect(harness.reader.snapshot().layout == "inline")
        try harness.press("iw")
        #expect(harness.reader.snapshot().focus == "article")
    }

    @Test func theArticleRowHasNoIdButTheArticlesAuthor() throws {
        let discussion = Discussion(
            title: "T", article: "text", articleAuthor: "Writer", format: .web,
            comments: [Comment(id: "1", author: "a", date: nil, body: "b")])
        let harness = ReaderHarness(discussion: discussion, columns: 80, rows: 24)
        let selection = harness.reader.snapshot().selected
        #expect(selection.id == nil && selection.author == "Writer" && selection.depth == 0 && selection.index == 0)
    }

    @Test func theSnapshotIsJSONWithDesignsNames() throws {
        let harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        let encoder = JSONEncoderForTests.sorted
        let text = String(decoding: try encoder.encode(harness.reader.snapshot()), as: UTF8.self)
        for name in ["selected", "visible", "total", "unread", "collapsed", "articleScroll", "focus", "theme"] {
            #expect(text.contains("\"\(name)\""), "\(name)")
        }
    }
}
