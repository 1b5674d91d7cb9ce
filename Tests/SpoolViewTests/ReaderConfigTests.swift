import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@Suite struct ReaderConfigTests {
    @Test func everySettingParses() {
        let (config, problems) = ReaderConfig.parse(
            toml: """
                theme = "nord"
                layout = "side-by-side"
                split = 0.3
                tree = "ascii"
                date = "custom"
                date_format = "%e %b %Y"
                mark_read = "manual"
                collapse_read = true
                [keys]
                next-comment = ["n", "<C-n>"]
                quit = "Q"
                """, file: "c.toml")
        #expect(problems.isEmpty)
        #expect(config.theme == "nord")
        #expect(config.layout == .some(.sideBySide))
        #expect(config.split == 0.3)
        #expect(config.asciiTree == true)
        #expect(config.dateStyle == .custom("%e %b %Y"))
        #expect(config.marksReadOnSelect == false)
        #expect(config.collapsesReadSubtrees == true)
        #expect(config.keyMap.action(for: .character("n")) == .nextComment)
        #expect(config.keyMap.action(for: .control("n")) == .nextComment)
        #expect(config.keyMap.action(for: .character("j")) == nil, "an action listed gets exactly the keys given")
        #expect(config.keyMap.action(for: .character("q")) == nil)
        #expect(config.keyMap.action(for: .character("Q")) == .quit)
    }

    @Test func problemsNameFileLineAndTheNearestNameAndKeepDefaults() {
        let (config, problems) = ReaderConfig.parse(
            toml: """
                them = "nord"
                layout = "sideways"
                split = 2
                [keys]
                next-comment = "n"
                parent = "n"
                nxt-sibling = "x"
                previous-comment = "<Foo>"
                """, file: "c.toml")
        #expect(
            problems.map(\.description) == [
                "c.toml:1: unknown setting \"them\"; did you mean \"theme\"?",
                "c.toml:2: layout must be one of auto, stacked, side-by-side (got \"sideways\"); using the default",
                "c.toml:3: split must be a number from 0.2 to 0.8 (the tree's share of the screen); using 0.4",
                "c.toml:6: n is already bound to next-comment (line 5); it stays there",
                "c.toml:7: unknown action \"nxt-sibling\"; did you mean \"next-sibling\"? (? in Spool lists them)",
                "c.toml:8: previous-comment: " + KeyNotation.ParseError(column: 1, text: "<Foo>").description,
            ])
        #expect(config.layout == nil)
        #expect(config.keyMap.action(for: .character("n")) == .nextComment)
        #expect(config.keyMap.action(for: .character("p")) == .parent, "parent kept its default")
        #expect(config.keyMap.action(for: .character("k")) == .previousComment, "a bad entry keeps the default keys")
    }

    @Test func brokenTOMLNamesTheLineAndIgnoresTheFile() {
        let (config, problems) = ReaderConfig.parse(toml: "theme = \"nord\"\nlayout = \n", file: "c.toml")
        #expect(problems.count == 1)
        #expect(problems[0].line == 2)
        #expect(config == ReaderConfig())
    }

    @Test mutating func remappedKeysDriveTheAppAndShowInHelp() throws {
        let (config, _) = ReaderConfig.parse(toml: "[keys]\nnext-comment = [\"n\"]\nhelp = \"H\"\n", file: "c.toml")
        var harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 100, rows: 50, keyMap: config.keyMap)
        try harness.press("nn")
        #expect(harness.selectedID == "2")
        try harness.press("j")
        #expect(harness.selectedID == "2", "j no longer moves")
        try harness.press("H")
        let help = harness.screen.textDump
        #expect(help.contains("  n               next comment"))
        #expect(help.contains(" Keys: n/k C-d G scroll, / filters, q or H closes"))
        try harness.press("/hide<Enter>")
        #expect(harness.screen.textDump.contains("  H               show or hide this help  [help]"))
    }

    @Test func dateStylesAndSplit() throws {
        let date = Timestamp(year: 2014, month: 10, day: 28, hour: 9, minute: 5)
        #expect(AgeText.text(date, style: .absolute, now: ReaderHarness.now) == "2014-10-28 09:05")
        #expect(
            AgeText.text(date, style: .custom("%e %b %y, %H:%M %%"), now: ReaderHarness.now) == "28 Oct 14, 09:05 %")
        #expect(AgeText.text(date, style: .relative, now: ReaderHarness.now) == "2014-10-28")
        let layout = PaneLayout(columns: 100, rows: 41, choice: .stacked, split: 0.25)
        #expect(layout.tree.height == 10)
    }

    @Test func asciiTreeGlyphs() throws {
        let harness = ReaderHarness(
            discussion: try Fixture.discussion(Fixture.seed), columns: 80, rows: 24,
            options: ReaderOptions(glyphs: .ascii, now: ReaderHarness.now))
        let lines = harness.screen.textLines
        #expect(lines[1].hasPrefix("|- * Philip Measures"))
        #expect(lines.contains { $0.hasPrefix("|  `- * Edna") })
        #expect(!harness.screen.textDump.contains("─"))
    }
}

/// `cursor = "visible"` and what goes wrong with it.
@Suite struct CursorSettingTests {
    @Test func visibleAndHiddenParse() {
        #expect(ReaderConfig.parse(toml: "cursor = \"visible\"\n", file: "c.toml").0.showsCursor == true)
        #expect(ReaderConfig.parse(toml: "cursor = \"hidden\"\n", file: "c.toml").0.showsCursor == false)
        #expect(ReaderConfig.parse(toml: "", file: "c.toml").0.showsCursor == nil)
    }

    @Test func aBadValueNamesTheLineAndKeepsTheDefault() {
        let (config, problems) = ReaderConfig.parse(toml: "mouse = true\ncursor = \"blink\"\n", file: "c.toml")
        #expect(config.showsCursor == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 2)
        #expect(problems.first?.description.contains("cursor must be one of hidden, visible") == true)
    }

    @Test func moreMutedWordsThanAreCheckedAreSaid() {
        let words = (1...300).map { "\"w\($0)\"" }.joined(separator: ", ")
        let (config, problems) = ReaderConfig.parse(toml: "mouse = true\nmute_words = [\(words)]\n", file: "c.toml")
        #expect(config.mutedWords?.count == 255)
        #expect(config.mutedWords?.last == "w255")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 2)
        #expect(
            problems.first?.description.contains("mute_words lists 300 words; only the first 255 are muted") == true)
        let (_, none) = ReaderConfig.parse(
            toml: "mute_words = [\(words.split(separator: ",").prefix(255).joined(separator: ","))]\n", file: "c.toml")
        #expect(none.isEmpty)
    }

    @Test func theSettingIsKnownForDidYouMean() {
        let (_, problems) = ReaderConfig.parse(toml: "cursur = \"visible\"\n", file: "c.toml")
        #expect(problems.first?.description.contains("did you mean \"cursor\"") == true)
    }
}

/// No `[keys]` section can leave the reader without a way out or a way to the key list.
@Suite struct WayOutTests {
    @Test func takingQAndQuestionMarkGivesThemBack() {
        let (config, problems) = ReaderConfig.parse(
            toml: "theme = \"nord\"\n[keys]\nnext-comment = [\"q\", \"?\", \"j\"]\n", file: "c.toml")
        #expect(config.keyMap.action(for: .character("q")) == .quit)
        #expect(config.keyMap.action(for: .character("?")) == .help)
        #expect(config.keyMap.action(for: .character("j")) == .nextComment)
        #expect(
            problems.map(\.description) == [
                "c.toml:2: [keys] left no key for quit; q does it (it was bound to next-comment)",
                "c.toml:2: [keys] left no key for help; ? does it (it was bound to next-comment)",
            ])
    }

    @Test func anotherKeyForQuitIsEnough() {
        let (config, problems) = ReaderConfig.parse(
            toml: "[keys]\nquit = \"Q\"\nnext-comment = [\"q\", \"j\"]\n", file: "c.toml")
        #expect(problems.isEmpty)
        #expect(config.keyMap.action(for: .character("Q")) == .quit)
        #expect(config.keyMap.action(for: .character("q")) == .nextComment)
    }

    @Test func bindingEveryKeyToOneActionStillQuits() {
        let keys = "abcdefghijklmnopqrstuvwxyz?/".map { "\"\($0)\"" }.joined(separator: ", ")
        let (config, problems) = ReaderConfig.parse(toml: "[keys]\nnext-comment = [\(keys)]\n", file: "c.toml")
        #expect(config.keyMap.action(for: .character("q")) == .quit)
        #expect(config.keyMap.action(for: .character("?")) == .help)
        #expect(problems.count == 2)
    }
}

/// A very long config is read in one pass: every line numbered, every problem reported.
@Suite struct LongConfigTests {
    @Test func fortyThousandUnknownLinesAreNamedInFileOrderThenCounted() {
        let text = (0..<40_000).map { "unknown\($0) = 1" }.joined(separator: "\n") + "\ntheme = \"nord\"\n"
        let (config, problems) = ReaderConfig.parse(toml: text, file: "big.toml")
        #expect(config.theme == "nord", "the known setting after them is read")
        #expect(problems.count == ReaderConfig.maximumUnknownReported + 1)
        #expect(problems.first?.description.hasPrefix("big.toml:1: unknown setting \"unknown0\"") == true)
        #expect(problems[1].line == 2)
        #expect(
            problems.last?.description
                == "big.toml:21: and \(40_000 - ReaderConfig.maximumUnknownReported) more unknown settings; each is ignored"
        )
    }
}

/// `wrap_width` caps the article's lines however wide the terminal.
@Suite struct WrapWidthTests {
    @Test func theSettingParsesAndBadValuesAreReported() {
        #expect(ReaderConfig.parse(toml: "wrap_width = 72\n", file: "c.toml").0.wrapWidth == 72)
        #expect(ReaderConfig.parse(toml: "wrap_width = 0\n", file: "c.toml").0.wrapWidth == 0)
        let (config, problems) = ReaderConfig.parse(toml: "wrap_width = 5\n", file: "c.toml")
        #expect(config.wrapWidth == nil)
        #expect(problems.first?.description.hasPrefix("c.toml:1: wrap_width must be") == true)
    }

    @Test func articleLinesStopAtTheWrapWidthOnAWideScreen() throws {
        let discussion = try Fixture.discussion(Fixture.seed)
        func longest(_ wrapWidth: Int) throws -> Int {
            let options = ReaderOptions(orientation: .stacked, now: ReaderHarness.now, wrapWidth: wrapWidth)
            var harness = ReaderHarness(discussion: discussion, columns: 200, rows: 40, options: options)
            try harness.press("j")
            return harness.articleLines.map { DisplayWidth.of($0.text) }.max() ?? 0
        }
        #expect(try longest(ReaderOptions.defaultWrapWidth) <= 100)
        #expect(try longest(60) <= 60)
        #expect(try longest(0) > 100, "0: the pane's width")
    }
}

/// How archives are threaded and ordered, from the config.
@Suite struct ArchiveConfigTests {
    @Test func groupingAndOrderParse() {
        let (config, problems) = ReaderConfig.parse(
            toml: "group_by_subject = \"off\"\noldest_first = true\n", file: "c.toml")
        #expect(problems.isEmpty)
        #expect(config.groupBySubject == "off" && config.oldestFirst == true)
        let (_, bad) = ReaderConfig.parse(toml: "group_by_subject = \"some\"\noldest_first = 1\n", file: "c.toml")
        #expect(bad.map(\.line) == [1, 2])
    }
}
