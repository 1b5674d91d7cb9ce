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
        #expect(lines.contains { $0.contains("messages, ") && $0.contains(" unread)") })
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
        #expect(harness.screen.textLines[1].contains("(message not in archive)"))
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
        #expect(lines[1].hasSuffix("Plans"))
        #expect(lines[2].hasSuffix("Same subject."), "an unchanged subject gives way to the body")
        #expect(lines[3].hasSuffix("Re: Plans (was: lunch)"))
    }
}
