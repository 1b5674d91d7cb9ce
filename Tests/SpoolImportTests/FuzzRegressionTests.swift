import Foundation
import SpoolCore
import SpoolImport
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// Inputs the fuzzers found that once crashed, hung or blew up: each now imports (or is
/// refused with an ImportError) with every importer, and renders.
@Suite struct FuzzRegressionTests {
    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Fixture.path("fuzz-regressions"))) ?? []).filter {
            !$0.hasPrefix(".")
        }.sorted()
    }

    @Test(arguments: inputs)
    func importsOrFailsCleanly(file: String) throws {
        let bytes = try Fixture.bytes("fuzz-regressions/" + file)
        for format in [nil] + Format.allCases.map(Optional.some) {
            guard let discussion = try? DiscussionFile.parse(bytes: bytes, file: file, format: format) else { continue }
            var harness = ReaderHarness(discussion: discussion, columns: 60, rows: 12)
            try harness.press("G<Tab>aC<resize:7x3><Space>")
            _ = harness.screen
            _ = discussion.exportJSON()
            _ = discussion.exportPageText()
        }
        let text = String(decoding: bytes, as: UTF8.self)
        _ = ReaderConfig.parse(toml: text, file: file)
        _ = try? Theme.parse(toml: text, file: file)
        _ = try? KeyNotation.parse(text)
    }

    @Test func tableNamesTheTOMLParserWouldAssertOnAreReported() {
        let (_, problems) = ReaderConfig.parse(toml: "theme = \"nord\"\n[ö]\n", file: "c.toml")
        #expect(problems.map(\.line) == [2])
        #expect(throws: ThemeError.self) { try Theme.parse(toml: "[[\u{FFFD}]]\n", file: "t.toml") }
        let (config, fine) = ReaderConfig.parse(toml: "[keys]\nnext-comment = [\n  \"j\",\n]\n", file: "c.toml")
        #expect(fine.isEmpty, "a multi-line array is not a table header")
        #expect(config.keyMap.action(for: .character("j")) == .nextComment)
    }
}
