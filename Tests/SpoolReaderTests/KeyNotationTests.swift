import SpoolReader
import SpoolScreen
import SpoolTestSupport
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
        for key in [
            Key.enter, .backTab, .control("u"), .pageDown, .character("a"), .character(" "), .insert, .delete,
            .function(1), .function(12),
        ] {
            #expect(
                try KeyNotation.parse("<\(KeyNotation.name(of: key))>") == [key] || KeyNotation.name(of: key).count == 1
            )
        }
    }
}

/// The notation's edges: aliases, case, sizes, and text that must stay literal.
@Suite struct KeyNotationEdgeTests {
    @Test func aliasesNameTheSameKey() throws {
        #expect(try KeyNotation.parse("<CR><Return><Enter>") == [.enter, .enter, .enter])
        #expect(try KeyNotation.parse("<BS>") == [.backspace])
        #expect(try KeyNotation.parse("<Del><Delete><Ins><F5>") == [.delete, .delete, .insert, .function(5)])
    }

    @Test func controlKeysTakeOneLetter() throws {
        #expect(try KeyNotation.parse("<C-a><C-z>") == [.control("a"), .control("z")])
        #expect(throws: KeyNotation.ParseError.self) { try KeyNotation.parse("<C-ab>") }
    }

    @Test func resizesNameBothSides() throws {
        #expect(try KeyNotation.parse("<resize:0x0>") == [.resize(columns: 0, rows: 0)])
        #expect(throws: KeyNotation.ParseError.self) { try KeyNotation.parse("<resize:ax3>") }
        #expect(throws: KeyNotation.ParseError.self) { try KeyNotation.parse("<resize:-1x3>") }
    }

    @Test func anUnclosedAngleIsLiteral() throws {
        #expect(try KeyNotation.parse("a<b") == [.character("a"), .character("<"), .character("b")])
        #expect(try KeyNotation.parse("<>") == [.character("<"), .character(">")])
    }

    @Test func nonASCIIKeysAreCharacters() throws {
        #expect(try KeyNotation.parse("é語") == [.character("é"), .character("語")])
    }

    @Test func everyNamedKeyPrintsAsANameThatParsesBack() throws {
        let keys: [Key] = [
            .enter, .tab, .backTab, .escape, .backspace, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
            .control("x"), .resize(columns: 12, rows: 5), .mouse(.wheelDown, column: 1, row: 2),
        ]
        for key in keys {
            #expect(try KeyNotation.parse("<\(KeyNotation.name(of: key))>") == [key], "\(key)")
        }
    }
}

/// Alt keys in the notation and the config.
@Suite struct MetaKeyTests {
    @Test func altKeysParseAndPrint() throws {
        #expect(try KeyNotation.parse("<M-x><M-M>") == [.meta("x"), .meta("M")])
        #expect(KeyNotation.name(of: .meta("x")) == "M-x")
    }

    @Test func anUnboundAltKeySaysSoAndDoesNothing() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("<M-M>")
        #expect(harness.message == "M-M does nothing here; ? lists the keys.")
        #expect(harness.reader.marks.unreadCount == 16, "Alt-M is not M")
    }
}
