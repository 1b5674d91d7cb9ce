import Testing

@testable import spool_embed_themes

/// The generator behind `ShippedThemes+Generated.swift`.
@Suite struct EmbedThemesTests {
    @Test func eachThemeIsARawStringNamedAfterItsFileIndentedAsSwiftFormatWants() {
        let source = EmbedThemes.source(for: [(name: "plain", toml: "name = \"plain\"\n\n[roles]\n")])
        #expect(source.contains("public enum ShippedThemes {"))
        #expect(
            source.contains(
                """
                        (
                            "plain",
                            #\"\"\"
                            name = "plain"

                            [roles]
                            \"\"\"#
                        ),
                """))
    }

    @Test func theDelimiterOutgrowsWhatTheTextHolds() {
        let toml = "accent = \"#5fafff\"\nnote = \"a \\# b\"\nend = \"\"\"#\n"
        let source = EmbedThemes.source(for: [(name: "x", toml: toml)])
        #expect(source.contains("            ##\"\"\"\n"), "\"# and \\# appear, \"## and \\## do not: two #")
        #expect(source.contains("            \"\"\"##\n"))
        let doubled = EmbedThemes.source(for: [(name: "y", toml: "a = \"##\"\n")])
        #expect(doubled.contains("            ###\"\"\"\n"))
    }

    @Test func namesAreEscaped() {
        let source = EmbedThemes.source(for: [(name: "we\"ird\\", toml: "")])
        #expect(source.contains("\"we\\\"ird\\\\\","))
    }

    @Test func themesKeepTheOrderTheyAreGiven() {
        let source = EmbedThemes.source(for: [(name: "a", toml: "1"), (name: "b", toml: "2")])
        let a = source.range(of: "\"a\",")
        let b = source.range(of: "\"b\",")
        #expect(a != nil && b != nil && a!.lowerBound < b!.lowerBound)
    }
}
