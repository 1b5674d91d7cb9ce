import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

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
