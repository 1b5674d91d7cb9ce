import Foundation
import SpoolCore

/// Reads discussion files from disk and hands their bytes to the right importer.
public enum DiscussionFile {
    /// Loads the discussion in the file at `path`.
    ///
    /// - Throws: ``ImportError`` naming the file for a missing, unreadable, directory,
    ///   empty or binary file.
    public static func load(path: String, format: Format? = nil, archive: ArchiveOptions = ArchiveOptions())
        throws -> Discussion
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(file: path, reason: .notFound)
        }
        if isDirectory.boolValue { return try DiscussionFolder.load(path: path, format: format, archive: archive) }
        if let archiveFile = try openedArchive(path: path, format: format, archive: archive) { return archiveFile }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            let why = FileManager.default.isReadableFile(atPath: path) ? "read error" : "permission denied"
            throw ImportError(file: path, reason: .unreadable(why))
        }
        return try parse(bytes: [UInt8](data), file: path, format: format, archive: archive)
    }

    /// A mailbox imported straight from the file (streamed, bodies left in it), or nil when
    /// the file is not one (by `format`, or by its first 64 KiB when sniffing).
    private static func openedArchive(path: String, format: Format?, archive: ArchiveOptions) throws -> Discussion? {
        guard format == .mbox || format == nil, let store = ByteStore(openingFileAt: path), store.count > 0 else {
            return nil
        }
        if format == nil {
            guard let start = store.bytes(0..<min(store.count, 64 << 10)), FormatSniffer.textFormat(start) == .mbox
            else {
                return nil
            }
        }
        var discussion = try MboxImporter(options: archive).parse(store: store, file: path)
        discussion.sourceName = path.split(separator: "/").last.map(String.init) ?? path
        return discussion
    }

    /// The files to list in a library for `paths`: several paths, or one folder that is not
    /// a Maildir (its regular, non-hidden files); nil when there is one discussion to open.
    public static func libraryFiles(for paths: [String]) -> [String]? {
        if paths.count > 1 { return paths }
        guard let path = paths.first else { return nil }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let url = URL(fileURLWithPath: path)
        if ["cur", "new"].contains(where: { manager.fileExists(atPath: url.appendingPathComponent($0).path) }) {
            return nil
        }
        let names = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let files = names.map { url.appendingPathComponent($0).path }.filter(DiscussionFolder.isRegularFile)
        return files.isEmpty ? nil : files
    }

    /// Loads several files as one forest, one top-level node per discussion (one path: that file).
    public static func load(paths: [String], format: Format? = nil, archive: ArchiveOptions = ArchiveOptions())
        throws -> Discussion
    {
        guard paths.count > 1 else { return try load(path: paths[0], format: format, archive: archive) }
        var combined = DiscussionFolder.combine(try paths.map { try load(path: $0, format: format, archive: archive) })
        combined.sourceName = "\(paths.count) discussions"
        return combined
    }

    /// Imports `bytes` that came from `file`.
    public static func parse(
        bytes: [UInt8], file: String, format: Format? = nil, archive: ArchiveOptions = ArchiveOptions()
    ) throws -> Discussion {
        if bytes.isEmpty { throw ImportError(file: file, reason: .empty) }
        var discussion =
            try format.map { try $0.importer(archive: archive).parse(bytes, file: file) }
            ?? sniffed(bytes, file: file, archive: archive)
        discussion.sourceName = file.split(separator: "/").last.map(String.init) ?? file
        return discussion
    }

    /// The content decides: JSON by its shape (a Spool export, Reddit, Hacker News), else
    /// mail headers or web text.
    private static func sniffed(_ bytes: [UInt8], file: String, archive: ArchiveOptions) throws -> Discussion {
        guard FormatSniffer.isJSON(bytes) else {
            return try FormatSniffer.textFormat(bytes).importer(archive: archive).parse(bytes, file: file)
        }
        let json = try JSONFields.parse(bytes, file: file)
        if ExportJSONImporter.matches(json) { return try ExportJSONImporter().parse(json: json, file: file) }
        switch FormatSniffer.jsonFormat(json) {
        case .reddit: return try RedditImporter().parse(json: json, file: file)
        case .hn: return try HackerNewsImporter().parse(json: json, file: file)
        default:
            throw ImportError(
                file: file, line: 1,
                reason: .unsupportedFormat(
                    "is JSON in no format Spool reads. Tried: Spool export (needs title, format, comments); Reddit (needs a list of two Listings); Hacker News (needs children, comments, or items with kids/parent). Pass --from to force one and see its error."
                ))
        }
    }
}
