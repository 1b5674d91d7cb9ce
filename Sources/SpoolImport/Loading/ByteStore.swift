import Foundation

/// The bytes of a source file: held in memory, or read from the open file when asked for,
/// so an importer can scan a large archive in chunks and read a message body again when
/// it is shown instead of holding every body.
///
/// A file-backed store keeps its descriptor open for its lifetime and notices a file that
/// shrank since it was opened (reads past the new end fail instead of returning garbage).
final class ByteStore: @unchecked Sendable {
    // Immutable after init; `pread` on one descriptor is safe from several threads.
    private let memory: UnsafeMutableRawBufferPointer?
    private let descriptor: Int32
    /// The size when the store was made.
    let count: Int
    /// Where the bytes came from, for messages.
    let path: String

    /// Holds `bytes` in memory.
    init(bytes: [UInt8], path: String) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0) }
        self.memory = memory
        descriptor = -1
        count = bytes.count
        self.path = path
    }

    /// Opens the file at `path` for reading; nil when it cannot be opened.
    init?(openingFileAt path: DiskPath) {
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            return nil
        }
        memory = nil
        self.descriptor = descriptor
        count = Int(status.st_size)
        self.path = path.description
    }

    deinit {
        memory?.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    /// The bytes in `range`, or nil when the file no longer holds them.
    func bytes(_ range: Range<Int>) -> [UInt8]? {
        let range = range.clamped(to: 0..<count)
        if let memory { return Array(memory[range]) }
        // Not zeroed first: `pread` fills it, and a short read returns nil.
        var read = 0
        let out = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            read = readFile(into: UnsafeMutableRawBufferPointer(buffer), at: range.lowerBound)
            initialized = read
        }
        return read == range.count ? out : nil
    }

    /// `body` of the bytes in `range`: those held, or read as ``bytes(_:)`` reads them;
    /// nil when the file no longer holds them.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows
        -> Result?
    {
        if let memory { return try body(UnsafeRawBufferPointer(rebasing: memory[range.clamped(to: 0..<count)])) }
        return try bytes(range)?.withUnsafeBytes(body)
    }

    /// A reader for scanning the store front to back in windows of `chunk` bytes.
    func reader(chunk: Int) -> ChunkReader { ChunkReader(store: self, chunk: chunk) }

    /// Reads up to `buffer.count` bytes at `offset`; returns how many were read.
    fileprivate func readFile(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        var done = 0
        while done < buffer.count {
            let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n > 0 {
                done += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return done
    }

    fileprivate var memoryBytes: UnsafeRawBufferPointer? {
        memory.map { UnsafeRawBufferPointer(start: $0.baseAddress, count: count) }
    }
}

/// A window of a ``ByteStore``: bytes from `base` on, and whether they reach the end.
struct ByteWindow {
    let base: Int
    let bytes: UnsafeRawBufferPointer
    let reachesEnd: Bool
    /// One past the last absolute offset the window holds.
    var end: Int { base + bytes.count }
}

/// Reads a store in windows: for a file, one reused buffer filled by `pread` at the
/// offset asked for; for bytes in memory, the whole store at once.
final class ChunkReader {
    private let store: ByteStore
    private var buffer: UnsafeMutableRawBufferPointer?

    fileprivate init(store: ByteStore, chunk: Int) {
        self.store = store
        buffer =
            store.memoryBytes == nil
            ? UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunk, 256), alignment: 16) : nil
    }

    deinit { buffer?.deallocate() }

    /// A window starting at or before `offset` that holds as much after it as one chunk
    /// allows (at least a byte when `offset` is before the end).
    /// `atLeast` grows the buffer first, for a header block longer than a chunk.
    func window(at offset: Int, atLeast: Int = 0) -> ByteWindow {
        if let all = store.memoryBytes { return ByteWindow(base: 0, bytes: all, reachesEnd: true) }
        if atLeast > buffer!.count {
            buffer!.deallocate()
            buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: atLeast, alignment: 16)
        }
        let buffer = buffer!
        let wanted = min(buffer.count, max(0, store.count - offset))
        let read = store.readFile(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]), at: offset)
        return ByteWindow(
            base: offset, bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<read]),
            reachesEnd: offset + read >= store.count || read < wanted)
    }
}
