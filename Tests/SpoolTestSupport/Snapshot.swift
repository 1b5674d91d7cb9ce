import Foundation

/// Text snapshots stored as files beside the tests, in `__Snapshots__/<test file>/<name>.txt`.
///
/// A missing snapshot is recorded and reported as a failure under CI (`CI` set), so a
/// clean clone never passes on a snapshot nobody reviewed; `SNAPSHOT_TESTING_RECORD=all`
/// re-records every snapshot.
public enum Snapshot {
    /// Compares `text` with the stored snapshot; returns a description of the difference, or nil.
    public static func mismatch(_ text: String, named name: String, testFile: String = #filePath) -> String? {
        let source = URL(fileURLWithPath: testFile)
        let folder = source.deletingLastPathComponent().appendingPathComponent("__Snapshots__")
            .appendingPathComponent(source.deletingPathExtension().lastPathComponent)
        let file = folder.appendingPathComponent(name + ".txt")
        let environment = ProcessInfo.processInfo.environment
        let recordAll = environment["SNAPSHOT_TESTING_RECORD"] == "all"
        guard !recordAll, let stored = readTextFile(file.path) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            if recordAll || environment["CI"] == nil { return nil }
            return "no snapshot at \(file.path); recorded one: review and commit it"
        }
        return stored == text ? nil : lineDiff(expected: stored, actual: text, file: file.path)
    }

    static func lineDiff(expected: String, actual: String, file: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var out = "snapshot \(file) differs (SNAPSHOT_TESTING_RECORD=all re-records):\n"
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? old[index] : "∅"
            let b = index < new.count ? new[index] : "∅"
            if a != b { out += "  line \(index + 1)\n  - \(a)\n  + \(b)\n" }
        }
        return out
    }
}
