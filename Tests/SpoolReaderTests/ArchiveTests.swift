import Foundation
import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

@Suite struct ArchiveTests {
    @Test func manyThreadsStartFoldedWithTheirCounts() throws {
        var harness = try ReaderHarness(fixture: "mbox/notmuch-list-2009.mbox", columns: 100, rows: 20)
        #expect(harness.reader.rows.count == 25, "the archive row and 24 folded threads")
        let lines = harness.screen.textLines
        #expect(lines[0].hasPrefix("notmuch-list-2009.mbox  24 threads · 53 messages"))
        #expect(
            lines.contains { $0.contains("[notmuch] Introducing myself  3/3  Adrian") }, "subject, size/unread, author")
        try harness.press("j")
        let folded = harness.reader.rows.count
        try harness.press("l")
        #expect(harness.reader.rows.count > folded, "l opens a thread")
        try harness.press("<Tab>")
        #expect(harness.reader.marks.unreadCount < 53, "Tab reads into the forest")
    }

    @Test func fewThreadsStartOpenAndPlaceholdersAreNotUnread() throws {
        let harness = try ReaderHarness(fixture: "mbox/nntp_2.txt", columns: 100, rows: 20)
        #expect(harness.reader.rows.count == 3)
        #expect(harness.reader.marks.unreadCount == 1)
        #expect(
            harness.screen.textLines[1].hasPrefix("└─   2016-03-15  Re: Github wiki vs Mozilla wiki"),
            "a thread whose first message is missing shows the subject of the first one present")
    }

    @Test func subjectsShowOnlyWhereTheyChange() throws {
        let mail = """
            From: Ann <a@x>
            Message-ID: <1@x>
            Subject: Plans
            Date: Mon, 1 Jan 2024 10:00:00 +0000

            Root.

            From b Mon Jan  1 11:00:00 2024
            From: Bob <b@x>
            Message-ID: <2@x>
            In-Reply-To: <1@x>
            Subject: Re: Plans
            Date: Mon, 1 Jan 2024 11:00:00 +0000

            Same subject.

            From c Mon Jan  1 12:00:00 2024
            From: Cy <c@x>
            Message-ID: <3@x>
            In-Reply-To: <2@x>
            Subject: Re: Plans (was: lunch)
            Date: Mon, 1 Jan 2024 12:00:00 +0000

            New subject.
            """
        let archive = try DiscussionFile.parse(bytes: Array(mail.utf8), file: "plans.mbox")
        let lines = ReaderHarness(discussion: archive, columns: 100, rows: 20).screen.textLines
        #expect(lines[1].hasSuffix("Plans  3/3  Ann"), "the thread row: date, subject, 3 messages 3 unread, author")
        #expect(lines[2].hasSuffix("Same subject."), "an unchanged subject gives way to the body")
        #expect(lines[3].hasSuffix("Re: Plans (was: lunch)"))
    }
}

/// Reading an archive as a mutt user does: subjects on thread rows at 120 columns, the
/// date that sorts a thread, previews that skip quotes, attributions and signatures.
@Suite struct ArchiveRowTests {
    @Test func everyThreadRowShowsItsSubjectAtTheDefaultSize() throws {
        let harness = try ReaderHarness(fixture: "mbox/notmuch-list-2009.mbox", columns: 120, rows: 40)
        let reader = harness.reader
        let tree = harness.screen.textLines.map { String($0.prefix(reader.viewport.tree.width)) }
        for row in 1..<min(reader.rows.count, reader.viewport.tree.height)
        where reader.tree.depth[reader.rows[row]] == 1 {
            let node = reader.rows[row]
            let subject = reader.comment(at: node).subject ?? ""
            guard !reader.comment(at: node).isPlaceholder, subject.count > 10 else { continue }
            #expect(tree[row].contains(String(subject.prefix(10))), "\(tree[row]) shows \(subject)")
        }
    }

    @Test func aThreadRowShowsTheDateOfItsLatestMessage() throws {
        let mail = """
            From: Ann <a@x>
            Message-ID: <1@x>
            Subject: Plans
            Date: Mon, 1 Jan 2024 10:00:00 +0000

            Root.

            From b Mon Jan  1 11:00:00 2024
            From: Bob <b@x>
            Message-ID: <2@x>
            In-Reply-To: <1@x>
            Subject: Re: Plans
            Date: Sun, 7 Jan 2024 11:00:00 +0000

            Later.
            """
        let archive = try DiscussionFile.parse(bytes: Array(mail.utf8), file: "plans.mbox")
        let lines = ReaderHarness(discussion: archive, columns: 100, rows: 20).screen.textLines
        #expect(lines[1].hasPrefix("└─ ● 2024-01-07  Plans"), "\(lines[1])")
    }
}

/// What a mail reader already marked read stays read the first time Spool opens it.
@Suite struct ReadAtSourceTests {
    private let mbox = """
        From a Mon Jan  1 10:00:00 2024
        From: Ann <a@x>
        Message-ID: <1@x>
        Subject: Plans
        Status: RO
        Date: Mon, 1 Jan 2024 10:00:00 +0000

        Root.

        From b Mon Jan  1 11:00:00 2024
        From: Bob <b@x>
        Message-ID: <2@x>
        In-Reply-To: <1@x>
        Subject: Re: Plans
        Status: O
        Date: Mon, 1 Jan 2024 11:00:00 +0000

        Reply.
        """

    @Test func mboxStatusReadStartsReadOnTheFirstVisitOnly() throws {
        let archive = try DiscussionFile.parse(bytes: Array(mbox.utf8), file: "plans.mbox")
        #expect(archive.comments.map(\.isReadAtSource) == [true, false])
        let store = RecordingStore()
        var first = ReaderHarness(discussion: archive, columns: 100, rows: 20, store: store)
        #expect(first.reader.marks.unreadCount == 1)
        first.runner.program.saveAll()
        #expect(store.readChanges.map(\.read) == [true], "saved like any mark")
        let later = ReaderHarness(
            discussion: archive, columns: 100, rows: 20,
            saved: SavedState(previouslySeen: KeyFingerprints(archive.comments.map(\.key))))
        #expect(later.reader.marks.unreadCount == 2, "after the first visit Spool's own marks decide")
    }

    @Test func maildirSeenFlagsStartRead() throws {
        let root = Scratch.folder.appendingPathComponent("spool-flags-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let parts = mbox.components(separatedBy: "\nFrom b Mon Jan  1 11:00:00 2024\n")
        let first = parts[0].split(separator: "\n", maxSplits: 1)[1].replacingOccurrences(of: "Status: RO\n", with: "")
        try Data(first.utf8).write(to: root.appendingPathComponent("cur/1.host:2,FS"))
        try Data(parts[1].replacingOccurrences(of: "Status: O\n", with: "").utf8).write(
            to: root.appendingPathComponent("cur/2.host:2,"))
        let archive = try DiscussionFile.load(path: root.path)
        let read = archive.comments.filter { !$0.isPlaceholder }.map { "\($0.author) \($0.isReadAtSource)" }
        #expect(read.sorted() == ["Ann true", "Bob false"])
    }
}
