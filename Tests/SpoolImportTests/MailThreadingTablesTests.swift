import SpoolCore
import Testing

@testable import SpoolImport

/// The flat structures an archive is threaded with: the id table, the scan's columns and
/// the threader's rows.
@Suite struct MailThreadingTablesTests {
    @Test func idsKeepTheirNumbersAsTheTableGrows() {
        var table = MessageIDTable(capacity: 0)
        // 0 and hashes alike in their low bits probe past each other.
        let carried: [UInt64] = [0, 1 << 40, 2 << 40, 3 << 40] + (1...5000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        let numbers = carried.map { table.number(carried: $0) }
        #expect(numbers == Array(0..<carried.count), "numbered in order of first sight")
        #expect(carried.map { table.number(carried: $0) } == numbers, "a second copy gets the first's number")
        #expect(table.carriedCount == carried.count)
        #expect(table.number(carried[7], namedBy: 3) == 7, "a named id that a message carries is not missing")
        let missing = table.number(0xDEAD_BEEF, namedBy: 12)
        #expect(missing == carried.count && table.number(0xDEAD_BEEF, namedBy: 40) == missing)
        #expect(table.namer(ofMissing: missing) == (12, 0xDEAD_BEEF), "the first message naming it")
        #expect(table.count == carried.count + 1)
        table.dropLookup()
        #expect(table.namer(ofMissing: missing) == (12, 0xDEAD_BEEF) && table.count == carried.count + 1)
    }

    @Test func aMessageNamingItsOwnIdKeepsOnlyItsOtherLinks() {
        var found = ScannedMessages()
        let message = ScannedMessage(
            id: "<a@x>", author: "A", subject: nil, span: 0..<1, date: nil, isReadAtSource: false)
        found.append(message, ownHash: 5, references: { $0 += [1, 5, 2, 5] }, inReplyTo: { $0 += [5, 3] })
        found.append(message, ownHash: nil, references: { $0 += [5] }, inReplyTo: { _ in })
        let (hashes, ends) = found.takeLinks()
        #expect(hashes == [1, 2, 3, 5])
        #expect(ends.map(\.references) == [2, 4] && ends.map(\.inReplyTo) == [3, 4])
    }

    @Test func partsJoinWithTheirLinksInPlace() {
        func part(_ ids: [String], links: [UInt64]) -> ScannedMessages {
            var part = ScannedMessages()
            for id in ids {
                let message = ScannedMessage(
                    id: id, author: "A", subject: nil, span: 0..<1, date: nil, isReadAtSource: false)
                part.append(message, ownHash: nil, references: { $0 += links }, inReplyTo: { $0 += [9] })
            }
            return part
        }
        var all = part(["<a>"], links: [1, 2])
        let rest = [part(["<b>", "<c>"], links: [3]), part(["<d>"], links: [])]
        all.reserveCapacity(toAppend: rest)
        for other in rest { all.append(contentsOf: other) }
        #expect(all.messages.map(\.id) == ["<a>", "<b>", "<c>", "<d>"])
        let (hashes, ends) = all.takeLinks()
        #expect(hashes == [1, 2, 9, 3, 9, 3, 9, 9])
        #expect(ends.map(\.references) == [2, 4, 6, 7] && ends.map(\.inReplyTo) == [3, 5, 7, 8])
    }

    @Test func rowsSayWhatTheyWereMadeWith() {
        let rows = [
            MailThreader.Row(message: 0, missingID: nil, parent: nil),
            MailThreader.Row(message: nil, missingID: 0, parent: 0),
            MailThreader.Row(message: 7, missingID: nil, parent: 1),
            MailThreader.Row(message: nil, missingID: 1 << 40, parent: nil),
        ]
        #expect(rows.map(\.message) == [0, nil, 7, nil])
        #expect(rows.map(\.missingID) == [nil, 0, nil, 1 << 40])
        #expect(rows.map(\.parent) == [nil, 0, 1, nil])
    }
}
