import Foundation
import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// Which paths open a library list, and several files read as one forest.
@Suite struct LibraryFilesTests {
    private func folder(_ files: [String: String], folders: [String] = []) throws -> URL {
        let root = Scratch.folder.appendingPathComponent("spool-library-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in folders {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        return root
    }

    @Test func severalPathsAreALibraryAsGiven() {
        #expect(
            DiscussionFile.libraryFiles(for: [DiskPath("b.txt"), DiskPath("a.txt")]) == [
                DiskPath("b.txt"), DiskPath("a.txt"),
            ])
        #expect(
            DiscussionFile.libraryFiles(for: [DiskPath(Fixture.path(Fixture.seed))]) == nil,
            "one file is read, not listed")
        #expect(DiscussionFile.libraryFiles(for: []) == nil)
    }

    @Test func aFolderListsItsVisibleFilesInNameOrder() throws {
        let root = try folder(["b.txt": "B", "a.md": "A", ".hidden": "H"], folders: ["sub"])
        defer { try? FileManager.default.removeItem(at: root) }
        let files = DiscussionFile.libraryFiles(for: [DiskPath(root.path)])
        #expect(
            files == [
                DiskPath(root.appendingPathComponent("a.md").path), DiskPath(root.appendingPathComponent("b.txt").path),
            ])
    }

    @Test func aMaildirIsOneDiscussionNotALibrary() throws {
        let root = try folder([:], folders: ["cur", "new", "tmp"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(DiscussionFile.libraryFiles(for: [DiskPath(root.path)]) == nil)
    }

    @Test func aFolderOfOnlyFoldersIsNoLibrary() throws {
        let root = try folder([:], folders: ["x", "y"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(DiscussionFile.libraryFiles(for: [DiskPath(root.path)]) == nil)
    }

    @Test func severalFilesLoadAsAForestOfDiscussions() throws {
        let paths = [DiskPath(Fixture.path(Fixture.seed)), DiskPath(Fixture.path("mbox/mbox_single.mbox"))]
        let forest = try DiscussionFile.load(paths: paths)
        let single = try DiscussionFile.load(path: paths[1])
        let seed = try DiscussionFile.load(path: paths[0])
        #expect(forest.sourceName == "2 discussions")
        #expect(forest.comments.count >= seed.comments.count + single.comments.count)
        let tree = ThreadTree(forest)
        #expect(tree.topLevelCount == 2, "one top-level node per discussion")
        #expect(try DiscussionFile.load(paths: [paths[0]]).comments.count == seed.comments.count)
    }

    @Test func aMissingFileAmongSeveralNamesIt() {
        let missing = "/nonexistent/spool-\(UUID().uuidString).txt"
        #expect(throws: ImportError.self) {
            try DiscussionFile.load(paths: [DiskPath(Fixture.path(Fixture.seed)), DiskPath(missing)])
        }
        do {
            _ = try DiscussionFile.load(paths: [DiskPath(Fixture.path(Fixture.seed)), DiskPath(missing)])
        } catch {
            #expect("\(error)".contains(missing))
        }
    }
}

/// A folder may hold things that are not files: they are skipped, never opened.
@Suite struct SpecialFilesTests {
    private func folderWithAFIFO() throws -> URL {
        let root = Scratch.folder.appendingPathComponent("spool-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(try Fixture.bytes(Fixture.seed)).write(to: root.appendingPathComponent("a-seed.txt"))
        #expect(mkfifo(root.appendingPathComponent("b-pipe").path, 0o600) == 0)
        return root
    }

    @Test func aFolderSkipsAFIFOWithANote() throws {
        let root = try folderWithAFIFO()
        defer { try? FileManager.default.removeItem(at: root) }
        let forest = try DiscussionFile.load(path: root.path)
        #expect(ThreadTree(forest).topLevelCount == 1)
        #expect(forest.notices.contains { $0.contains("not regular files") && $0.contains("b-pipe") })
    }

    @Test func aLibraryListsNoFIFO() throws {
        let root = try folderWithAFIFO()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(
            DiscussionFile.libraryFiles(for: [DiskPath(root.path)]) == [
                DiskPath(root.appendingPathComponent("a-seed.txt").path)
            ])
    }

    @Test func aMaildirSkipsAFIFO() throws {
        let root = Scratch.folder.appendingPathComponent("spool-maildir-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try Data(try Fixture.bytes("mbox/mbox_single.mbox")).write(to: root.appendingPathComponent("cur/1:2,S"))
        #expect(mkfifo(root.appendingPathComponent("new/2").path, 0o600) == 0)
        let archive = try DiscussionFile.load(path: root.path)
        #expect(archive.comments.filter { !$0.isPlaceholder }.count == 1)
    }
}

/// File names that are not UTF-8 are opened exactly and shown with `\\xNN` escapes.
@Suite struct NonUTF8FileNameTests {
    private func folder() throws -> DiskPath {
        let root = Scratch.folder.appendingPathComponent("spool-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return DiskPath(root.path)
    }

    /// Writes `bytes` to the file named by `path`'s exact bytes.
    private func write(_ bytes: [UInt8], to path: DiskPath) {
        let descriptor = path.withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
        #expect(descriptor >= 0)
        _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    @Test func aLatin1NameIsShownEscapedAndKeepsItsBytes() {
        let path = DiskPath(bytes: Array("/tmp/caf".utf8) + [0xE9] + Array(".mbox é".utf8))
        #expect(path.description == "/tmp/caf\\xE9.mbox é")
        #expect(path.text == nil)
        #expect(path.lastComponent.bytes == Array("caf".utf8) + [0xE9] + Array(".mbox é".utf8))
        #expect(DiskPath(bytes: [0xF0, 0x9F, 0x98]).description == "\\xF0\\x9F\\x98", "a cut-off character")
        #expect(DiskPath("/a/b/").lastComponent == DiskPath("b"))
    }

    @Test func aFileNamedInLatin1OpensAndIsListed() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root.description) }
        let file = root.appending(DiskPath(bytes: Array("caf".utf8) + [0xE9] + Array(".mbox".utf8)))
        write(try Fixture.bytes("mbox/mbox_single.mbox"), to: file)
        #expect(file.kind == .regular)
        let discussion = try DiscussionFile.load(path: file)
        #expect(discussion.sourceName == "caf\\xE9.mbox")
        #expect(discussion.comments.filter { !$0.isPlaceholder }.count == 1)
        write(Array("x".utf8), to: root.appending("b.txt"))
        #expect(DiscussionFile.libraryFiles(for: [root]) == [root.appending("b.txt"), file])
        let forest = try DiscussionFile.load(path: root)
        #expect(forest.comments.contains { $0.subject == "caf\\xE9.mbox" || $0.author == "caf\\xE9.mbox" })
    }

    @Test func aMissingLatin1NameIsNamedEscaped() throws {
        let missing = DiskPath(bytes: Array("/nonexistent/x".utf8) + [0xFF])
        do {
            _ = try DiscussionFile.load(path: missing)
            Issue.record("loaded a missing file")
        } catch {
            #expect("\(error)".contains("/nonexistent/x\\xFF"))
        }
    }
}
