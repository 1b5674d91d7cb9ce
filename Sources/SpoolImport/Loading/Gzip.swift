import CSpoolZlib
import Foundation

/// Files compressed with gzip (`list.mbox.gz`, public-inbox's `t.mbox.gz`), known by their
/// magic bytes and inflated with zlib, chunk by chunk, into a ``TemporaryCopy``.
enum Gzip {
    /// The most a file may inflate to.
    static let maximumInflated = 16 << 30

    /// Whether the file at `path` starts with gzip's magic bytes.
    static func isCompressed(_ path: DiskPath) -> Bool {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var magic: [UInt8] = [0, 0]
        return read(fd, &magic, 2) == 2 && magic == [0x1F, 0x8B]
    }

    /// The file inflated: a path to the temporary copy (`/proc/self/fd/N`).
    ///
    /// - Throws: ``ImportError`` naming `file` when it cannot be read or is not valid gzip.
    static func inflated(_ path: DiskPath, shownAs file: String) throws -> DiskPath {
        let input = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard input >= 0 else { throw ImportError(file: file, reason: .unreadable(String(cString: strerror(errno)))) }
        defer { close(input) }
        let output = try TemporaryCopy(of: file)
        do {
            try inflate(from: input, to: output, file: file)
        } catch {
            output.discard()
            throw error
        }
        return output.path
    }

    private static func inflate(from input: Int32, to output: TemporaryCopy, file: String) throws {
        var stream = z_stream()
        guard spool_inflate_init(&stream) == Z_OK else {
            throw ImportError(file: file, reason: .unreadable("zlib could not start"))
        }
        defer { inflateEnd(&stream) }
        let chunk = 1 << 18
        var compressed = [UInt8](repeating: 0, count: chunk)
        var plain = [UInt8](repeating: 0, count: chunk)
        var ended = false
        var total = 0
        while true {
            let got = compressed.withUnsafeMutableBytes { read(input, $0.baseAddress, chunk) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw ImportError(file: file, reason: .unreadable(String(cString: strerror(errno)))) }
            if got == 0 { break }
            var offset = 0
            while offset < got {
                if ended {
                    // Another gzip member follows (gzip files may be concatenated).
                    guard compressed[offset] == 0x1F else { return }
                    inflateReset(&stream)
                    ended = false
                }
                let (status, used, produced) = compressed.withUnsafeMutableBufferPointer { input in
                    plain.withUnsafeMutableBufferPointer { out -> (Int32, Int, Int) in
                        stream.next_in = input.baseAddress! + offset
                        stream.avail_in = UInt32(got - offset)
                        stream.next_out = out.baseAddress
                        stream.avail_out = UInt32(chunk)
                        let status = CSpoolZlib.inflate(&stream, Z_NO_FLUSH)
                        return (status, got - offset - Int(stream.avail_in), chunk - Int(stream.avail_out))
                    }
                }
                guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && used + produced > 0) else {
                    throw ImportError(
                        file: file,
                        reason: .malformed(
                            "is not valid gzip (zlib: \(stream.msg.map { String(cString: $0) } ?? "error \(status)")). Check that the download is complete."
                        ))
                }
                total += produced
                // A small file that inflates without end (a "gzip bomb") must not fill the disk.
                guard total <= maximumInflated else {
                    throw ImportError(
                        file: file,
                        reason: .malformed(
                            "inflates to more than \(maximumInflated >> 30) GiB; Spool stops there. Inflate it yourself if it is real."
                        ))
                }
                try output.write(plain, count: produced)
                offset += used
                if status == Z_STREAM_END { ended = true }
            }
        }
        guard ended else {
            throw ImportError(
                file: file, reason: .malformed("ends before its gzip stream does. Check that the download is complete.")
            )
        }
    }
}
