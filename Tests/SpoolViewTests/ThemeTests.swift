import Foundation
import SpoolReader
import SpoolScreen
import SpoolView
import Testing

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    static var shipped: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: themesFolder.path)) ?? []).filter {
            $0.hasSuffix(".toml")
        }.sorted()
    }

    @Test func theDefaultThemeIsShipped() {
        #expect(ThemeTests.shipped.contains("default.toml"))
    }

    @Test(arguments: shipped)
    func everyShippedThemeParsesAndCoversEveryRole(file: String) throws {
        let text = try String(contentsOf: ThemeTests.themesFolder.appendingPathComponent(file), encoding: .utf8)
        let theme = try Theme.parse(toml: text, file: file)
        let missing = ThemeRole.allCases.filter { theme.styles[$0] == nil }
        #expect(missing.isEmpty, "\(file) lacks \(missing.map(\.rawValue))")
    }

    @Test func coloursAndAttributesParse() throws {
        let theme = try Theme.parse(
            toml: """
                [palette]
                accent = "#5fafff"
                [roles]
                "tree.unread" = { fg = "accent", bg = "bright-black", bold = true }
                "status" = { fg = 208, reverse = true }
                """, file: "t.toml")
        #expect(
            theme[.treeUnread] == Style(foreground: .rgb(0x5F, 0xAF, 0xFF), background: .ansi(8), attributes: .bold))
        #expect(theme[.status] == Style(foreground: .indexed(208), attributes: .reverse))
    }

    @Test func anUnknownRoleNamesTheLineAndTheNearestRole() {
        #expect(
            throws: ThemeError(
                file: "t.toml", line: 3, message: "unknown role \"tree.unred\"; did you mean \"tree.unread\"?")
        ) {
            try Theme.parse(toml: "name = \"x\"\n[roles]\n\"tree.unred\" = { fg = \"red\" }\n", file: "t.toml")
        }
    }

    @Test func everyBadRoleIsReportedAndTheGoodOnesKept() throws {
        let (theme, problems) = try Theme.parseKeepingValid(
            toml: """
                name = "x"
                [palette]
                nice = "#112233"
                ugly = "not a colour"
                [roles]
                "tree.unred" = { fg = "red" }
                "status" = { fg = "nice", reverse = true }
                "tree.text" = { fg = "purpleish" }
                """, file: "t.toml")
        #expect(problems.map(\.line) == [4, 6, 8])
        #expect(theme[.status] == Style(foreground: .rgb(0x11, 0x22, 0x33), attributes: .reverse))
        #expect(throws: ThemeError.self) { try Theme.parse(toml: "[roles]\n\"tree.unred\" = {}\n", file: "t.toml") }
    }

    @Test func brokenTOMLNamesTheLine() {
        do {
            _ = try Theme.parse(toml: "[roles]\n\"status\" = { fg = \n", file: "bad.toml")
            Issue.record("a broken theme parsed")
        } catch let error as ThemeError {
            #expect(error.file == "bad.toml")
            #expect(error.line == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

/// Light themes paint their paper: on a dark terminal their ink is never left on black.
@Suite struct ThemeBackgroundTests {
    @Test func lightThemesGiveEveryRoleABackgroundAndInk() throws {
        for name in ["light", "solarized-light"] {
            let shipped = try #require(ShippedThemes.all.first { $0.name == name })
            let theme = try Theme.parse(toml: shipped.toml, file: name)
            for role in ThemeRole.allCases {
                #expect(theme[role].background != .terminalDefault, "\(name) \(role.rawValue)")
                #expect(theme[role].foreground != .terminalDefault, "\(name) \(role.rawValue)")
            }
        }
    }

    @Test func aBackgroundFillsOnlyRolesThatSetNone() throws {
        let (theme, problems) = try Theme.parseKeepingValid(
            toml: """
                background = "white"
                foreground = "nonsense"
                [roles]
                "status" = { fg = "red", bg = "blue" }
                """, file: "t.toml")
        #expect(theme[.status].background == .ansi(4))
        #expect(theme[.treeText].background == .ansi(7) && theme[.treeText].foreground == .terminalDefault)
        #expect(
            problems.map(\.description) == [
                "t.toml:2: foreground \"nonsense\" is not a colour name, 0-255, #rrggbb or palette entry"
            ])
    }
}
