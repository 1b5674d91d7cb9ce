import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolReader

/// `H` (full headers), `V` (attachments) and `s` (save) on a message with two attachments.
@Suite struct MessagePartsTests {
    static let file = "mbox/attachments.mbox"

    /// A harness with the message that has attachments selected.
    static func onTheMessage() throws -> ReaderHarness {
        var harness = try ReaderHarness(fixture: file, columns: 120, rows: 30)
        try harness.press("/Logs<Enter>")
        #expect(harness.reader.comment(at: harness.reader.selected).id == "<logs-1@example.org>")
        return harness
    }

    @Test func hShowsTheFullHeadersAndHidesThemAgain() throws {
        var harness = try Self.onTheMessage()
        #expect(!harness.articleLines.contains { $0.text.hasPrefix("Message-ID:") })
        try harness.press("H")
        let lines = harness.articleLines.map(\.text)
        #expect(
            lines.prefix(8) == [
                "From:       \"Alice Liddell\" <alice@example.org>", "To:         list@example.org",
                "Cc:         Bob <bob@example.org>", "Newsgroups: comp.example",
                "Date:       Tue, 17 Nov 2009 10:21:03 +0100", "Subject:    Logs and a picture",
                "Message-ID: <logs-1@example.org>", "List-Id:    Example list <list.example.org>",
            ])
        #expect(lines.contains("The build log and the screenshot are attached."), "the body follows")
        try harness.press("j")
        #expect(harness.articleLines.first?.text == "From:        Bob <bob@example.org>", "the setting stays on")
        try harness.press("H")
        #expect(harness.message == "Full headers hidden.")
        #expect(harness.articleLines.first?.text == "Bob")
    }

    @Test func hOnACommentWithoutHeadersSaysSo() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("jH")
        #expect(harness.message?.contains("this row has none") == true)
        #expect(harness.articleLines.first?.text == "Philip Measures")
    }

    @Test func vListsAttachmentsAndADigitViewsOne() throws {
        var harness = try Self.onTheMessage()
        try harness.press("V")
        guard case .choosingAttachment(let list) = harness.reader.mode else {
            Issue.record("no list: \(harness.reader.mode)")
            return
        }
        #expect(list.entries == ["build.log  text/plain, 30 bytes", "screen.png  image/png, 512 bytes"])
        #expect(harness.screen.textDump.contains("View which attachment?"))
        try harness.press("1")
        #expect(harness.takeCommands() == [.page("cc -c café.c\nerror: missing ;\n")], "text in its charset")
        try harness.press("V2")
        #expect(
            harness.takeCommands() == [
                .view(bytes: Array(0...255) + Array(0...255), type: "image/png", name: "screen.png")
            ])
        try harness.press("Vx")
        #expect(harness.reader.mode == .browsing && harness.takeCommands() == [], "another key closes the list")
    }

    @Test func vThenSSavesAnAttachmentUnderItsOwnNameWithoutItsFolder() throws {
        var harness = try Self.onTheMessage()
        try harness.press("Vs2")
        #expect(harness.reader.prompt?.line.text == "screen.png", "../ is dropped from the name")
        #expect(harness.screen.textDump.contains("Save to: screen.png"))
        try harness.press("<C-a>shots/<Enter>")
        #expect(
            harness.takeCommands() == [
                .writeFile(path: "shots/screen.png", bytes: Array(0...255) + Array(0...255), appending: false)
            ])
    }

    @Test func sAppendsTheMessageAsAnMboxEntry() throws {
        var harness = try Self.onTheMessage()
        try harness.press("s")
        #expect(harness.reader.prompt?.line.text == "saved.mbox")
        try harness.press("<C-u>~/mail/kept.mbox<Enter>")
        let commands = harness.takeCommands()
        guard case .writeFile(let path, let bytes, let appending) = commands.first else {
            Issue.record("nothing written: \(commands)")
            return
        }
        #expect(path == "~/mail/kept.mbox" && appending)
        let entry = String(decoding: bytes, as: UTF8.self)
        #expect(entry.hasPrefix("From alice@example.org Tue Nov 17 10:21:03 2009\nFrom: \"Alice Liddell\""))
        #expect(entry.contains("\n>From here on it fails.\n"), "a body line starting From is quoted")
        #expect(entry.hasSuffix("--XYZ--\n\n"))
        // The entry is a mailbox of its own: the same message, text and attachments.
        let again = try MboxImporter().parse(bytes, file: "kept.mbox")
        #expect(again.comments.count == 1)
        #expect(again.comments[0].body.text == harness.reader.comment(at: harness.reader.selected).body.text)
        #expect(again.comments[0].body.attachments.map(\.name) == ["build.log", "../screen.png"])
        try harness.press("s")
        #expect(harness.reader.prompt?.line.text == "~/mail/kept.mbox", "the last mailbox is offered again")
        try harness.press("<Esc>")
        #expect(harness.message == "Save cancelled.")
    }

    @Test func sSavesACommentAsText() throws {
        var harness = try ReaderHarness(fixture: Fixture.seed, columns: 100, rows: 30)
        try harness.press("js")
        #expect(harness.reader.prompt?.line.text == "saved-comments.txt")
        try harness.press("<Enter>")
        #expect(
            harness.takeCommands() == [
                .writeFile(
                    path: "saved-comments.txt", bytes: Array((harness.reader.selectedText + "\n").utf8), appending: true
                )
            ])
    }

    @Test func vWithoutAttachmentsSaysSo() throws {
        var harness = try ReaderHarness(fixture: Self.file, columns: 120, rows: 30)
        try harness.press("/Thanks<Enter>V")
        #expect(harness.message == "No attachments in this comment.")
        #expect(harness.reader.mode == .browsing)
    }
}
