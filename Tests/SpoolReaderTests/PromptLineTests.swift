import SpoolScreen
import Testing

@testable import SpoolReader

/// The prompts' line editor: readline's keys, a caret, and history.
@Suite struct PromptLineTests {
    /// A line after `keys` (in the key notation), with `history`.
    private func line(_ start: String, _ keys: String, history: [String] = []) throws -> PromptLine {
        var line = PromptLine(start)
        for key in try KeyNotation.parse(keys) { _ = line.apply(key, history: history) }
        return line
    }

    @Test func charactersGoInAtTheCaret() throws {
        let edited = try line("ac", "<Left>b")
        #expect(edited.text == "abc" && edited.caret == 2 && edited.textBeforeCaret == "ab")
    }

    @Test func theCaretMovesByCharacterWordAndLine() throws {
        #expect(try line("author:Brian s. Waldron", "<C-a>").caret == 0)
        #expect(try line("author:Brian s. Waldron", "<Home><End>").caret == 23)
        #expect(try line("abc", "<C-b><C-b><C-f>").caret == 2)
        #expect(try line("abc", "<Right><Right>").caret == 3, "never past the end")
        #expect(try line("abc", "<Home><Left>").caret == 0, "never before the start")
        #expect(try line("one two three", "<M-b>").caret == 8)
        #expect(try line("one two three", "<M-b><M-b>").caret == 4)
        #expect(try line("one two three", "<Home><M-f>").caret == 3)
    }

    @Test func erasingKeys() throws {
        #expect(try line("abc", "<BS>").text == "ab")
        #expect(try line("abc", "<Home><Del>").text == "bc")
        #expect(try line("abc", "<Home><C-d>").text == "bc")
        #expect(try line("abc", "<Del>").text == "abc", "nothing after the caret")
        #expect(try line("author:Brian s. Waldron", "<C-w>").text == "author:Brian s. ")
        #expect(try line("author:Brian s. Waldron  ", "<C-w>").text == "author:Brian s. ", "spaces, then the word")
        #expect(try line("author:Brian s. Waldron", "<C-u>").text == "")
        let killed = try line("author:Brian s. Waldron", "<Home><M-f><C-k>")
        #expect(killed.text == "author:Brian" && killed.caret == 12)
        let front = try line("author:Brian s. Waldron", "<M-b><C-u>")
        #expect(front.text == "Waldron" && front.caret == 0)
    }

    @Test func aPrefilledPatternIsChangedWithoutTwentyThreeBackspaces() throws {
        #expect(try line("author:Brian s. Waldron", "<C-u>author:edna").text == "author:edna")
        #expect(try line("author:Brian s. Waldron", "<M-b><C-k>Smith").text == "author:Brian s. Smith")
    }

    @Test func upAndDownStepThroughHistoryAndBackToTheDraft() throws {
        let history = ["first", "second"]
        #expect(try line("dr", "<Up>", history: history).text == "second")
        #expect(try line("dr", "<Up><Up>", history: history).text == "first")
        #expect(try line("dr", "<Up><Up><Up>", history: history).text == "first", "stops at the oldest")
        #expect(try line("dr", "<Up><Up><Down>", history: history).text == "second")
        #expect(try line("dr", "<Up><Down>", history: history).text == "dr", "past the newest: the draft")
        #expect(try line("dr", "<C-p>", history: history).caret == 6, "the caret at the end of the entry")
        #expect(try line("dr", "<Down>", history: history).text == "dr")
        #expect(try line("dr", "<Up>", history: []).text == "dr")
    }

    @Test func outcomes() {
        var line = PromptLine("x")
        #expect(line.apply(.character("y")) == .edited)
        #expect(line.apply(.left) == .moved)
        #expect(line.apply(.enter) == .submitted)
        for key in [Key.escape, .control("c"), .control("g")] { #expect(line.apply(key) == .cancelled) }
        for key in [Key.pageDown, .tab, .resize(columns: 1, rows: 1), .function(1)] {
            #expect(line.apply(key) == .ignored)
        }
        #expect(line.text == "xy")
    }

    @Test func historyKeepsEachEntryOnceNewestLastAndDropsBlanks() {
        var history = PromptHistory(saved: ["search": ["a", "b"], "nonsense": ["z"]])
        history.add("a", to: .search)
        history.add("  ", to: .search)
        history.add("grep x", to: .pipe)
        #expect(history[.search] == ["b", "a"])
        #expect(history[.pipe] == ["grep x"])
        #expect(history.takeAdded().map(\.entry) == ["a", "grep x"])
        #expect(history.takeAdded().isEmpty)
        for index in 0..<(PromptHistory.capacity + 5) { history.add("q\(index)", to: .limit) }
        #expect(history[.limit].count == PromptHistory.capacity)
        #expect(history[.limit].last == "q\(PromptHistory.capacity + 4)")
    }
}
