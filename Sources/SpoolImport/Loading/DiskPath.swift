import Foundation

/// A path as the file system holds it: bytes, which need not be UTF-8.
///
/// A name that is not UTF-8 is opened exactly as it is and shown with each byte that is not
/// part of a UTF-8 character as `\xNN` (``description``), so it can be shown and still opened.
public struct DiskPath: Hashable, Sendable, CustomStringConvertible {
    /// The path's bytes, without a terminating NUL.
    public let bytes: [UInt8]

    public init(_ string: String) { bytes = Array(string.utf8) }

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// `-`: the discussion is read from standard input (as `less -` and `cat -` do; a file
    /// named `-` is `./-`).
    public static let standardInput = DiskPath("-")

    /// How standard input is named in errors and on screen.
    public static let standardInputName = "standard input"

    /// What a file is, following links.
    public enum Kind: Equatable, Sendable {
        case missing, directory, regular
        /// A FIFO, socket or device: reading one may never end.
        case special
    }

    /// The path for showing: UTF-8 as it is, any other byte as `\xNN`.
    public var description: String {
        var text = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            let length = DiskPath.validPrefixLength(rest)
            text += String(decoding: rest.prefix(length), as: UTF8.self)
            rest = rest.dropFirst(length)
            if let byte = rest.first {
                text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                rest = rest.dropFirst()
            }
        }
        return text
    }

    /// The path as text when it is UTF-8.
    public var text: String? { String(validating: bytes, as: UTF8.self) }

    /// The last component (the whole path when it has no slash).
    public var lastComponent: DiskPath {
        let trimmed = bytes.last == 0x2F && bytes.count > 1 ? bytes.dropLast() : bytes[...]
        guard let slash = trimmed.lastIndex(of: 0x2F) else { return DiskPath(bytes: Array(trimmed)) }
        return DiskPath(bytes: Array(trimmed[(slash + 1)...]))
    }

    /// `name` inside this folder.
    public func appending(_ name: DiskPath) -> DiskPath {
        DiskPath(bytes: bytes.last == 0x2F ? bytes + name.bytes : bytes + [0x2F] + name.bytes)
    }

    /// `name` inside this folder.
    public func appending(_ name: String) -> DiskPath { appending(DiskPath(name)) }

    /// Whether the last component starts with a dot.
    var isHidden: Bool { lastComponent.bytes.first == 0x2E }

    /// What is at the path now.
    public var kind: Kind {
        var info = stat()
        let found = withCString { stat($0, &info) } == 0
        guard found else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regular
        default: return .special
        }
    }

    /// The entries of the folder at this path (not `.` and `..`), sorted by their bytes;
    /// nil when it cannot be listed.
    public func entries() -> [DiskPath]? {
        guard let folder = withCString({ opendir($0) }) else { return nil }
        defer { closedir(folder) }
        var names: [DiskPath] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(appending(DiskPath(bytes: name)))
        }
        return names.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }

    /// The whole file, or why it cannot be read. (Foundation's readers leak a buffer on an
    /// empty file on Linux; this one reads with `pread` into an array.)
    public func contents() -> Result<[UInt8], ReadFailure> {
        // The archive store already opens by bytes and reads with `pread`; a file that
        // shrinks while it is read is a read error, as for an archive.
        guard let store = ByteStore(openingFileAt: self) else {
            return .failure(errno == EACCES ? .permissionDenied : .readError)
        }
        guard let bytes = store.bytes(0..<store.count) else { return .failure(.readError) }
        return .success(bytes)
    }

    /// Why a file could not be read.
    public enum ReadFailure: Error {
        case permissionDenied, readError
    }

    /// Calls `body` with the path as a NUL-terminated C string.
    func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// How many bytes at the start of `bytes` are whole UTF-8 characters.
    private static func validPrefixLength(_ bytes: ArraySlice<UInt8>) -> Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index - bytes.startIndex
            }
            guard index + length <= bytes.endIndex,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return index - bytes.startIndex }
            index += length
        }
        return index - bytes.startIndex
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
