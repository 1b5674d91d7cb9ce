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

    /// Message-IDs hash apart: ids alike but for a digit or their length, and the same id
    /// as text or bytes.
    @Test func messageIDHashesTellSimilarIDsApart() {
        var seen: Set<UInt64> = []
        for number in 0..<50_000 {
            for id in ["<\(number)@example.org>", "<msg-\(number).x@lists.example.org>", "<\(number)>", "<a\(number)"] {
                let hash = MessageIDHash.of(id)
                #expect(seen.insert(hash).inserted, "\(id)")
                #expect(Array(id.utf8).withUnsafeBytes { MessageIDHash.of($0) } == hash)
            }
        }
        #expect(MessageIDHash.of("") != MessageIDHash.of("\u{0}"), "the length counts")
    }

    /// Links numbered on several cores get the numbers one pass in file order gives: the
    /// carried ids' found by lookup, the missing ones' by their first naming.
    @Test func linksNumberedInPartsAsInOnePass() {
        var generator = SystemRandomNumberGenerator()
        let carried = (0..<3000).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        let absent = (0..<500).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        var links: [UInt64] = []
        var ends: [(references: Int, inReplyTo: Int)] = []
        for _ in 0..<2000 {
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                links.append(Bool.random(using: &generator) ? carried.randomElement()! : absent.randomElement()!)
            }
            let references = links.count
            if Bool.random(using: &generator) { links.append(carried.randomElement()!) }
            ends.append((references, links.count))
        }
        var (oneTable, partsTable) = (MessageIDTable(capacity: 0), MessageIDTable(capacity: 0))
        for hash in carried {
            _ = oneTable.number(carried: hash)
            _ = partsTable.number(carried: hash)
        }
        var one = links
        var start = 0
        for (message, end) in ends.enumerated() {
            for position in start..<end.inReplyTo {
                one[position] = UInt64(oneTable.number(one[position], namedBy: message))
            }
            start = end.inReplyTo
        }
        var inParts = links
        partsTable.number(links: &inParts, ends: ends, minimumPerPart: 100)
        #expect(inParts.elementsEqual(one), "numbered as in one pass")
        #expect(partsTable.count == oneTable.count && partsTable.count > carried.count)
        for missing in carried.count..<oneTable.count {
            #expect(partsTable.namer(ofMissing: missing) == oneTable.namer(ofMissing: missing))
        }
        var none: [UInt64] = []
        partsTable.number(links: &none, ends: [(0, 0), (0, 0)], minimumPerPart: 1)
        #expect(none.isEmpty, "messages without links")
    }

    static func append(
        _ message: ScannedMessage, id: String, to found: inout ScannedMessages, ownHash: UInt64?, links: [UInt64],
        inReplyTo: [UInt64]
    ) {
        Array(id.utf8).withUnsafeBytes { id in
            found.append(message, id: id, ownHash: ownHash, references: { $0 += links }, inReplyTo: { $0 += inReplyTo })
        }
    }

    @Test func aMessageNamingItsOwnIdKeepsOnlyItsOtherLinks() {
        var found = ScannedMessages()
        let message = ScannedMessage(author: "A", subject: nil, span: 0..<1, date: nil, isReadAtSource: false)
        Self.append(message, id: "<a@x>", to: &found, ownHash: 5, links: [1, 5, 2, 5], inReplyTo: [5, 3])
        Self.append(message, id: "", to: &found, ownHash: nil, links: [5], inReplyTo: [])
        let (hashes, ends) = found.takeLinks()
        #expect(hashes == [1, 2, 3, 5])
        #expect(ends.map(\.references) == [2, 4] && ends.map(\.inReplyTo) == [3, 4])
    }

    @Test func partsJoinWithTheirLinksInPlace() {
        func part(_ ids: [String], links: [UInt64]) -> ScannedMessages {
            var part = ScannedMessages()
            for id in ids {
                let message = ScannedMessage(author: "A", subject: nil, span: 0..<1, date: nil, isReadAtSource: false)
                Self.append(message, id: id, to: &part, ownHash: nil, links: links, inReplyTo: [9])
            }
            return part
        }
        var all = part(["<a>"], links: [1, 2])
        let rest = [part(["<b>", ""], links: [3]), part(["<d>"], links: [])]
        all.reserveCapacity(toAppend: rest)
        for other in rest { all.append(contentsOf: other) }
        #expect((0..<all.count).map { all.hasMessageID($0) } == [true, true, false, true])
        let ids = all.takeIDs()
        #expect((0..<ids.count).map { ids[$0] } == ["<a>", "<b>", "", "<d>"])
        let (hashes, ends) = all.takeLinks()
        #expect(hashes == [1, 2, 9, 3, 9, 3, 9, 9])
        #expect(ends.map(\.references) == [2, 4, 6, 7] && ends.map(\.inReplyTo) == [3, 5, 7, 8])
    }

    @Test func aScannedMessageIsSixtyFourBytes() {
        // A million are held while an archive is scanned: every 8 bytes here is 8 MB.
        #expect(MemoryLayout<ScannedMessage>.stride <= 64)
        #expect(MemoryLayout<MailThreader.Row>.stride == 8)
    }

    @Test func runsHoldTheMessagesInOrderAndAreGivenUpOneGroupAtATime() {
        var first = ScannedMessages()
        var second = ScannedMessages()
        let total = ScannedMessages.runLength * 2 + 10
        for index in 0..<total {
            let message = ScannedMessage(
                author: "A", subject: nil, span: index..<(index + 1), date: nil, isReadAtSource: false)
            if index < ScannedMessages.runLength + 3 {
                Self.append(message, id: "<\(index)>", to: &first, ownHash: nil, links: [], inReplyTo: [])
            } else {
                Self.append(message, id: "<\(index)>", to: &second, ownHash: nil, links: [], inReplyTo: [])
            }
        }
        first.reserveCapacity(toAppend: [second])
        first.append(contentsOf: second)
        #expect(first.count == total)
        for index in [
            0, 1, ScannedMessages.runLength - 1, ScannedMessages.runLength, ScannedMessages.runLength + 3, total - 1,
        ] {
            #expect(first[index].span == index..<(index + 1))
        }
        var seen: [Int] = []
        var groups = 0
        first.consumeRuns(width: 2) { runs in
            groups += 1
            #expect(runs.count <= 2)
            for run in runs {
                run.takeEach { index, message in seen.append(index == message.span.lowerBound ? index : -1) }
            }
        }
        #expect(seen == Array(0..<total), "every message once, by its index in the file")
        #expect(groups == 2, "runs of the first part (two) and of the second (two), two at a time")
        #expect(first.isEmpty)
    }

    /// Each comment's row: the messages' rows by their index in the file, then the
    /// placeholders' rows in row order; every row gets one comment.
    @Test func everyCommentIsMadeAtItsRow() {
        let rows = [
            MailThreader.Row(message: 2, missingID: nil, parent: nil),
            MailThreader.Row(message: nil, missingID: 0, parent: nil),
            MailThreader.Row(message: 0, missingID: nil, parent: 1),
            MailThreader.Row(message: nil, missingID: 1, parent: nil),
            MailThreader.Row(message: 1, missingID: nil, parent: 3),
        ]
        #expect(ReadingOrder.destinations(of: rows, messageCount: 3) == [2, 4, 0, 1, 3])
        var generator = SystemRandomNumberGenerator()
        let messages = Array(0..<5000).shuffled(using: &generator)
        let shuffled = messages.map { MailThreader.Row(message: $0, missingID: nil, parent: nil) }
        let destinations = ReadingOrder.destinations(of: shuffled, messageCount: messages.count)
        #expect(messages.indices.allSatisfy { destinations[messages[$0]] == $0 })
    }

    @Test func rowsSayWhatTheyWereMadeWith() {
        let rows = [
            MailThreader.Row(message: 0, missingID: nil, parent: nil),
            MailThreader.Row(message: nil, missingID: 0, parent: 0),
            MailThreader.Row(message: 7, missingID: nil, parent: 1),
            MailThreader.Row(message: nil, missingID: 1 << 30, parent: nil),
        ]
        #expect(rows.map(\.message) == [0, nil, 7, nil])
        #expect(rows.map(\.missingID) == [nil, 0, nil, 1 << 30])
        #expect(rows.map(\.parent) == [nil, 0, 1, nil])
    }
}
