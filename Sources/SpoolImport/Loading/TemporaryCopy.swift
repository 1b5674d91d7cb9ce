import Foundation

/// A file made for one run and deleted at once, kept open: where standard input and
/// inflated gzip files are put, so they are read (and a mailbox's bodies read again when
/// shown) like any other file, at `/proc/self/fd/N`.
struct TemporaryCopy {
    let fd: Int32
    /// `file` names what is being copied, in errors.
    let file: String

    init(of file: String) throws {
        var template = Array("/tmp/spool-copy-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw ImportError(
                file: file,
                reason: .unreadable("no temporary file to copy it into (\(String(cString: strerror(errno))))"))
        }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        self.fd = fd
        self.file = file
    }

    /// Where the copy can be opened while the process runs.
    var path: DiskPath { DiskPath("/proc/self/fd/\(fd)") }

    /// Appends `count` bytes of `bytes`.
    func write(_ bytes: [UInt8], count: Int) throws {
        var sent = 0
        while sent < count {
            let result = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + sent, count - sent) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                throw ImportError(
                    file: file, reason: .unreadable("no room to copy it (\(String(cString: strerror(errno))))"))
            }
            sent += result
        }
    }

    /// Gives the descriptor back (after a failed copy).
    func discard() { close(fd) }

    /// Standard input copied whole, chunk by chunk.
    static func ofStandardInput(shownAs file: String) throws -> TemporaryCopy {
        let copy = try TemporaryCopy(of: file)
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 {
                copy.discard()
                throw ImportError(file: file, reason: .unreadable(String(cString: strerror(errno))))
            }
            if got == 0 { return copy }
            do { try copy.write(chunk, count: got) } catch {
                copy.discard()
                throw error
            }
        }
    }
}
