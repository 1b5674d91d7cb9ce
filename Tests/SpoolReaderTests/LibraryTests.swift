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
        #expect(screen[1].hasPrefix("  One  one.txt") && screen[1].hasSuffix("16      16     -  never"))
        #expect(screen[2].hasPrefix("> Two  two.mbox") && screen[2].hasSuffix("3       -     -  2023-11-14"))
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

/// `/` filters the library, `O` sorts it, `?` lists its keys.
@Suite struct LibraryFilterAndSortTests {
    static func library() -> Library {
        Library(
            entries: [
                LibraryEntry(title: "Baby P", source: "baby-p.txt", comments: 16, unread: 2, lastRead: 1_700_000_000),
                LibraryEntry(title: "notmuch list", source: "notmuch.mbox", comments: 53, unread: 53, lastRead: nil),
                LibraryEntry(title: "Alpha", source: "alpha.mbox", comments: 17, unread: 0, lastRead: 1_800_000_000),
            ], columns: 90, rows: 8)
    }

    static func titles(_ library: Library) -> [String] { library.shown.map { library.entries[$0].title } }

    @Test func slashFiltersAsItIsTypedAndEnterOpensWhatIsLeft() throws {
        var library = Self.library()
        for key in try KeyNotation.parse("/MBOX") { _ = library.handle(key) }
        #expect(Self.titles(library) == ["notmuch list", "Alpha"], "file names count, in any case")
        let screen = LibraryView(theme: .monochrome, now: ReaderHarness.now).render(library).textLines
        #expect(screen[0].hasPrefix("Library: 3 discussions · 2 with “MBOX”"))
        #expect(screen[7].hasPrefix("/MBOX   Enter keeps the filter"))
        for key in try KeyNotation.parse("<BS><BS><BS><BS>alp<Enter>") { _ = library.handle(key) }
        #expect(Self.titles(library) == ["Alpha"])
        #expect(library.handle(.enter) == .open(2), "the entry's own index, not its row")
        #expect(library.handle(.character("q")) == nil, "q first drops the filter")
        #expect(Self.titles(library) == ["Baby P", "notmuch list", "Alpha"])
        #expect(library.selectedEntry == 2, "the selection stays on the entry")
        #expect(library.handle(.character("q")) == .quit)
    }

    @Test func escDropsTheFilterAndNothingMatchingSaysSo() throws {
        var library = Self.library()
        for key in try KeyNotation.parse("/zzz") { _ = library.handle(key) }
        #expect(library.shown.isEmpty)
        _ = library.handle(.enter)
        #expect(library.notice == "Nothing matches zzz; q lists everything again.")
        #expect(library.handle(.enter) == nil, "an empty list opens nothing")
        for key in try KeyNotation.parse("/x<Esc>") { _ = library.handle(key) }
        #expect(library.shown.count == 3 && library.filter.isEmpty)
    }

    @Test func oSortsByUnreadThenLastReadThenAsGiven() {
        var library = Self.library()
        _ = library.handle(.character("O"))
        #expect(Self.titles(library) == ["notmuch list", "Baby P", "Alpha"])
        #expect(library.notice == "Sorted by unread; O sorts again.")
        #expect(library.selectedEntry == 0, "the selection stays on Baby P")
        _ = library.handle(.character("O"))
        #expect(Self.titles(library) == ["Alpha", "Baby P", "notmuch list"], "never read last")
        _ = library.handle(.character("O"))
        #expect(Self.titles(library) == ["Baby P", "notmuch list", "Alpha"])
    }

    @Test func readingADiscussionResortsAndKeepsItSelected() {
        var library = Self.library()
        _ = library.handle(.character("O"))
        #expect(library.selected == 1 && library.selectedEntry == 0)
        library.update(
            0, with: LibraryEntry(title: "Baby P", source: "baby-p.txt", comments: 16, unread: 60, lastRead: 1))
        #expect(Self.titles(library) == ["Baby P", "notmuch list", "Alpha"])
        #expect(library.selected == 0 && library.selectedEntry == 0)
    }

    @Test func questionMarkListsTheKeysAsBound() {
        var library = Library(entries: Self.library().entries, columns: 90, rows: 20)
        _ = library.handle(.character("?"))
        #expect(library.mode == .help)
        let screen = LibraryView(theme: .monochrome, now: ReaderHarness.now).render(library).textDump
        #expect(screen.contains("Library keys (any key closes)"))
        #expect(screen.contains("/         filter by title or file name"))
        _ = library.handle(.character("j"))
        #expect(library.mode == .browsing && library.selected == 0, "the closing key does nothing else")
        _ = library.handle(.character("X"))
        #expect(library.notice == "X does nothing here; ? lists the keys.")
    }
}
