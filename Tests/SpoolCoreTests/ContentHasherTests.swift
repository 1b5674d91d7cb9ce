import Testing

@testable import SpoolCore

/// Content keys made from a body in pieces, and their text.
@Suite struct ContentHasherTests {
    @Test func aBodyHashedInPiecesIsTheBodyHashedWhole() {
        let date = Timestamp(year: 2020, month: 1, day: 2, hour: 9, minute: 0, second: 0)
        let whole = StableKey.contentHash(
            title: "T", author: "Zoë", date: date, body: "  first\u{3000}line\n\nsecond  ")
        var pieces = ContentHasher(title: "T", author: "Zoë", date: date)
        pieces.addBodySpace()
        for (index, piece) in ["first\u{3000}line", "second"].enumerated() {
            if index > 0 { pieces.addBodySpace() }
            var text = piece
            text.withUTF8 { pieces.addBody($0) }
        }
        #expect(pieces.value == whole)
        // Without the opening indentation the hash differs: it is one space, not none.
        #expect(StableKey.contentHash(title: "T", author: "Zoë", date: date, body: "first\u{3000}line second") != whole)
    }

    @Test func aContentKeyIsItsHashInSixteenHexDigits() {
        #expect(StableKey(contentHash: 0xAB).rawValue == "h:00000000000000ab")
        #expect(StableKey(contentHash: 0xFEDC_BA98_7654_3210, occurrence: 3).rawValue == "h:fedcba9876543210#3")
        let key = StableKey.content(title: nil, author: "A", date: nil, body: "b")
        #expect(key == StableKey(contentHash: StableKey.contentHash(title: nil, author: "A", date: nil, body: "b")))
        // The FNV-1a of the empty title, author "A", no date and body "b", joined by U+001F.
        var hash = FNV1a64()
        for byte in Array("\u{1F}A\u{1F}\u{1F}b".utf8) { hash.add(byte) }
        #expect(key.rawValue == "h:" + hash.hex)
    }
}
