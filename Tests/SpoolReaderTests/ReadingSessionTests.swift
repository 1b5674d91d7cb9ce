import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// Whole readings, as a person does them: the same keys over and over until the end.
@Suite struct ReadingSessionTests {
    @Test func spaceReadsTheWholeDiscussionInOrder() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        var visited: [String] = []
        for _ in 0..<400 {
            try harness.press("<Space>")
            if let id = harness.selectedID, visited.last != id { visited.append(id) }
            if harness.message == "End of the comment, and no unread comments left." { break }
        }
        #expect(visited == ["1", "2", "3", "4", "4.1", "4.2", "5", "5.1", "6", "7", "8", "9", "10", "11", "12", "13"])
        #expect(harness.reader.marks.unreadCount == 0)
    }

    @Test func tabReadsAnArchiveThreadByThread() throws {
        var harness = try ReaderHarness(fixture: "mbox/notmuch-list-2009.mbox", columns: 100, rows: 24)
        let total = harness.reader.marks.unreadCount
        var steps = 0
        while harness.message != "No unread comments." && steps < 200 {
            try harness.press("<Tab>")
            steps += 1
            let screen = harness.screen
            let cursor = try #require(screen.cursor)
            #expect(cursor.y < harness.reader.viewport.tree.maxY, "the selection is on screen after every Tab")
        }
        #expect(steps == total + 1, "one Tab a message, then one that says there are none")
        #expect(harness.reader.marks.unreadCount == 0)
    }

    @Test func sameAuthorJumpsCountConsistently() throws {
        var harness = try ReaderHarness(fixture: "mbox/notmuch-list-2009.mbox", columns: 100, rows: 24)
        try harness.press("<Tab>")
        try harness.press("a")
        let first = try #require(harness.message)
        let parts = first.split(separator: " ")
        let total = try #require(Int(parts[2]))
        var ordinals: [Int] = []
        for _ in 0..<total {
            try harness.press("a")
            ordinals.append(Int(harness.message?.split(separator: " ").first ?? "") ?? -1)
        }
        #expect(Set(ordinals) == Set(1...total), "a visits each of the author's messages once: \(ordinals)")
    }

    @Test func collapsingAndExpandingEverythingComesBackToTheSameRows() throws {
        var harness = try ReaderHarness(fixture: "mbox/notmuch-threading-and-duplicates.mbox", columns: 100, rows: 24)
        try harness.press("E")
        let all = harness.reader.rows.nodes
        try harness.press("C")
        #expect(harness.reader.rows.count < all.count)
        try harness.press("E")
        #expect(harness.reader.rows.nodes == all)
    }

    @Test func pagingTheTreeVisitsEveryRow() throws {
        var harness = try ReaderHarness(fixture: "mbox/groupsio-updates-2014.mbox", columns: 100, rows: 24)
        try harness.press("E")
        var seen = Set<Int>()
        for _ in 0..<200 {
            seen.insert(harness.reader.selected)
            try harness.press("<PgDn>")
            if harness.message == "This is the last comment." { break }
        }
        #expect(seen.contains(harness.reader.rows[harness.reader.rows.count - 1]))
        try harness.press("g")
        #expect(harness.reader.selected == ThreadTree.root && harness.reader.treeTop == 0)
    }
}
