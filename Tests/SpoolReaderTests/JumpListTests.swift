import SpoolCore
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

/// `,` and `.`: back to where a jump left, and forward again, as vim's C-o and C-i.
@Suite struct JumpListTests {
    @Test mutating func commaGoesBackAlongTheJumpsAndDotForwardAgain() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jj")
        let start = try #require(harness.selectedID)
        try harness.press("G")
        let last = try #require(harness.selectedID)
        try harness.press("<C-p>")
        let thread = try #require(harness.selectedID)
        try harness.press("k")
        let moved = try #require(harness.selectedID)
        #expect(Set([start, last, thread, moved]).count == 4, "\([start, last, thread, moved])")

        try harness.press(",")
        #expect(harness.selectedID == last, "k is no jump: back to where C-p left")
        #expect(harness.message == "Back (1 more back).")
        try harness.press(",")
        #expect(harness.selectedID == start)
        try harness.press(",")
        #expect(harness.selectedID == start && harness.message == "No jump to go back from.")
        try harness.press(".")
        #expect(harness.selectedID == last)
        try harness.press(".")
        #expect(harness.selectedID == moved, "forward returns to where , was pressed")
        try harness.press(".")
        #expect(harness.message == "Nothing to go forward to; , goes back.")
    }

    @Test mutating func aNewJumpEndsTheWayForwardAndNothingIsMarkedRead() throws {
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30,
            options: ReaderOptions(marksReadOnSelect: false, now: ReaderHarness.now))
        try harness.press("G,")
        try harness.press("<Tab>")
        try harness.press(".")
        #expect(harness.message == "Nothing to go forward to; , goes back.")
        #expect(harness.reader.marks.unreadCount == harness.reader.tree.count - 1)
    }

    @Test func theListIsBounded() {
        var list = JumpList()
        for node in 0..<(JumpList.capacity * 3) { list.leave(node) }
        #expect(list.back.count == JumpList.capacity && list.back.last == JumpList.capacity * 3 - 1)
        list.leave(list.back.last!)
        #expect(list.back.count == JumpList.capacity, "leaving the same comment twice is one entry")
    }
}
