import Foundation
import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// Zip files: a Slack export as Slack hands it over, and archives built to escape.
@Suite(.serialized) struct ZipArchiveTests {
    private var leftovers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []).filter {
            $0.hasPrefix("spool-zip-")
        }
    }

    @Test func aZippedSlackExportReadsAsItsFolder() throws {
        let before = leftovers
        let zipped = try Fixture.discussion("slack/slackdump-fixture-export.zip")
        let folder = try Fixture.discussion("slack/slackdump-fixture-export")
        #expect(zipped.format == .slack && zipped.comments.count == 16)
        #expect(zipped.comments.map(\.key) == folder.comments.map(\.key), "read marks carry over")
        #expect(zipped.comments.map(\.body.text) == folder.comments.map(\.body.text))
        #expect(zipped.sourceName == "slackdump-fixture-export.zip")
        #expect(Set(leftovers).subtracting(before).isEmpty, "the unpacked folder is removed")
    }

    @Test func noEntryIsWrittenOutsideTheFolderNorFollowedThroughALink() throws {
        let d = try Fixture.discussion("slack/hostile-paths.zip")
        #expect(d.title == "#hostile-paths", "one channel's folder keeps the archive's name")
        #expect(d.comments.map(\.body.text) == ["inside the folder"], "only the plain day file; the link is skipped")
        let temporary = NSTemporaryDirectory()
        for escaped in ["escaped.json", "up.json"] {
            #expect(!FileManager.default.fileExists(atPath: temporary + "/" + escaped))
        }
        #expect(!FileManager.default.fileExists(atPath: "/absolute.json"))
        #expect(ZipArchive.safeRelativePath("a/../../b") == nil && ZipArchive.safeRelativePath("/etc/x") == nil)
        #expect(ZipArchive.safeRelativePath("__MACOSX/._a") == nil && ZipArchive.safeRelativePath(".hidden") == nil)
        #expect(ZipArchive.safeRelativePath("general//2025-01-10.json") == "general/2025-01-10.json")
    }

    @Test func aDamagedArchiveIsAClearError() throws {
        var bytes = try Fixture.bytes("slack/slackdump-fixture-export.zip")
        bytes.removeLast(bytes.count / 2)
        let file = Scratch.folder.appendingPathComponent("damaged-\(UUID().uuidString).zip")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            try DiscussionFile.load(path: file.path)
        } throws: { error in
            let text = (error as? ImportError)?.description ?? ""
            return text.contains(file.lastPathComponent) && text.contains("zip")
        }
    }
}
