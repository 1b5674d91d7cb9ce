import SpoolScreen
import Testing

/// The grid of cells every pane draws into: overwriting wide characters, restyling, the
/// style dump, rectangles.
@Suite struct ScreenCellsTests {
    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.put("語語語", x: 0, y: 0, style: .plain, clip: screen.bounds)
        screen.put("a", x: 1, y: 0, style: .plain, clip: screen.bounds)
        #expect(screen.textLines == [" a語語"], "the first 語 lost its second half, so it is gone")
        screen.put("b", x: 2, y: 0, style: .plain, clip: screen.bounds)
        #expect(screen.textLines == [" ab 語"], "the second 語 lost its first half")
        #expect(!screen[3, 0].isContinuation)
    }

    @Test func aWideCharacterThatWouldCrossTheClipIsNotDrawn() {
        var screen = Screen(width: 5, height: 1)
        let end = screen.put("ab語", x: 0, y: 0, style: .plain, clip: Rect(x: 0, y: 0, width: 3, height: 1))
        #expect(end == 2)
        #expect(screen.textLines == ["ab"])
    }

    @Test func textStartingLeftOfTheClipIsCutNotShifted() {
        var screen = Screen(width: 8, height: 1)
        screen.put("0123456789", x: -3, y: 0, style: .plain, clip: Rect(x: 2, y: 0, width: 4, height: 1))
        #expect(screen.textLines == ["  5678"])
    }

    @Test func restyleKeepsTheText() {
        var screen = Screen(width: 4, height: 1)
        screen.put("abcd", x: 0, y: 0, style: .plain, clip: screen.bounds)
        let bold = Style(foreground: .terminalDefault, background: .terminalDefault, attributes: .bold)
        screen.restyle(Rect(x: 1, y: 0, width: 2, height: 5)) { _ in bold }
        #expect(screen.textLines == ["abcd"])
        #expect(screen[0, 0].style == .plain && screen[1, 0].style == bold && screen[2, 0].style == bold)
        #expect(screen[3, 0].style == .plain)
    }

    @Test func theStyleDumpLettersStylesInOrderOfAppearance() {
        var screen = Screen(width: 3, height: 2)
        let reverse = Style(foreground: .ansi(1), background: .terminalDefault, attributes: .reverse)
        screen.put("x", x: 1, y: 1, style: reverse, clip: screen.bounds)
        let dump = screen.styleDump.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(dump.prefix(2)) == ["aaa", "aba"])
        #expect(dump.count == 5, "two rows, a blank line, two legend lines")
    }

    @Test func asciiAndOtherTextGoThroughTheSameSanitiser() {
        var screen = Screen(width: 30, height: 1)
        screen.put("ok\u{1B}é\u{9B}x", x: 0, y: 0, style: .plain, clip: screen.bounds)
        #expect(screen.textLines == ["ok^[é<U+009B>x"])
    }

    @Test func rectanglesIntersectAndGiveRows() {
        let a = Rect(x: 2, y: 1, width: 5, height: 3)
        #expect(a.intersection(Rect(x: 4, y: 0, width: 10, height: 2)) == Rect(x: 4, y: 1, width: 3, height: 1))
        #expect(a.intersection(Rect(x: 20, y: 20, width: 1, height: 1)).isEmpty)
        #expect(a.row(2) == Rect(x: 2, y: 3, width: 5, height: 1))
        #expect(a.row(3).isEmpty, "past the last row")
        #expect(Rect(x: 0, y: 0, width: -4, height: 2).isEmpty, "negative sizes become empty")
    }
}

@Suite struct SanitizerTests {
    @Test func everyUnsafeScalarHasAVisiblePlaceholder() {
        #expect(Sanitizer.clean("a\u{0}b") == "a^@b")
        #expect(Sanitizer.clean("\u{7}\u{8}\u{1B}") == "^G^H^[")
        #expect(Sanitizer.clean("\u{7F}") == "^?")
        #expect(Sanitizer.clean("\u{85}\u{9B}\u{9D}") == "<U+0085><U+009B><U+009D>")
        #expect(Sanitizer.clean("\u{202A}\u{202E}\u{2066}\u{2069}") == "<U+202A><U+202E><U+2066><U+2069>")
    }

    @Test func safeTextIsUnchanged() {
        let text = "Grüße, 日本語, emoji 🎉, combining é, RTL שלום"
        #expect(Sanitizer.clean(text) == text)
    }

    @Test func noOutputOfTheSanitiserIsUnsafe() {
        let hostile = (0..<0x100).map { String(Unicode.Scalar(UInt8($0))) }.joined() + "\u{202E}\u{2067}"
        #expect(!Sanitizer.clean(hostile).unicodeScalars.contains(where: Sanitizer.isUnsafe))
    }
}

@Suite struct ColorDowngradeTests {
    @Test func capabilitiesFromColourCounts() {
        #expect(ColorCapability(colors: 16_777_216) == .direct)
        #expect(ColorCapability(colors: 256) == .indexed256)
        #expect(ColorCapability(colors: 88) == .ansi16)
        #expect(ColorCapability(colors: 8) == .ansi8)
        #expect(ColorCapability(colors: 2) == .none)
    }

    @Test func noColourTerminalsGetNothing() {
        #expect(ColorDowngrade.resolve(.ansi(1), for: .none) == nil)
    }

    @Test func theDefaultStaysTheDefault() {
        for capability in [ColorCapability.direct, .indexed256, .ansi16, .ansi8] {
            #expect(ColorDowngrade.resolve(.terminalDefault, for: capability)?.0 == .standard)
        }
    }

    @Test func brightColoursOnEightColourTerminalsBecomeBold() {
        let resolved = ColorDowngrade.resolve(.ansi(9), for: .ansi8)
        #expect(resolved?.0 == .number(1) && resolved?.brighten == true)
    }

    @Test func directColourIsKeptOnlyWhereTheTerminalHasIt() {
        #expect(ColorDowngrade.resolve(.rgb(0x12, 0x34, 0x56), for: .direct)?.0 == .number(0x123456))
        guard case .number(let index) = ColorDowngrade.resolve(.rgb(255, 0, 0), for: .indexed256)?.0 else {
            Issue.record("an indexed colour was expected")
            return
        }
        #expect(index == 196, "pure red is cube colour 196")
    }
}

/// Columns for the characters discussions are full of.
@Suite struct DisplayWidthTests {
    @Test func emojiSequencesTakeTwoColumns() {
        #expect(DisplayWidth.of(Character("👨‍👩‍👧")) == 2, "a family joined by ZWJ is one grapheme")
        #expect(DisplayWidth.of(Character("🇫🇷")) == 2, "a flag")
        #expect(DisplayWidth.of(Character("👍🏽")) == 2, "with a skin tone")
    }

    @Test func eastAsianTextIsWide() {
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4, "half-width katakana is narrow")
        #expect(DisplayWidth.of("ＡＢ") == 4, "full-width Latin is wide")
    }

    @Test func marksAndFormatCharactersTakeNothing() {
        #expect(DisplayWidth.of("a\u{0301}\u{0302}") == 1)
        #expect(DisplayWidth.of("\u{200D}\u{2060}") == 0)
        #expect(DisplayWidth.of("\u{00AD}") == 1, "a soft hyphen shows")
    }

    @Test func aScreenLineOfMixedTextFillsExactlyItsWidth() {
        var screen = Screen(width: 12, height: 1)
        let end = screen.put("a語🎉é👨‍👩‍👧b", x: 0, y: 0, style: .plain, clip: screen.bounds)
        #expect(end == 1 + 2 + 2 + 1 + 2 + 1)
        #expect(screen.textLines == ["a語🎉é👨‍👩‍👧b"])
    }
}

/// The sanitiser's two other forms: line by line, and controls removed.
@Suite struct SanitizerFormsTests {
    @Test func cleanLinesKeepsLineBreaksAndDropsCarriageReturns() {
        #expect(Sanitizer.cleanLines("a\u{1B}[2J\r\nb\u{9B}\n") == "a^[[2J\nb<U+009B>\n")
    }

    @Test func strippingControlsKeepsTabsAndLineBreaks() {
        #expect(Sanitizer.strippingControls("a\tb\n\u{1B}]52;c;x\u{7}\u{202E}c") == "a\tb\n]52;c;xc")
        let plain = "plain text\nwith lines"
        #expect(Sanitizer.strippingControls(plain) == plain)
    }
}
