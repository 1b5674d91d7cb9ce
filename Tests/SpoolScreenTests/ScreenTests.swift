import Foundation
import SpoolScreen
import Testing

@Suite struct ScreenTests {
    @Test func wideCharactersTakeTwoCellsAndAreNeverSplit() {
        var screen = Screen(width: 5, height: 1)
        let end = screen.put("語語語", x: 0, y: 0, style: .plain, clip: screen.bounds)
        #expect(end == 4)
        #expect(screen.textLines == ["語語"])
        #expect(screen[1, 0].isContinuation)
    }

    @Test func textIsClippedToItsRectangle() {
        var screen = Screen(width: 10, height: 2)
        let clip = Rect(x: 2, y: 0, width: 3, height: 1)
        screen.put("abcdef", x: 0, y: 0, style: .plain, clip: clip)
        screen.put("zzz", x: 0, y: 1, style: .plain, clip: clip)
        #expect(screen.textLines == ["  cde", ""])
    }

    @Test func controlSequencesBecomeVisiblePlaceholders() {
        var screen = Screen(width: 40, height: 1)
        screen.put("a\u{1B}[2Jb\u{7}c\u{9B}d\u{202E}e\u{7F}", x: 0, y: 0, style: .plain, clip: screen.bounds)
        #expect(screen.textLines == ["a^[[2Jb^Gc<U+009B>d<U+202E>e^?"])
        #expect(!screen.cells.contains { $0.grapheme.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("🎉") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("❤️") == 2)
    }

    @Test func aZeroSizedScreenAcceptsEverything() {
        var screen = Screen(width: 0, height: 0)
        screen.put("text", x: 0, y: 0, style: .plain, clip: screen.bounds)
        screen.fill(Rect(x: -3, y: -3, width: 10, height: 10), style: .plain)
        #expect(screen.textLines == [])
    }
}

@Suite struct WordWrapTests {
    @Test func wrapsAtWordBoundaries() {
        #expect(WordWrap.lines(of: "the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func breaksWordsLongerThanTheWidth() {
        #expect(WordWrap.lines(of: "abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
    }

    @Test func measuresWideCharacters() {
        #expect(WordWrap.lines(of: "日本語の文章です", width: 6) == ["日本語", "の文章", "です"])
    }

    /// ASCII lines take a byte path; a line with one "é" takes the character path. With
    /// "é" (one column) standing in for "e", both must break in the same places.
    @Test(arguments: [1, 3, 7, 12, 40])
    func asciiAndCharacterPathsAgree(width: Int) {
        let samples = [
            "  leading spaces then words", "double  spaces   inside", "averyveryverylongwordthatbreaks here",
            "trailing spaces   ", "", "x", "one two three four five six seven eight nine ten eleven",
        ]
        for line in samples {
            let accented = line + " é"
            let expected = WordWrap.lines(of: accented, width: width).map {
                $0.replacingOccurrences(of: "é", with: "e")
            }
            #expect(WordWrap.lines(of: line + " e", width: width) == expected, "\(line) at \(width)")
        }
    }

    @Test func keepsBlankLinesAndExpandsTabs() {
        #expect(WordWrap.lines(of: "a\n\n\tb", width: 10) == ["a", "", "    b"])
    }
}

/// Word wrap at the edges: widths too small for a character, control text, long lines.
@Suite struct WordWrapEdgeTests {
    @Test func aWideCharacterInAOneColumnPaneStillEnds() {
        let lines = WordWrap.lines(of: "語a", width: 1)
        #expect(lines.joined().contains("a"))
        #expect(lines.count <= 3)
    }

    @Test func zeroOrNegativeWidthsGiveNothingAndEnd() {
        #expect(WordWrap.lines(of: "abc def", width: 0).isEmpty)
        #expect(WordWrap.lines(of: "abc\n\ndef", width: -5).isEmpty)
    }

    @Test func controlCharactersAreMadeVisibleBeforeWrapping() {
        let lines = WordWrap.lines(of: "bell\u{7} and escape\u{1B}[31m", width: 40)
        #expect(lines == ["bell^G and escape^[[31m"])
    }

    @Test func everyLineFitsItsWidth() {
        let text = String(repeating: "word 語 emoji 🎉 and a verylongwordwithoutspaces ", count: 20)
        for width in [1, 2, 3, 7, 19, 80] {
            for line in WordWrap.lines(of: text, width: width) {
                #expect(DisplayWidth.of(line) <= max(width, 2), "\(line) at \(width)")
            }
        }
    }

    @Test func carriageReturnsDoNotReachTheScreen() {
        let lines = WordWrap.lines(of: "dos line\r\nnext\r\n", width: 20)
        #expect(!lines.joined().unicodeScalars.contains { $0.value == 0x0D })
    }
}
