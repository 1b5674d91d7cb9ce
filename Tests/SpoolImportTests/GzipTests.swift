import Foundation
import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// gzip files of any format, known by their magic bytes (public-inbox serves `t.mbox.gz`).
@Suite struct GzipTests {
    @Test(arguments: [
        ("mbox-gz/patchew-0004-multiple-patch-reviewed.mbox.gz", 5, 1),
        ("mbox-gz/patchew-0012-incomplete-series.mbox.gz", 4, 1),
        ("mbox-gz/patchew-0028-tags-need-8bit-encoding.mbox.gz", 2, 1),
        ("mbox-gz/patchew-0016-nested-multipart.mbox.gz", 1, 1),
    ])
    func compressedMailboxesOpenWithTheCorpusCounts(file: String, messages: Int, threads: Int) throws {
        let d = try Fixture.discussion(file)
        let tree = ThreadTree(d)
        #expect(d.format == .mbox)
        #expect(tree.messageCount == messages)
        #expect(tree.topLevelCount == threads)
        #expect(d.sourceName == DiskPath(file).lastComponent.description, "named as the compressed file")
        #expect(d.comments.allSatisfy { $0.isPlaceholder || !$0.body.text.isEmpty }, "bodies read from the copy")
    }

    /// A temporary file holding `bytes` gzip-compressed by the system's `gzip`.
    private func compressed(_ bytes: [UInt8], name: String) throws -> String {
        let folder = Scratch.folder.appendingPathComponent("spool-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let plain = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: plain, contents: Data(bytes))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", plain]
        try process.run()
        process.waitUntilExit()
        return plain + ".gz"
    }

    @Test func anyFormatMayBeCompressed() throws {
        let path = try compressed(try Fixture.bytes("json/hn-17-algolia-items-api.json"), name: "hn.json")
        let d = try DiscussionFile.load(path: path)
        #expect(d.format == .hn)
        #expect(d.comments.count == (try Fixture.discussion("json/hn-17-algolia-items-api.json")).comments.count)
    }

    @Test func concatenatedMembersAreOneFile() throws {
        let first = try compressed(
            Array("From a@b Mon Jan  1 00:00:00 2024\nFrom: A <a@b>\nSubject: one\nMessage-ID: <1@b>\n\nOne.\n\n".utf8),
            name: "a")
        let second = try compressed(
            Array("From c@d Mon Jan  1 00:00:00 2024\nFrom: C <c@d>\nSubject: two\nMessage-ID: <2@d>\n\nTwo.\n".utf8),
            name: "b")
        let joined = first + ".both.gz"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: first)))
        bytes += [UInt8](try Data(contentsOf: URL(fileURLWithPath: second)))
        _ = FileManager.default.createFile(atPath: joined, contents: Data(bytes))
        let d = try DiscussionFile.load(path: joined)
        #expect(Set(d.comments.map(\.subject)) == ["one", "two"], "both members are read")
    }

    @Test func aTruncatedOrCorruptFileSaysSo() throws {
        let whole = try Fixture.bytes("mbox-gz/patchew-0004-multiple-patch-reviewed.mbox.gz")
        let folder = Scratch.folder.path
        let truncated = folder + "/spool-truncated-\(UUID().uuidString).mbox.gz"
        _ = FileManager.default.createFile(atPath: truncated, contents: Data(whole.prefix(3000)))
        #expect(throws: ImportError.self) { try DiscussionFile.load(path: truncated) }
        do {
            _ = try DiscussionFile.load(path: truncated)
        } catch let error as ImportError {
            #expect(
                error.description
                    == "\(truncated): ends before its gzip stream does. Check that the download is complete.")
        }
        let corrupt = folder + "/spool-corrupt-\(UUID().uuidString).gz"
        _ = FileManager.default.createFile(
            atPath: corrupt, contents: Data([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]))
        do {
            _ = try DiscussionFile.load(path: corrupt)
            Issue.record("a corrupt file opened")
        } catch let error as ImportError {
            #expect(error.description.hasPrefix("\(corrupt): is not valid gzip (zlib: "), "\(error)")
        }
    }
}
