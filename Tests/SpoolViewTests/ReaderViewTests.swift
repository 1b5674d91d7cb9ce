import Foundation
import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolView

/// The whole screen: which theme draws it, the status line's scroll position, the
/// breadcrumb, and colour taken away.
@Suite struct ReaderViewTests {
    static func shippedTheme(_ name: String) throws -> Theme {
        let toml = try #require(ShippedThemes.all.first { $0.name == name }?.toml)
        return try Theme.parse(toml: toml, file: name + ".toml")
    }

    private func program(themes: [Theme], columns: Int = 100, rows: Int = 30) throws -> ReaderProgram {
        let options = ReaderOptions(now: ReaderHarness.now)
        var program = ReaderProgram(
            discussion: try Fixture.discussion(Fixture.seed), columns: columns, rows: rows, options: options,
            view: ReaderView(themes: themes, options: options))
        program.setThemes(current: 0)
        return program
    }

    @Test func tDrawsWithTheNextTheme() throws {
        let nord = try Self.shippedTheme("nord")
        var program = try program(themes: [.monochrome, nord])
        let before = program.render()
        _ = program.handle(.key(.character("t")))
        let after = program.render()
        #expect(program.reader.themeIndex == 1)
        #expect(before.textLines.dropLast() == after.textLines.dropLast(), "the same text")
        #expect(before[3, 1].style != after[3, 1].style, "in other colours")
        #expect(after[3, 1].style == nord[.treeUnread] || after[3, 1].style == nord[.treeNew])
    }

    @Test func withoutColorEveryCellIsInTheTerminalsOwnColours() throws {
        let theme = try Self.shippedTheme("solarized-dark")
        let view = ReaderView(themes: [theme], options: ReaderOptions(now: ReaderHarness.now)).withoutColor
        let harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 24)
        let screen = view.render(harness.reader)
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                #expect(screen[x, y].style.foreground == .terminalDefault)
                #expect(screen[x, y].style.background == .terminalDefault)
            }
        }
    }

    @Test func theStatusLineSaysHowFarALongCommentIsScrolled() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 16)
        try harness.press("j")
        let lines = harness.articleLines.count
        let height = harness.reader.viewport.article.height
        #expect(lines > height, "comment 1 is longer than the pane")
        #expect(harness.screen.textLines[15].contains("article \(height * 100 / lines)%"))
        for _ in 0..<lines { try harness.press("J") }
        #expect(harness.screen.textLines[15].contains("article end"))
        #expect(harness.message == "End of this comment.")
    }

    @Test func aShortCommentShowsNoPercent() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 40)
        try harness.press("jjjjjjjj")
        #expect(harness.selectedID == "5.1")
        #expect(!harness.screen.textLines[39].contains("article "))
    }

    @Test func theBreadcrumbNamesTheNarrowedSubtreesAncestors() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 120, rows: 20)
        try harness.press("jjjjjz")
        #expect(harness.selectedID == "4.1")
        let crumb = harness.screen.textLines[0].prefix { $0 != "│" }
        #expect(crumb == "↳ … › Maria Jose Becerra Martinez  (Z: back out)", "the nearest names stay in a narrow pane")
    }

    @Test func aBreadcrumbThatFitsIsWhole() {
        #expect(TreePane.breadcrumb(["Title", "Ann", "Bob"], width: 80) == "↳ Title › Ann › Bob  (Z: back out)")
        #expect(TreePane.breadcrumb(["Title", "Ann", "Bob"], width: 30) == "↳ … › Ann › Bob  (Z: back out)")
        #expect(
            TreePane.breadcrumb(["Title", "Ann", "Bob"], width: 5) == "↳ … › Bob  (Z: back out)", "the last name stays")
    }

    @Test func theHelpOverlayStaysInsideASideBySideScreen() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 140, rows: 20)
        try harness.press("?")
        let lines = harness.screen.textLines
        #expect(lines.first?.hasPrefix(" Keys: j/k C-d G scroll, / filters, q or ? closes") == true)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 140 })
        #expect(harness.screen.cursor?.y == 0)
    }
}

/// The breadcrumb of a comment deep in a chain costs a screen's width of names.
@Suite(.timeLimit(.minutes(1))) struct DeepBreadcrumbTests {
    @Test func narrowingDeepInAChainDrawsOnlyTheNearestNames() throws {
        let comments = (0..<20_000).map { index in
            Comment(id: String(index), author: "a\(index)", date: nil, body: "b", parent: index > 0 ? index - 1 : nil)
        }
        var harness = ReaderHarness(
            discussion: Discussion(title: "T", article: nil, format: .web, comments: comments), columns: 80, rows: 20)
        try harness.press("G")
        try harness.press("z")
        for _ in 0..<50 { _ = harness.screen }
        let crumb = harness.screen.textLines[0]
        #expect(crumb.hasPrefix("↳ … › "))
        #expect(crumb.hasSuffix("a19998 › a19999  (Z: back out)"))
    }
}
