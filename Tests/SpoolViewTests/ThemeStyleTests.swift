import Foundation
import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// Every shipped theme on the seed, styles and all, and the colour downgrade.
@Suite struct ThemeStyleTests {
    static let themesFolder = ThemeTests.themesFolder

    @Test(arguments: ThemeTests.shipped)
    func seedWithStyles(file: String) throws {
        let text = try String(contentsOf: ThemeStyleTests.themesFolder.appendingPathComponent(file), encoding: .utf8)
        let theme = try Theme.parse(toml: text, file: file)
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 24)
        try harness.press("jjjj")
        let screen = ReaderView(theme: theme, options: harness.runner.program.view.options).render(harness.reader)
        let mismatch = Snapshot.mismatch(screen.styleDump, named: "styles-" + theme.name)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func theShippedThemesAreBuiltIntoTheBinary() throws {
        for file in ThemeTests.shipped {
            let text = try String(
                contentsOf: ThemeStyleTests.themesFolder.appendingPathComponent(file), encoding: .utf8)
            let embedded = ShippedThemes.all.first { $0.name == String(file.dropLast(5)) }?.toml
            #expect(
                embedded == text.trimmingCharacters(in: .newlines),
                "\(file) differs from its built-in copy: run swift run spool-embed-themes Sources/SpoolView/Theme/ShippedThemes+Generated.swift Themes/*.toml"
            )
        }
        #expect(ShippedThemes.all.count == ThemeTests.shipped.count)
        #expect(ShippedThemes.all.count >= 7)
    }

    @Test func colourDowngradePicksTheNearest() {
        let orange = Color.rgb(0xFF, 0x87, 0x00)
        #expect(ColorDowngrade.resolve(orange, for: .direct)?.0 == .number(0xFF8700))
        #expect(ColorDowngrade.resolve(orange, for: .indexed256)?.0 == .number(208))
        #expect(ColorDowngrade.resolve(orange, for: .ansi16)?.0 == .number(3), "xterm yellow (205,205,0) is nearest")
        #expect(
            ColorDowngrade.resolve(.rgb(0xFF, 0x50, 0x50), for: .ansi8).map { $0.0 == .number(1) && $0.brighten }
                == true)
        #expect(ColorDowngrade.resolve(orange, for: .none) == nil)
        #expect(ColorDowngrade.resolve(.indexed(244), for: .direct)?.0 == .number(0x808080))
        #expect(ColorDowngrade.resolve(.indexed(244), for: .ansi16)?.0 == .number(8))
        #expect(ColorDowngrade.resolve(.ansi(12), for: .ansi8).map { $0.0 == .number(4) && $0.brighten } == true)
        #expect(ColorDowngrade.resolve(.terminalDefault, for: .ansi8)?.0 == .standard)
        #expect(ColorCapability(colors: 16_777_216) == .direct)
        #expect(ColorCapability(colors: 256) == .indexed256)
        #expect(ColorCapability(colors: 8) == .ansi8)
        #expect(ColorCapability(colors: 0) == .none)
    }

    @Test func noColorKeepsAttributesOnly() throws {
        let text = try String(
            contentsOf: ThemeStyleTests.themesFolder.appendingPathComponent("default.toml"), encoding: .utf8)
        let theme = try Theme.parse(toml: text, file: "default.toml").withoutColor
        #expect(
            theme.styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
        #expect(theme[.treeUnread].attributes.contains(.bold))
    }

    @Test mutating func tCyclesThemesAndSaysWhich() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 80, rows: 24)
        harness.runner.program.setThemes(["default", "nord", "light"], current: 0)
        try harness.press("t")
        #expect(harness.reader.themeIndex == 1)
        #expect(harness.message == "Theme: nord (2 of 3)")
        try harness.press("tt")
        #expect(harness.reader.themeIndex == 0)
        #expect(harness.reader.snapshot().theme == "default")
    }
}
