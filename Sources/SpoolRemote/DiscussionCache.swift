import Foundation

/// Fetched discussions kept for offline reading: `FOLDER/SOURCE/ID.EXT`, beside it
/// `ID.EXT.address` with the address it came from. The folder is
/// `$XDG_CACHE_HOME/spool` (else `~/.cache/spool`), readable by its owner only.
public struct DiscussionCache: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// `$SPOOL_CACHE_DIR`, else `$XDG_CACHE_HOME/spool`, else `~/.cache/spool`.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let folder = environment["SPOOL_CACHE_DIR"], !folder.isEmpty { return URL(fileURLWithPath: folder) }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("spool")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/spool")
    }

    /// A cached discussion: its file, its address, and when it was fetched.
    public struct Entry: Sendable, Equatable {
        public let file: URL
        public let address: String
        public let fetched: Date
    }

    /// The cached copy of `address`, if there is one.
    public func entry(for address: RemoteAddress) -> Entry? {
        let stem = Self.fileStem(address.id)
        let source = folder.appendingPathComponent(address.source.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []
        guard let name = names.first(where: { $0.hasPrefix(stem + ".") && !$0.hasSuffix(".address") }) else {
            return nil
        }
        return entry(at: source.appendingPathComponent(name))
    }

    /// Stores a fetch (replacing an older copy in one step) and returns its entry.
    public func store(_ fetched: FetchedDiscussion, for address: RemoteAddress, as text: String) throws -> Entry {
        let source = folder.appendingPathComponent(address.source.rawValue)
        try FileManager.default.createDirectory(
            at: source, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        let stem = Self.fileStem(address.id)
        // A copy of another form (mbox after mbox.gz) would be found first: remove it.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []
        where name.hasPrefix(stem + ".") && name != stem + "." + fetched.fileExtension {
            try? FileManager.default.removeItem(at: source.appendingPathComponent(name))
        }
        let file = source.appendingPathComponent(stem + "." + fetched.fileExtension)
        try Data(fetched.bytes).write(to: file, options: .atomic)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file.path + ".address"), options: .atomic)
        return Entry(file: file, address: text, fetched: Date())
    }

    /// Every cached discussion, newest fetch first.
    public func entries() -> [Entry] {
        let sources = RemoteSource.allCases.map { folder.appendingPathComponent($0.rawValue) }
        let files = sources.flatMap { source in
            ((try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? [])
                .filter { !$0.hasSuffix(".address") && !$0.hasPrefix(".") }
                .map { source.appendingPathComponent($0) }
        }
        return files.compactMap(entry(at:)).sorted { $0.fetched > $1.fetched }
    }

    private func entry(at file: URL) -> Entry? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        let address = (try? String(contentsOfFile: file.path + ".address", encoding: .utf8)) ?? file.lastPathComponent
        return Entry(file: file, address: address, fetched: modified)
    }

    /// A file name for an id: letters, digits, `-` and `_` kept, anything else as `%XX` (a dot
    /// too: stems are matched by `stem.`); a long one is cut and ends in a hash of the whole.
    static func fileStem(_ id: String) -> String {
        var stem = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                stem.append(Character(Unicode.Scalar(byte)))
            default:
                stem += String(format: "%%%02X", byte)
            }
        }
        guard stem.utf8.count > 160 else { return stem }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(stem.prefix(140)) + "~" + String(hash, radix: 16)
    }
}
