import Foundation
import SpoolImport
import SpoolTestSupport
import Testing

/// Bad input gives an ImportError that names the file, never a crash.
@Suite struct DiscussionFileTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = Scratch.folder.appendingPathComponent("spool-test-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func missingFile() {
        #expect(throws: ImportError(file: "/nonexistent/x.txt", reason: .notFound)) {
            try DiscussionFile.load(path: "/nonexistent/x.txt")
        }
        #expect(
            ImportError(file: "/nonexistent/x.txt", reason: .notFound).description.hasPrefix(
                "/nonexistent/x.txt: no such file"))
    }

    @Test func aFolderWithoutDiscussionsIsAnError() throws {
        let folder = Scratch.folder.appendingPathComponent("spool-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try DiscussionFile.load(path: folder.path)
            Issue.record("an empty folder opened")
        } catch let error as ImportError {
            #expect(error.description.contains("is a folder with no discussion file"))
        }
    }

    @Test func emptyAndBlankFiles() throws {
        for bytes in [[], Array(" \n\n\t\n".utf8)] as [[UInt8]] {
            let path = try temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(throws: ImportError(file: path, reason: .empty)) { try DiscussionFile.load(path: path) }
        }
    }

    @Test func binaryFile() throws {
        let path = try temporaryFile([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ImportError(file: path, reason: .binary(offset: 8))) { try DiscussionFile.load(path: path) }
    }

    /// Root reads every file, so this runs only for a normal user.
    @Test(.enabled(if: geteuid() != 0)) func unreadableFile() throws {
        let path = try temporaryFile(Array("x\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        chmod(path, 0)
        #expect(throws: ImportError(file: path, reason: .unreadable("permission denied"))) {
            try DiscussionFile.load(path: path)
        }
    }

    @Test func invalidUTF8IsShownAsReplacementCharacters() throws {
        let path = try temporaryFile(Array("Title \u{00E9}\n\nBad: ".utf8) + [0xFF, 0xC3] + Array(" end\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let d = try DiscussionFile.load(path: path)
        #expect(d.title == "Title é")
        #expect(d.article == "Bad: \u{FFFD}\u{FFFD} end")
    }

    @Test func tenMegabyteSingleLineOpensAsAnArticle() throws {
        let path = try temporaryFile(Array("Title\n\n".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 10_000_000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let d = try DiscussionFile.load(path: path)
        #expect(d.article?.utf8.count == 10_000_000)
        #expect(d.comments.isEmpty)
    }
}
