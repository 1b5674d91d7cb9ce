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
