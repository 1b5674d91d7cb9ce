import Foundation
import ZIPFoundation

/// Zip files (a Slack export as Slack hands it over, any folder of discussions zipped):
/// unpacked with ZIPFoundation into a private temporary folder, which is read as that folder
/// would be and removed afterwards. Only regular files are unpacked, each under the folder
/// (no absolute paths, no `..`, no links), archives over ``maximumArchiveBytes`` are refused
/// and unpacking stops at ``maximumUnpackedBytes``, so no archive writes outside the folder,
/// fills the disk or the memory.
enum ZipArchive {
    static let maximumUnpackedBytes: UInt64 = 4 << 30
    /// The largest archive read: it is held in memory while it is unpacked.
    static let maximumArchiveBytes = 2 << 30

    /// Whether `path` starts as a zip file does (`PK\u{3}\u{4}`).
    static func isArchive(_ path: DiskPath) -> Bool {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var magic: [UInt8] = [0, 0, 0, 0]
        return read(fd, &magic, 4) == 4 && magic == [0x50, 0x4B, 0x03, 0x04]
    }

    /// Unpacks `path` and hands the folder to `body`; the folder is removed after.
    ///
    /// - Throws: ``ImportError`` naming `file` when the archive is damaged, too large, or
    ///   cannot be unpacked.
    static func withUnpacked<T>(_ path: DiskPath, shownAs file: String, _ body: (DiskPath) throws -> T) throws -> T {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw ImportError(file: file, reason: .unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        // The archive is read whole (below), so its size is checked before a byte is read.
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_size <= maximumArchiveBytes else {
            throw ImportError(
                file: file,
                reason: .malformed(
                    "is a zip file over \(maximumArchiveBytes >> 30) GiB; unzip it yourself and open the folder."))
        }
        let archive: Archive
        do {
            // Read whole and opened from memory: ZIPFoundation's `Archive(url:)` leaks the path's
            // C string on Linux, and a mapped `Data` leaks its box when the archive is refused
            // (both seen by LeakSanitizer).
            guard case .success(let bytes) = path.contents() else { throw ArchiveError.unreadable }
            // ZIPFoundation leaks its in-memory file when it refuses an archive with no end
            // record (one cut short): such a file is refused here first.
            guard hasEndRecord(bytes) else { throw ArchiveError.noEndRecord }
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw ImportError(
                file: file,
                reason: .malformed("is not a zip file Spool can read (\(error)); unzip it and open the folder."))
        }
        // The folder is named as the archive is (a channel's zipped folder keeps its name).
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("spool-zip-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(
            at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let base = DiskPath(file).lastComponent.description
        let name = base.hasSuffix(".zip") && base.count > 4 ? String(base.dropLast(4)) : "archive"
        let folder = scratch.appendingPathComponent(safeRelativePath(name) ?? "archive")
        var unpacked: UInt64 = 0
        for entry in archive where entry.type == .file {
            guard let relative = safeRelativePath(entry.path) else { continue }
            let target = folder.appendingPathComponent(relative)
            try? FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: target.path, contents: nil),
                let output = FileHandle(forWritingAtPath: target.path)
            else { throw ImportError(file: file, reason: .unreadable("cannot unpack \(relative) into \(folder.path)")) }
            defer { try? output.close() }
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    unpacked += UInt64(chunk.count)
                    guard unpacked <= maximumUnpackedBytes else { throw TooLarge() }
                    try output.write(contentsOf: chunk)
                }
            } catch is TooLarge {
                throw ImportError(
                    file: file,
                    reason: .malformed(
                        "unpacks to more than \(maximumUnpackedBytes >> 30) GiB; unzip it yourself and open the folder."
                    ))
            } catch {
                throw ImportError(file: file, reason: .malformed("has a damaged entry \(relative) (\(error))."))
            }
        }
        return try body(DiskPath(folder.path))
    }

    /// `path` as a path inside the folder, or nil for what is never unpacked: absolute paths,
    /// `..`, macOS resource forks (`__MACOSX/`) and hidden files.
    static func safeRelativePath(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !parts.isEmpty,
            !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") || $0.contains("\0") }),
            parts.first != "__MACOSX"
        else { return nil }
        return parts.joined(separator: "/")
    }

    private struct TooLarge: Error {}

    private enum ArchiveError: Error { case unreadable, noEndRecord }

    /// Whether a zip's end-of-central-directory record is in its last 64 KiB and 22 bytes.
    private static func hasEndRecord(_ bytes: [UInt8]) -> Bool {
        bytes[max(0, bytes.count - 22 - 65_535)...].firstRange(of: [0x50, 0x4B, 0x05, 0x06] as [UInt8]) != nil
    }
}
