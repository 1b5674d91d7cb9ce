import SpoolScreen
import Testing

@testable import SpoolTerminal

/// Linear mode reads the terminal's bytes itself: every key the reader knows, and no part
/// of a sequence it does not know acting as a key.
@Suite struct LinearKeyDecoderTests {
    /// The keys `bytes` make, with a pause (an Esc that nothing followed) at the end.
    static func keys(_ bytes: [UInt8]) -> [Key] {
        var decoder = LinearKeyDecoder()
        var keys = bytes.compactMap { decoder.take($0) }
        if let last = decoder.finish() { keys.append(last) }
        return keys
    }

    @Test func charactersControlsAndUTF8() {
        #expect(Self.keys(Array("jk/é€😀".utf8)) == "jk/é€😀".map(Key.character))
        #expect(Self.keys([0x0D, 0x0A, 0x09, 0x7F, 0x08]) == [.enter, .enter, .tab, .backspace, .backspace])
        #expect(Self.keys([0x12, 0x0E]) == [.control("r"), .control("n")])
        #expect(Self.keys([0xFF, 0xC3, 0x41]) == [.character("A")], "broken UTF-8 is dropped, the next byte kept")
    }

    @Test func escapeSequencesAreKeysOrSwallowedWhole() {
        #expect(Self.keys(Array("\u{1B}[A\u{1B}[B\u{1B}OC\u{1B}[5~".utf8)) == [.up, .down, .right, .pageUp])
        #expect(Self.keys(Array("\u{1B}[Z".utf8)) == [.backTab])
        #expect(Self.keys(Array("\u{1B}[99~j".utf8)) == [.character("j")], "an unknown sequence does nothing")
        #expect(Self.keys([0x1B]) == [.escape], "a lone Esc")
        #expect(Self.keys([0x1B, 0x1B]) == [.escape, .escape])
    }
}
