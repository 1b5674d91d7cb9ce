import Foundation

/// The text of the file at `path`, or nil when it cannot be opened.
///
/// Read through `FileHandle`: Foundation's `String(contentsOf:)` and `Data(contentsOf:)`
/// leak a buffer on an empty file on Linux, which LeakSanitizer reports in CI's
/// AddressSanitizer run.
public func readTextFile(_ path: String) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
}
