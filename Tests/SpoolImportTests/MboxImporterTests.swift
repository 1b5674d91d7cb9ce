import Foundation
import SpoolCore
import SpoolImport
import SpoolTestSupport
import Testing

/// Independent counts from the raw file, by a separate simple scan: messages are the
/// separator lines; threads are connected components when each message is joined to its
/// parent by the rule the importer documents (In-Reply-To if that message is in the file,
/// else the last reference, else In-Reply-To) and a missing reference to the one before it
/// in the first list that names it.
struct RawMailCounts {
    let messages: Int
    let threads: Int

    init(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            Substring(String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self))
        }
        var messages = text.hasPrefix("From ") ? 0 : 1
        var parent: [String: String] = [:]
        func find(_ id: String) -> String {
            var id = id
            while let up = parent[id], up != id { id = up }
            return id
        }
        func union(_ a: String, _ b: String) { parent[find(a)] = find(b) }
        var ids: [String] = []
        var inHeaders = !text.hasPrefix("From ")
        var current: (id: String?, refs: [String], replyTo: [String]) = (nil, [], [])
        var parsed: [(id: String, refs: [String], replyTo: [String])] = []
        var lastField = ""
        func finish() {
            parsed.append((current.id ?? "<anonymous-\(parsed.count)>", current.refs, current.replyTo))
            current = (nil, [], [])
        }
        for line in lines {
            if line.hasPrefix("From ") && !inHeaders {
                messages += 1
                inHeaders = true
                continue
            }
            guard inHeaders else { continue }
            if line.isEmpty {
                inHeaders = false
                finish()
                continue
            }
            let lower = line.lowercased()
            if line.first != " " && line.first != "\t" { lastField = String(lower.prefix { $0 != ":" }) }
            if lastField == "message-id" && current.id == nil {
                // A bare id (`Message-Id: 1.0@host`) counts, wrapped in angle brackets.
                let value = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
                current.id = RawMailCounts.angleIDs(line).first ?? (value.isEmpty ? nil : "<\(value)>")
            }
            if lastField == "references" { current.refs += RawMailCounts.ids(line) }
            if lastField == "in-reply-to" { current.replyTo += RawMailCounts.ids(line) }
        }
        if inHeaders { finish() }
        let present = Set(parsed.map(\.id))
        var linked: Set<String> = []
        for message in parsed {
            ids.append(message.id)
            let refs = message.refs.filter { $0 != message.id }
            let replyTo = message.replyTo.filter { $0 != message.id }
            for id in [message.id] + refs + replyTo where parent[id] == nil { parent[id] = id }
            if let chosen = replyTo.first(where: present.contains) ?? refs.last ?? replyTo.last {
                union(message.id, chosen)
            }
            // A missing message keeps the first parent a reference list gave it.
            for (a, b) in zip(refs, refs.dropFirst()) where !present.contains(b) && a != b && linked.insert(b).inserted
            {
                union(b, a)
            }
        }
        self.messages = messages
        threads = Set(ids.map(find)).count
    }

    /// Ids in angle brackets, or one bare `local@host` value without spaces.
    static func ids(_ line: Substring) -> [String] {
        let found = angleIDs(line)
        let value = (line.first == " " || line.first == "\t" ? line : line.drop { $0 != ":" }.dropFirst())
            .trimmingCharacters(in: .whitespaces)
        if found.isEmpty && value.contains("@") && !value.contains(" ") && !value.isEmpty { return ["<\(value)>"] }
        return found
    }

    static func angleIDs(_ line: Substring) -> [String] {
        line.split(separator: "<").dropFirst().compactMap { piece in
            piece.firstIndex(of: ">").map { "<" + piece[..<$0] + ">" }
        }
    }
}

@Suite struct MboxImporterTests {
    static let fixtures = [
        "mbox/notmuch-list-2009.mbox", "mbox/notmuch-threading-and-duplicates.mbox",
        "mbox/comp.os.linux.alpha-2004-03-part1.mbox", "mbox/groupsio-updates-2014.mbox", "mbox/mbox_complex.mbox",
        "mbox/mbox_iso8859_encoding.mbox", "mbox/mbox_multipart.mbox", "mbox/mbox_single.mbox",
        "mbox/pipermail_2015_november.mbox", "mbox/pipermail_2016_april.mbox", "mbox/pipermail_2016_march.mbox",
        "mbox/nntp_1.txt", "mbox/nntp_2.txt",
    ]

    private func threadCount(_ d: Discussion) -> Int {
        let tree = ThreadTree(d)
        return (1..<tree.count).filter { tree.depth[$0] == 1 }.count
    }

    @Test(arguments: fixtures)
    func messageAndThreadCountsMatchTheRawFile(file: String) throws {
        let d = try Fixture.discussion(file)
        let raw = try RawMailCounts(path: Fixture.path(file))
        #expect(d.format == .mbox)
        #expect(d.comments.filter { !$0.isPlaceholder }.count == raw.messages)
        #expect(threadCount(d) == raw.threads)
    }

    @Test func theLargeArchiveImportsWithTheRightCounts() throws {
        guard let path = Fixture.sharedCorpus("mbox/linux-mips-1996-2002.mbox") else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        // The raw count threads by headers alone, as strict threading does.
        let d = try DiscussionFile.load(path: path, archive: ArchiveOptions(groupsRepliesBySubject: false))
        let grouped = try DiscussionFile.load(path: path)
        let raw = try RawMailCounts(path: path)
        #expect(threadCount(grouped) < threadCount(d), "headerless replies join their subjects' threads")
        #expect(d.comments.filter { !$0.isPlaceholder }.count == 11_758)
        #expect(raw.messages == 11_758)
        // The raw count merges across a reference loop; the importer cuts each loop (which
        // may start a thread of its own) and says so: every extra thread is such a cut.
        let cut = d.notices.first.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
        #expect(cut > 0 && threadCount(d) >= raw.threads && threadCount(d) <= raw.threads + cut)
        #expect(
            d.comments.contains { $0.body.text.unicodeScalars.contains { (0x0410...0x044F).contains($0.value) } },
            "koi8-r decoded to Cyrillic")
        #expect(
            d.comments.contains { $0.body.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } },
            "gb2312/big5 decoded to Han")
        #expect(!d.comments.contains { $0.body.text.contains("=?") && $0.author.contains("=?") })
    }

    @Test func ghostRootAndParentPriorityThreadRight() throws {
        let shape = Fixture.shape(try Fixture.discussion("mbox/notmuch-threading-and-duplicates.mbox"))
        let ghost = try #require(shape.firstIndex(of: "Alice | root message"))
        #expect(
            Array(shape[ghost..<(ghost + 7)]) == [
                "Alice | root message",
                " Alice | child message",
                "  (missing) | ",
                "   Mallory | fake root message",
                "  Alice | grand-child message",
                "   Alice | great grand-child message",
                "  Daniel | grand-child message 2",
            ])
        let priority = try #require(shape.lastIndex(of: "Alice | root message"))
        #expect(
            Array(shape[priority..<(priority + 3)]) == [
                "Alice | root message", " Alice | child message", "  Alice | grand-child message",
            ], "In-Reply-To wins over a mistyped, oldest-last References")
    }

    /// A missing message's placeholder is named by the id its replies give, read back from
    /// their headers: from a long message's first bytes, and from headers longer than those.
    @Test func placeholdersAreNamedFromTheHeadersOfLongMessages() throws {
        let longBody = String(repeating: "patch line\n", count: 5000)
        let longReferences = (0..<700).map { "<older-\($0)@example.org>" }.joined(separator: "\n ")
        let mbox = """
            From a Mon Jan  1 00:00:00 2024
            Message-ID: <one@example.org>
            In-Reply-To: <gone@example.org>
            Subject: Re: long body

            \(longBody)
            From b Mon Jan  1 00:00:00 2024
            Message-ID: <two@example.org>
            References: \(longReferences)
             <lost@example.org>
            Subject: Re: long headers

            short

            """
        let discussion = try MboxImporter().parse(Array(mbox.utf8), file: "long.mbox")
        let placeholders = discussion.comments.filter(\.isPlaceholder).map(\.id)
        #expect(placeholders.contains("<gone@example.org>"), "\(placeholders)")
        #expect(placeholders.contains("<lost@example.org>"), "\(placeholders)")
        #expect(!placeholders.contains { $0.hasSuffix("@missing>") })
    }

    @Test func duplicateMessageIDsStaySeparateWithDistinctKeys() throws {
        let d = try Fixture.discussion("mbox/notmuch-threading-and-duplicates.mbox")
        let copies = d.comments.filter { $0.id == "<87r2ecrr6x.fsf@zephyr.silentflame.com>" }
        #expect(copies.count == 5)
        #expect(Set(copies.map(\.key)).count == 5)
        let first = try #require(d.comments.firstIndex { $0.id == copies[0].id })
        #expect(
            d.comments.filter { $0.id == copies[0].id }.dropFirst().allSatisfy { $0.parent == first },
            "copies hang under the first")
    }

    @Test func theKeyFingerprintsMadeWhileScanningAreThoseOfTheKeys() throws {
        // Copies of an id, messages without one, and a missing parent's placeholder.
        let inline = """
            From a Mon Jan  1 00:00:00 2024
            From: A <a@x>
            Subject: One
            Message-ID: <one@x>
            In-Reply-To: <missing@x>

            first

            From b Mon Jan  1 00:00:00 2024
            From: B <b@x>
            Subject: One again
            Message-ID: <one@x>

            a copy

            From c Mon Jan  1 00:00:00 2024
            From: C <c@x>
            Subject: No id

            no id here

            From c Mon Jan  1 00:00:00 2024
            From: C <c@x>
            Subject: No id

            no id here

            """
        var discussions = [try MboxImporter().parse(Array(inline.utf8), file: "inline.mbox")]
        for name in ["notmuch-threading-and-duplicates.mbox", "notmuch-list-2009.mbox", "mbox_complex.mbox"] {
            discussions.append(try Fixture.discussion("mbox/\(name)"))
        }
        #expect(discussions[0].comments.count == 5 && discussions[0].comments.contains(where: \.isPlaceholder))
        for d in discussions {
            #expect(d.keyFingerprints == d.comments.map(\.key.fingerprint), "\(d.sourceName ?? "")")
        }
        var changed = discussions[0]
        changed.comments[1].key = StableKey(rawValue: "h:other")
        #expect(changed.keyFingerprints == changed.comments.map(\.key.fingerprint), "changed keys are hashed again")
    }

    @Test func headersDecodeNamesDatesAndSubjects() throws {
        let notmuch = try Fixture.discussion("mbox/notmuch-list-2009.mbox")
        let first = try #require(
            notmuch.comments.first { $0.id == "<1258471718-6781-1-git-send-email-dottedmag@dottedmag.net>" })
        #expect(first.author == "Mikhail Gusarov")
        #expect(first.date?.iso8601 == "2009-11-17T21:28:37+06:00")
        #expect(
            first.subject == "[notmuch] [PATCH 1/2] Close message file after parsing message headers",
            "folded header unfolded")
        let alpha = try Fixture.discussion("mbox/comp.os.linux.alpha-2004-03-part1.mbox")
        #expect(alpha.comments.contains { $0.author == "Måns Rullgård" }, "RFC 2047 quoted-printable name")
        let latin1 = try Fixture.discussion("mbox/mbox_iso8859_encoding.mbox")
        #expect(latin1.comments[0].author == "Lucía Charlie")
        let pipermail = try Fixture.discussion("mbox/pipermail_2016_april.mbox")
        #expect(pipermail.comments[0].author == "Jesus M. Gonzalez-Barahona", "pipermail `user at host (Name)`")
    }

    @Test func mimeBodiesAreReadableText() throws {
        let multipart = try Fixture.discussion("mbox/mbox_multipart.mbox")
        for comment in multipart.comments {
            #expect(
                !comment.body.text.contains("=20") && !comment.body.text.contains("=\n"), "quoted-printable decoded")
            #expect(!comment.body.text.contains("<html") && !comment.body.text.contains("Content-Type:"))
        }
        let groups = try Fixture.discussion("mbox/groupsio-updates-2014.mbox")
        for comment in groups.comments {
            #expect(
                !comment.body.text.contains("<div") && !comment.body.text.contains("<p>")
                    && !comment.body.text.contains("&nbsp;"), "HTML became text")
            #expect(!comment.body.text.contains("\r"))
        }
        let notmuch = try Fixture.discussion("mbox/notmuch-list-2009.mbox")
        #expect(notmuch.comments.contains { $0.body.text.contains("[attachment: ") }, "attachments are listed")
    }

    @Test func aNewsArticleWithoutSeparatorIsOneMessage() throws {
        let first = try Fixture.discussion("mbox/nntp_1.txt")
        #expect(first.comments.count == 1)
        let second = try Fixture.discussion("mbox/nntp_2.txt")
        #expect(second.comments.count == 2)
        #expect(second.comments[0].isPlaceholder, "its parent is not in the file")
        #expect(second.comments[1].parent == 0)
    }

    @Test func threadsAreOrderedByTheirLatestMessageNewestFirst() throws {
        let d = try Fixture.discussion("mbox/groupsio-updates-2014.mbox")
        let dates = d.comments.compactMap { $0.date?.secondsSinceEpoch }
        #expect(dates == dates.sorted(by: >))
    }

    @Test func threadOrderAndSubjectGroupingAreOptions() throws {
        let bytes = try Fixture.bytes("mbox/groupsio-updates-2014.mbox")
        let oldest = try DiscussionFile.parse(
            bytes: bytes, file: "g.mbox", archive: ArchiveOptions(newestThreadsFirst: false))
        let dates = oldest.comments.compactMap { $0.date?.secondsSinceEpoch }
        #expect(dates == dates.sorted())
        let grouped = try DiscussionFile.parse(
            bytes: bytes, file: "g.mbox", archive: ArchiveOptions(groupsBySubject: true))
        let roots = grouped.comments.filter { $0.parent == nil }
        #expect(roots.count < 49)
        #expect(
            Set(roots.compactMap { $0.subject.map(Subject.normalised) }).count == roots.count, "one thread per subject")
        #expect(
            try Fixture.discussion("mbox/groupsio-updates-2014.mbox").comments.allSatisfy { $0.parent == nil },
            "off by default")
    }

    @Test func maildirOpensLikeAnArchive() throws {
        let folder = Scratch.folder.appendingPathComponent("spool-maildir-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let root =
            "From: Ann <ann@example.org>\nMessage-ID: <1@x>\nSubject: Hello\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nFirst.\n"
        let reply =
            "From: Bob <bob@example.org>\nMessage-ID: <2@x>\nIn-Reply-To: <1@x>\nSubject: Re: Hello\nDate: Mon, 1 Jan 2024 11:00:00 +0000\n\nSecond.\n"
        try root.write(to: folder.appendingPathComponent("cur/1:2,S"), atomically: true, encoding: .utf8)
        try reply.write(to: folder.appendingPathComponent("new/2"), atomically: true, encoding: .utf8)
        let d = try DiscussionFile.load(path: folder.path)
        #expect(Fixture.shape(d) == ["Ann | Hello", " Bob | Re: Hello"])
        #expect(d.isArchive)
    }

    @Test func aFileWithNoMessageSaysSo() {
        do {
            _ = try MboxImporter().parse(Array("From nobody\njust text\n".utf8), file: "x.mbox")
            Issue.record("parsed")
        } catch let error as ImportError {
            #expect(error.description.hasPrefix("x.mbox:1: no mail message found"))
        } catch {
            Issue.record("\(error)")
        }
    }
}

/// mutt's default: a reply by subject with no threading headers joins its subject's thread.
@Suite struct SubjectReplyGroupingTests {
    private let mail = """
        From x Mon Jan  1 09:00:00 2024
        From: Cy <c@x>
        Message-ID: <0@x>
        Subject: Re: Plans
        Date: Mon, 1 Jan 2024 09:00:00 +0000

        A reply whose mailer wrote no In-Reply-To, before the original in the file.

        From a Mon Jan  1 10:00:00 2024
        From: Ann <a@x>
        Message-ID: <1@x>
        Subject: Plans
        Date: Mon, 1 Jan 2024 10:00:00 +0000

        Root.

        From d Mon Jan  1 12:00:00 2024
        From: Dee <d@x>
        Message-ID: <3@x>
        Subject: [list] RE: plans
        Date: Mon, 1 Jan 2024 12:00:00 +0000

        Another headerless reply.

        From e Mon Jan  1 13:00:00 2024
        From: Eve <e@x>
        Message-ID: <4@x>
        Subject: Plans
        Date: Mon, 1 Jan 2024 13:00:00 +0000

        A new thread that only shares the subject.
        """

    private func roots(_ options: ArchiveOptions) throws -> [String] {
        let archive = try MboxImporter(options: options).parse(Array(mail.utf8), file: "g.mbox")
        return archive.comments.filter { $0.parent == nil }.map(\.author).sorted()
    }

    @Test func headerlessRepliesJoinTheirSubjectsThreadByDefault() throws {
        #expect(try roots(ArchiveOptions()) == ["Ann", "Eve"], "Cy and Dee join Ann's thread; Eve's stays apart")
        let archive = try MboxImporter().parse(Array(mail.utf8), file: "g.mbox")
        let ann = try #require(archive.comments.firstIndex { $0.author == "Ann" })
        #expect(Set(archive.comments.filter { $0.parent == ann }.map(\.author)) == ["Cy", "Dee"])
    }

    @Test func strictThreadingAndFullGroupingAreOptions() throws {
        #expect(try roots(ArchiveOptions(groupsRepliesBySubject: false)) == ["Ann", "Cy", "Dee", "Eve"])
        #expect(try roots(ArchiveOptions(groupsBySubject: true)).count == 1, "--group-by-subject joins every root")
    }

    @Test func replyPrefixesAreRecognised() {
        #expect(Subject.isReply("Re: x") && Subject.isReply("[list] RE: x") && Subject.isReply("AW: x"))
        #expect(!Subject.isReply("Fwd: x") && !Subject.isReply("Plans") && !Subject.isReply("Regarding: x"))
    }
}
