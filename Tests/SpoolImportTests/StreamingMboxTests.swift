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

    @Test(arguments: ["<a@b> <c@d>", "  <a@b>\t<c d@e> <>", "<a@b", "plain@address", "<ä@b>"])
    func byteIDsAgreeWithTheStringParser(raw: String) {
        let fast = Array(raw.utf8).withUnsafeBytes { MailHeaderBytes.messageIDs($0) }
        var hashes: [UInt64] = [7]
        let hashed = Array(raw.utf8).withUnsafeBytes { MailHeaderBytes.appendMessageIDHashes($0, to: &hashes) }
        let first = Array(raw.utf8).withUnsafeBytes { MailHeaderBytes.firstMessageID($0) }
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
