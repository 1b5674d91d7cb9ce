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

    /// A key hashes its date's ISO text: written as bytes in the usual case, and as numbers
    /// however long when a field is out of its range.
    @Test func datesAreWrittenAsISOTextInEveryRange() {
        let cases: [(Timestamp, String)] = [
            (Timestamp(year: 2014, month: 10, day: 29, hour: 0, minute: 2), "2014-10-29T00:02"),
            (Timestamp(year: 7, month: 1, day: 2, hour: 3, minute: 4, second: 5), "0007-01-02T03:04:05"),
            (Timestamp(year: 2020, month: 1, day: 1, hour: 1, utcOffsetMinutes: 0), "2020-01-01T01:00Z"),
            (
                Timestamp(year: 2019, month: 1, day: 5, hour: 19, minute: 13, second: 12, utcOffsetMinutes: -240),
                "2019-01-05T19:13:12-04:00"
            ),
            (
                Timestamp(year: 9999, month: 12, day: 31, hour: 23, minute: 59, utcOffsetMinutes: 5999),
                "9999-12-31T23:59+99:59"
            ),
            (Timestamp(year: 12345, month: 1, day: 1), "12345-01-01T00:00"),
            (Timestamp(year: -1, month: 1, day: 1), "00-1-01-01T00:00"),
            (Timestamp(year: 2020, month: 100, day: -3, hour: 7), "2020-100--3T07:00"),
            (Timestamp(year: 2020, month: 1, day: 1, utcOffsetMinutes: 6000), "2020-01-01T00:00+100:00"),
        ]
        for (date, text) in cases { #expect(date.iso8601 == text) }
    }
}
