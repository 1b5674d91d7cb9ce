import Foundation
import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// Which paths open a library list, and several files read as one forest.
@Suite struct LibraryFilesTests {
    private func folder(_ files: [String: String], folders: [String] = []) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("spool-library-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in folders {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
        return root
    }

    @Test func severalPathsAreALibraryAsGiven() {
        #expect(DiscussionFile.libraryFiles(for: ["b.txt", "a.txt"]) == ["b.txt", "a.txt"])
        #expect(DiscussionFile.libraryFiles(for: [Fixture.path(Fixture.seed)]) == nil, "one file is read, not listed")
        #expect(DiscussionFile.libraryFiles(for: []) == nil)
    }

    @Test func aFolderListsItsVisibleFilesInNameOrder() throws {
        let root = try folder(["b.txt": "B", "a.md": "A", ".hidden": "H"], folders: ["sub"])
        defer { try? FileManager.default.removeItem(at: root) }
        let files = DiscussionFile.libraryFiles(for: [root.path])
        #expect(files == [root.appendingPathComponent("a.md").path, root.appendingPathComponent("b.txt").path])
    }

    @Test func aMaildirIsOneDiscussionNotALibrary() throws {
        let root = try folder([:], folders: ["cur", "new", "tmp"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(DiscussionFile.libraryFiles(for: [root.path]) == nil)
    }

    @Test func aFolderOfOnlyFoldersIsNoLibrary() throws {
        let root = try folder([:], folders: ["x", "y"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(DiscussionFile.libraryFiles(for: [root.path]) == nil)
    }

    @Test func severalFilesLoadAsAForestOfDiscussions() throws {
        let paths = [Fixture.path(Fixture.seed), Fixture.path("mbox/mbox_single.mbox")]
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
        #expect(throws: ImportError.self) { try DiscussionFile.load(paths: [Fixture.path(Fixture.seed), missing]) }
        do {
            _ = try DiscussionFile.load(paths: [Fixture.path(Fixture.seed), missing])
        } catch {
            #expect("\(error)".contains(missing))
        }
    }
}

/// A folder may hold things that are not files: they are skipped, never opened.
@Suite struct SpecialFilesTests {
    private func folderWithAFIFO() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("spool-fifo-\(UUID().uuidString)")
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
        #expect(DiscussionFile.libraryFiles(for: [root.path]) == [root.appendingPathComponent("a-seed.txt").path])
    }

    @Test func aMaildirSkipsAFIFO() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("spool-maildir-\(UUID().uuidString)")
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
