import CNCursesW
import SpoolScreen
import Testing

@testable import SpoolTerminal

/// ncurses codes become ``Key``s here and nowhere else.
@Suite struct CursesKeyDecoderTests {
    @Test func functionKeysAreNamed() {
        let size = (columns: 90, rows: 20)
        let expected: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right), (KEY_NPAGE, .pageDown),
            (KEY_PPAGE, .pageUp), (KEY_HOME, .home), (KEY_END, .end), (KEY_BTAB, .backTab), (KEY_ENTER, .enter),
            (KEY_BACKSPACE, .backspace), (KEY_RESIZE, .resize(columns: 90, rows: 20)), (KEY_IC, .insert),
            (KEY_DC, .delete), (KEY_F0 + 1, .function(1)), (KEY_F0 + 12, .function(12)),
        ]
        for (code, key) in expected { #expect(CursesKeyDecoder.functionKey(code, size: size) == key) }
    }

    @Test func unknownFunctionKeysAreNothing() {
        for code in [KEY_F0, KEY_F0 + 13, KEY_SRESET, KEY_MAX] {
            #expect(CursesKeyDecoder.functionKey(code, size: (80, 24)) == nil, "code \(code)")
        }
    }

    @Test func controlCharactersAreNamedKeys() {
        #expect(CursesKeyDecoder.character(9) == .tab)
        #expect(CursesKeyDecoder.character(10) == .enter)
        #expect(CursesKeyDecoder.character(13) == .enter)
        #expect(CursesKeyDecoder.character(27) == .escape)
        #expect(CursesKeyDecoder.character(127) == .backspace)
        #expect(CursesKeyDecoder.character(8) == .backspace)
        #expect(CursesKeyDecoder.character(4) == .control("d"))
        #expect(CursesKeyDecoder.character(21) == .control("u"))
    }

    @Test func printableAndWideCharactersPassThrough() {
        #expect(CursesKeyDecoder.character(UInt32(UInt8(ascii: "j"))) == .character("j"))
        #expect(CursesKeyDecoder.character(0x8A9E) == .character("語"))
        #expect(CursesKeyDecoder.character(0x1F600) == .character("😀"))
    }

    @Test func aCodeThatIsNoScalarIsNothing() {
        #expect(CursesKeyDecoder.character(0xD800) == nil, "a lone surrogate")
        #expect(CursesKeyDecoder.character(0x11_0000) == nil, "past Unicode")
    }

    @Test func mouseEventsBecomeClicksAndWheels() {
        var event = MEVENT()
        event.x = 12
        event.y = 3
        event.bstate = spool_button1()
        #expect(CursesKeyDecoder.mouse(event) == .mouse(.click, column: 12, row: 3))
        event.bstate = spool_wheel_up()
        #expect(CursesKeyDecoder.mouse(event) == .mouse(.wheelUp, column: 12, row: 3))
        event.bstate = spool_wheel_down()
        #expect(CursesKeyDecoder.mouse(event) == .mouse(.wheelDown, column: 12, row: 3))
        event.bstate = 0
        #expect(CursesKeyDecoder.mouse(event) == nil, "a release or motion does nothing")
    }
}
