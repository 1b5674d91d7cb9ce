import SpoolReader
import SpoolScreen
import Testing

@Suite struct KeyNotationTests {
    @Test func literalAndNamedKeys() throws {
        #expect(
            try KeyNotation.parse("jk<Enter><S-Tab><C-d><Space> <resize:80x24>") == [
                .character("j"), .character("k"), .enter, .backTab, .control("d"), .character(" "), .character(" "),
                .resize(columns: 80, rows: 24),
            ])
    }

    @Test func aLessThanThatNamesNothingIsLiteral() throws {
        #expect(try KeyNotation.parse("<3<lt>") == [.character("<"), .character("3"), .character("<")])
    }

    @Test func unknownNamesAreErrorsWithTheColumn() {
        #expect(throws: KeyNotation.ParseError(column: 2, text: "<Foo>")) { try KeyNotation.parse("j<Foo>") }
        #expect(throws: KeyNotation.ParseError(column: 1, text: "<resize:80>")) { try KeyNotation.parse("<resize:80>") }
    }

    @Test func namesRoundTrip() throws {
        for key in [Key.enter, .backTab, .control("u"), .pageDown, .character("a"), .character(" ")] {
            #expect(
                try KeyNotation.parse("<\(KeyNotation.name(of: key))>") == [key] || KeyNotation.name(of: key).count == 1
            )
        }
    }
}
