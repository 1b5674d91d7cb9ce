import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

@Suite struct NarrowingTests {
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

/// `z` where there is nothing to narrow to, and `Z` with nothing narrowed.
@Suite struct NarrowingEdgeTests {
    @Test mutating func theArticleCannotBeNarrowedTo() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 20)
        try harness.press("z")
        #expect(harness.reader.narrowedTo == nil)
        #expect(harness.message == "Select a comment to focus on its subtree.")
    }

    @Test mutating func zWithNothingNarrowedSaysHow() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 20)
        try harness.press("Z")
        #expect(harness.message == "Not focused; z focuses the selected subtree.")
    }

    @Test mutating func narrowingOpensAFoldedSubtree() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 20)
        try harness.press("jjjj<Enter>z")
        #expect(harness.reader.rows.count == 3, "4 and its two replies")
        #expect(!harness.reader.collapse.isCollapsed(harness.reader.selected))
    }

    @Test mutating func aSameAuthorJumpOutOfTheSubtreeWidensTheView() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 20)
        try harness.press("jjjjjjz")
        #expect(harness.selectedID == "4.2")
        try harness.press("a")
        #expect(harness.selectedID == "5.1" && harness.reader.narrowedTo == nil)
        #expect(harness.reader.viewport.tree.y == 0, "the breadcrumb row is given back")
    }
}
