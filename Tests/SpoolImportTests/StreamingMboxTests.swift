import Foundation
import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// The streaming mbox path: windows, parts, deferred bodies and the byte-level header readers.
@Suite struct StreamingMboxTests {
    /// An archive with replies, a folded References header, an encoded name, a body line
    /// escaped as `>From ` and a quoted-printable body, repeated to span many windows.
    static func archive(messages: Int) -> [UInt8] {
        var text = ""
        for index in 0..<messages {
            let parent = index == 0 ? nil : index / 2
            text += "From sender\(index)@example.org Tue Nov 17 15:28:37 2009\n"
            text += "From: =?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <zoe\(index % 3)@example.org>\n"
            text += "Subject: Re: topic \(index % 5)\n"
            text += "Date: Tue, \(1 + index % 28) Nov 2009 21:\(10 + index % 50):37 +0600\n"
            text += "Message-ID: <m\(index)@example.org>\n"
            if let parent {
                text +=
                    "In-Reply-To: <m\(parent)@example.org>\nReferences: <m0@example.org>\n <m\(parent)@example.org>\n"
            }
            if index % 4 == 0 {
                text +=
                    "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\ncaf=E9 number \(index)\n"
            } else {
                text += "\nBody of \(index).\n>From the archive, quoted.\n\n"
            }
        }
        return Array(text.utf8)
    }

    static func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let url = Scratch.folder.appendingPathComponent(
            "spool-stream-\(UUID().uuidString).mbox")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    static func summary(_ d: Discussion) -> [String] {
        d.comments.map {
            "\($0.id) \($0.parent ?? -1) \($0.author) \($0.date?.iso8601 ?? "-") \($0.subject ?? "-") | \($0.body.text)"
        }
    }

    @Test(arguments: [256, 1000, 4096, 1 << 20])
    func smallWindowsAndSeveralPartsReadTheSameArchive(chunk: Int) throws {
        let bytes = Self.archive(messages: 120)
        let expected = Self.summary(try MboxImporter().parse(bytes, file: "a.mbox"))
        #expect(expected.count == 120)
        #expect(expected[0].hasSuffix("| café number 0"))
        #expect(expected.contains { $0.hasSuffix("| Body of 1.\nFrom the archive, quoted.") }, ">From loses one >")
        try Self.withFile(bytes) { path in
            for parts in [1, 2, 3, 7] {
                let store = try #require(ByteStore(openingFileAt: DiskPath(path)))
                let d = try MboxImporter().parse(store: store, file: path, parts: parts, chunk: chunk)
                #expect(Self.summary(d) == expected, "chunk \(chunk), \(parts) parts")
            }
        }
    }

    @Test(arguments: [128, 300, 4096])
    func bodiesFullOfFAndFromLikeLinesSplitOnlyAtSeparators(chunk: Int) throws {
        // The separator search looks for `F` first: bodies of them, and lines that start
        // like a separator but are not one, must not split a message or hide one.
        var text = ""
        for index in 0..<60 {
            text += "From sender\(index)@example.org Tue Nov 17 15:28:37 2009\n"
            text += "From: F\(index) <f@example.org>\nSubject: FF \(index)\nMessage-ID: <f\(index)@x>\n\n"
            text += String(repeating: "F", count: index * 7) + "\nFFrom x\nX-Note: a field\nFrom\nFromage\nxFrom y\n"
            text += "Note: a field\n"
            text += "From the shop, no header after this line\n\nF\nF" + (index % 3 == 0 ? "\n" : " end\n")
        }
        let bytes = Array(text.utf8)
        let expected = Self.summary(try MboxImporter().parse(bytes, file: "f.mbox"))
        #expect(expected.count == 60)
        #expect(expected.allSatisfy { $0.contains("Fromage") && $0.contains("From the shop") })
        try Self.withFile(bytes) { path in
            for parts in [1, 2, 5] {
                let store = try #require(ByteStore(openingFileAt: DiskPath(path)))
                let d = try MboxImporter().parse(store: store, file: path, parts: parts, chunk: chunk)
                #expect(Self.summary(d) == expected, "chunk \(chunk), \(parts) parts")
            }
        }
    }

    @Test(arguments: [
        "mbox/notmuch-list-2009.mbox", "mbox/notmuch-threading-and-duplicates.mbox",
        "mbox/comp.os.linux.alpha-2004-03-part1.mbox",
        "mbox/mbox_multipart.mbox", "mbox/pipermail_2016_march.mbox", "mbox/groupsio-updates-2014.mbox",
    ])
    func corpusFilesReadAlikeInSmallWindowsAndParts(name: String) throws {
        let expected = Self.summary(try MboxImporter().parse(try Fixture.bytes(name), file: name))
        let store = try #require(ByteStore(openingFileAt: DiskPath(Fixture.path(name))))
        let d = try MboxImporter().parse(store: store, file: name, parts: 3, chunk: 700)
        #expect(Self.summary(d) == expected)
    }

    @Test func bodiesStayInTheFileUntilShown() throws {
        try Self.withFile(Self.archive(messages: 10)) { path in
            let d = try DiscussionFile.load(path: path)
            #expect(d.comments.allSatisfy { $0.body.isDeferred })
            #expect(
                d.comments.first { $0.id == "<m3@example.org>" }?.body.text == "Body of 3.\nFrom the archive, quoted.")
        }
    }

    @Test func aFileThatShrinksAfterOpeningGivesANoteNotACrash() throws {
        try Self.withFile(Self.archive(messages: 10)) { path in
            let d = try DiscussionFile.load(path: path)
            try Data("From x\n".utf8).write(to: URL(fileURLWithPath: path))
            let last = try #require(
                d.comments.max { ($0.body.span?.lowerBound ?? 0) < ($1.body.span?.lowerBound ?? 0) })
            #expect(last.body.text.contains("changed since it was opened"))
        }
    }

    @Test func aPlaceholderGetsTheMissingIDReadBackFromTheReply() throws {
        let text = """
            From a Tue Nov 17 15:28:37 2009
            From: A <a@x>
            Message-ID: <child@x>
            In-Reply-To: <gone@x>
            References: <gone@x>

            hi

            """
        let d = try MboxImporter().parse(Array(text.utf8), file: "p.mbox")
        #expect(d.comments.map(\.id) == ["<gone@x>", "<child@x>"])
        #expect(d.comments[0].isPlaceholder)
    }

    /// A References header folded over 20,000 lines (hostile or broken mailers) is read
    /// whole, and its last id still decides the parent.
    @Test func aHeaderFoldedOverManyLinesIsReadWhole() throws {
        var text = "From a Tue Nov 17 15:28:37 2009\nFrom: A <a@x>\nMessage-ID: <root@x>\n\nroot\n\n"
        text += "From b Tue Nov 17 15:28:38 2009\nFrom: B <b@x>\nMessage-ID: <reply@x>\nReferences:"
        for index in 0..<20_000 { text += " <gone\(index)@x>\n" }
        text += " <root@x>\n\nreply\n"
        let d = try MboxImporter().parse(Array(text.utf8), file: "folded.mbox")
        let reply = try #require(d.comments.first { $0.id == "<reply@x>" })
        #expect(reply.parent.map { d.comments[$0].id } == "<root@x>")
    }

    @Test(arguments: [
        "Tue, 17 Nov 2009 21:28:37 +0600", "17 Nov 2009 21:28 -0000", "Thu, 25 Oct 2018 10:41:38 -0300 (BRT)",
        "Sat, 5 Jan 2019 19:13:12 -0400", "Tue, 31 Feb 2009 10:00:00 +0000", "Mon, 1 Jan 2001 25:00:00 +0000",
        "Fri, 19 Mar 04 08:20:57 PST", "Tue Nov 17 15:28:37 2009",
    ])
    func byteDatesAgreeWithTheStringParser(raw: String) {
        let fast = Array(raw.utf8).withUnsafeBytes { MailHeaderBytes.date($0) }
        if let fast { #expect(fast == MailDate.parse(raw), "the byte reader only answers when it agrees") }
    }

    /// The ids read a word at a time are those a byte at a time finds: random values of
    /// brackets, spaces, letters and bytes past ASCII, of every length around a word's.
    @Test func idsReadByWordsAsByBytes() {
        func byBytes(_ value: [UInt8]) -> [String]? {
            var ids: [String] = []
            var index = 0
            while index < value.count {
                guard value[index] < 0x80 else { return nil }
                guard value[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                var close = index + 1
                var hasSpace = false
                while close < value.count && value[close] != UInt8(ascii: ">") {
                    if value[close] == 0x20 { hasSpace = true }
                    if value[close] >= 0x80 { return nil }
                    close += 1
                }
                guard close < value.count else { break }
                if close - index > 1 && !hasSpace { ids.append(String(decoding: value[index...close], as: UTF8.self)) }
                index = close + 1
            }
            return ids.isEmpty ? nil : ids
        }
        let alphabet: [[UInt8]] = ["<", ">", " ", "a", "@", ".", "\t", "\u{E9}", "x1"].map { Array($0.utf8) }
        var generator = SystemRandomNumberGenerator()
        for length in 0..<60 {
            for _ in 0..<200 {
                var value: [UInt8] = []
                while value.count < length { value += alphabet.randomElement(using: &generator)! }
                let fast = value.withUnsafeBytes { MailHeaderBytes.messageIDs($0) }
                #expect(fast == byBytes(value), "\(String(decoding: value, as: UTF8.self))")
            }
        }
    }

    @Test(arguments: [
        "<a@b> <c@d>", "  <a@b>\t<c d@e> <>", "<a@b", "plain@address", "<ä@b>",
        "<20091117212837.GA1234@long.example.org> <second.id.which.is.long@lists.example.org>",
        "<a-long-id-with no-closing@example.org", "<a-long-id-past-ascii@éxample.org>",
    ])
    func byteIDsAgreeWithTheStringParser(raw: String) {
        let fast = Array(raw.utf8).withUnsafeBytes { MailHeaderBytes.messageIDs($0) }
        var hashes: [UInt64] = [7]
        let hashed = Array(raw.utf8).withUnsafeBytes { MailHeaderBytes.appendMessageIDHashes($0, to: &hashes) }
        let first = Array(raw.utf8).withUnsafeBytes {
            MailHeaderBytes.firstMessageID($0).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(hashed == (fast != nil) && (first != nil) == (fast != nil))
        if let fast {
            #expect(fast == MessageIDs.all(in: raw))
            #expect(hashes == [7] + fast.map { MessageIDHash.of($0) })
            #expect(first == fast.first)
        } else {
            #expect(hashes == [7], "a value the byte reader leaves to the string parser adds nothing")
        }
    }
}

/// An archive of more messages than a scan's run holds, threaded out of file order.
@Suite struct ManyRunsMboxTests {
    @Test func commentsMadeRunByRunLandInReadingOrderWithTheirParents() throws {
        // Threads of four: a root, two replies to it and a reply to the second; every tenth
        // thread's root is missing (its replies hang under a placeholder). Threads are
        // interleaved in the file and dated so that reading order (newest thread first)
        // is far from file order.
        let threads = (ScannedMessages.runLength * 2 + 4000) / 4
        var expectedParent: [String: String] = [:]
        var text = ""
        var messages = 0
        for round in 0..<4 {
            for thread in 0..<threads {
                let id = "<t\(thread).\(round)@x>"
                let parentID = round == 0 ? nil : round == 3 ? "<t\(thread).2@x>" : "<t\(thread).0@x>"
                if round == 0 && thread % 10 == 0 { continue }
                messages += 1
                expectedParent[id] = parentID
                let minute = (thread * 7919) % (threads * 4) + round
                text += "From x Tue Nov 17 15:28:37 2009\nFrom: P\(thread % 13) <p@x>\nSubject: s\(thread)\n"
                let (day, hour) = ((minute / 1440) % 28 + 1, (minute / 60) % 24)
                let month = ["Jan", "Feb", "Mar", "Apr"][minute / (1440 * 28)]
                text += "Date: \(day) \(month) 2017 \(hour):\(minute % 60):00 +0000\n"
                text += "Message-ID: \(id)\n" + (parentID.map { "In-Reply-To: \($0)\n" } ?? "") + "\nbody\n\n"
            }
        }
        let bytes = Array(text.utf8)
        let whole = try MboxImporter().parse(bytes, file: "runs.mbox")
        let comments = whole.comments
        #expect(comments.count == messages + (threads + 9) / 10)
        for (index, comment) in comments.enumerated() {
            if comment.isPlaceholder {
                #expect(comment.parent == nil && comment.id.hasSuffix(".0@x>"))
                continue
            }
            let parentID = expectedParent[comment.id] ?? nil
            #expect(comment.parent.map { comments[$0].id } == parentID, "\(comment.id)")
            #expect((comment.parent ?? -1) < index)
        }
        let latest = comments.indices.filter { comments[$0].parent == nil }.map { root in
            comments[root...].prefix { $0.parent != nil || $0.id == comments[root].id }.compactMap(\.date).map(
                \.secondsSinceEpoch
            ).max() ?? 0
        }
        #expect(latest == latest.sorted(by: >), "threads newest first")
        #expect(Set(comments.map(\.id)).count == comments.count)
        try StreamingMboxTests.withFile(bytes) { path in
            let store = try #require(ByteStore(openingFileAt: DiskPath(path)))
            let parts = try MboxImporter().parse(store: store, file: path, parts: 3, chunk: 1 << 16)
            #expect(StreamingMboxTests.summary(parts) == StreamingMboxTests.summary(whole))
            #expect(parts.keyFingerprints == whole.keyFingerprints)
        }
    }
}
