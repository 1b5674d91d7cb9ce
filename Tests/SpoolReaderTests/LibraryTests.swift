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

/// Paging a long list keeps the selection on screen.
@Suite struct LibraryPagingTests {
    static func library(_ count: Int, rows: Int) -> Library {
        Library(
            entries: (0..<count).map {
                LibraryEntry(title: "D\($0)", source: "d\($0)", comments: 1, unread: 0, lastRead: nil)
            },
            columns: 40, rows: rows)
    }

    @Test func pageDownAndUpMoveByAScreen() {
        var library = Self.library(50, rows: 10)
        _ = library.handle(.pageDown)
        #expect(library.selected == 7)
        #expect(library.top == 0)
        _ = library.handle(.pageDown)
        #expect(library.selected == 14)
        #expect(library.top == 14 - 8 + 1, "the selection is the last row shown")
        _ = library.handle(.pageUp)
        #expect(library.selected == 7 && library.top == 7)
        _ = library.handle(.character("G"))
        #expect(library.selected == 49)
    }

    @Test func anEmptyListOpensNothing() {
        var library = Self.library(0, rows: 10)
        #expect(library.handle(.enter) == nil)
        #expect(library.handle(.character("j")) == nil && library.selected == 0)
    }

    @Test func aResizeChangesThePage() {
        var library = Self.library(50, rows: 10)
        _ = library.handle(.resize(columns: 40, rows: 30))
        _ = library.handle(.pageDown)
        #expect(library.selected == 27)
    }
}
