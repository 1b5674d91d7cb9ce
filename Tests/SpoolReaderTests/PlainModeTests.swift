import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

@Suite struct PlainModeTests {
    @Test mutating func rowsSayDepthAndStateInWords() throws {
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 30,
            options: ReaderOptions(now: ReaderHarness.now, plain: true))
        try harness.press("jjjjj")
        let lines = harness.screen.textLines
        #expect(lines.contains { $0.hasPrefix("  top level, Philip Measures, 2014-10-28: This was truly dreadful") })
        #expect(lines.contains { $0.hasPrefix("> reply, level 2, Maria Jose Becerra Martinez, 2014-10-28: Sharon") })
        #expect(lines.contains { $0.hasPrefix("  reply, level 2, unread, Edna, 2014-10-29: ") })
        #expect(!harness.screen.textDump.contains("─") && !harness.screen.textDump.contains("●"))
        let (config, problems) = ReaderConfig.parse(toml: "plain = true\n", file: "c.toml")
        #expect(problems.isEmpty && config.plain == true)
    }
}
