import Foundation
import SpoolCore
import SpoolImport

/// Files under Tests/Fixtures, found from this source file so tests run from any folder.
public enum Fixture {
    /// The Tests/Fixtures folder.
    public static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    public static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    public static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// The discussion imported from a fixture file.
    public static func discussion(_ name: String) throws -> Discussion {
        try DiscussionFile.load(path: path(name))
    }

    /// The seed document the project started from.
    public static let seed = "community-care-baby-p.txt"

    /// A discussion from web-page text written in the test.
    public static func web(_ text: String, file: String = "inline.txt") throws -> Discussion {
        try WebPageImporter().parse(Array(text.utf8), file: file)
    }
}

extension Fixture {
    /// A file of `../shared/corpus` (beside the checkout), or nil when that folder is absent:
    /// tests of the large corpus files skip then, as the project must pass without it.
    public static func sharedCorpus(_ relative: String) -> String? {
        let path = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/corpus").appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Comments in reading order, one line each (`depth author | subject`), for structure checks.
    public static func shape(_ d: Discussion) -> [String] {
        let tree = ThreadTree(d)
        return (1..<max(tree.count, 1)).map { node in
            let c = d.comments[tree.commentIndex[node]]
            let name = c.isPlaceholder ? "(missing)" : c.author
            return String(repeating: " ", count: tree.depth[node] - 1) + name + " | " + (c.subject ?? "")
        }
    }
}

/// A JSON encoder with sorted keys, for tests that read encoded values.
public enum JSONEncoderForTests {
    public static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
