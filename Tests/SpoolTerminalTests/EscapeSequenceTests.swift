import SpoolScreen
import Testing

@testable import SpoolTerminal

/// What follows an Esc curses left undecoded: a named key, Alt with a key, or something
/// swallowed whole.
@Suite struct EscapeSequenceTests {
    private func codes(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func aLoneEscIsEsc() {
        #expect(EscapeSequence.decode([]) == .key(.escape))
    }

    @Test func altWithAKeyIsOneKey() {
        #expect(EscapeSequence.decode(codes("M")) == .key(.meta("M")), "never Esc then M (mark all read)")
        #expect(EscapeSequence.decode(codes("j")) == .key(.meta("j")))
        #expect(EscapeSequence.decode(codes("é")) == .key(.meta("é")))
    }

    @Test func homeEndAndPagesInTheirCommonForms() {
        for (text, key) in [
            ("[1~", Key.home), ("[7~", .home), ("[H", .home), ("OH", .home), ("[4~", .end), ("[8~", .end),
            ("[F", .end), ("OF", .end), ("[5~", .pageUp), ("[6~", .pageDown), ("[A", .up), ("OB", .down),
            ("[1C", .right), ("OD", .left), ("[Z", .backTab),
        ] {
            #expect(EscapeSequence.decode(codes(text)) == .key(key), "\(text)")
        }
    }

    @Test func insertDeleteAndFunctionKeysAreKeys() {
        for (text, key) in [
            ("[2~", Key.insert), ("[3~", .delete), ("OP", .function(1)), ("OS", .function(4)), ("[11~", .function(1)),
            ("[15~", .function(5)), ("[17~", .function(6)), ("[21~", .function(10)), ("[23~", .function(11)),
            ("[24~", .function(12)),
        ] {
            #expect(EscapeSequence.decode(codes(text)) == .key(key), "\(text)")
        }
    }

    @Test func unknownSequencesAreSwallowedWhole() {
        for text in ["[99~", "[200~", "[16~", "[25~", "[1;5A", "OX", "[", "O", "[M !!", "\u{1B}"] {
            #expect(EscapeSequence.decode(codes(text)) == .swallowed, "\(text.debugDescription)")
        }
    }

    @Test func sequencesAreReadToTheirEnd() {
        #expect(!EscapeSequence.isComplete([]))
        #expect(EscapeSequence.isComplete(codes("x")), "Alt-x is one character")
        #expect(!EscapeSequence.isComplete(codes("[")))
        #expect(!EscapeSequence.isComplete(codes("[1")))
        #expect(!EscapeSequence.isComplete(codes("[20")))
        #expect(EscapeSequence.isComplete(codes("[200~")))
        #expect(!EscapeSequence.isComplete(codes("O")))
        #expect(EscapeSequence.isComplete(codes("OH")))
        #expect(!EscapeSequence.isComplete(codes("[M!")), "an X10 mouse report carries three bytes")
        #expect(EscapeSequence.isComplete(codes("[M!!!")))
    }
}
