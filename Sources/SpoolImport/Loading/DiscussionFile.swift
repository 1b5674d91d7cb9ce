import Foundation
import SpoolCore

/// Which importer reads a file.
public enum InputFormat: String, CaseIterable, Sendable {
    /// Sniff the content.
    case auto
    /// Text copied from a web page, or a Markdown comments export.
    case web
    /// A mailbox (mbox, pipermail) or a single mail or news message.
    case mbox
}

/// Reads discussion files from disk and hands their bytes to the right importer.
public enum DiscussionFile {
    /// Loads the discussion in the file at `path`.
    ///
    /// - Throws: ``ImportError`` naming the file for a missing, unreadable, directory,
    ///   empty or binary file.
    public static func load(path: String, format: InputFormat = .auto) throws -> Discussion {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(file: path, reason: .notFound)
        }
        if isDirectory.boolValue { throw ImportError(file: path, reason: .isDirectory) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            let why = FileManager.default.isReadableFile(atPath: path) ? "read error" : "permission denied"
            throw ImportError(file: path, reason: .unreadable(why))
        }
        return try parse(bytes: [UInt8](data), file: path, format: format)
    }

    /// Imports `bytes` that came from `file`.
    public static func parse(bytes: [UInt8], file: String, format: InputFormat = .auto) throws -> Discussion {
        if bytes.isEmpty { throw ImportError(file: file, reason: .empty) }
        let chosen: SourceFormat
        switch format {
        case .auto: chosen = FormatSniffer.sniff(bytes)
        case .web: chosen = .web
        case .mbox: chosen = .mbox
        }
        var discussion: Discussion
        switch chosen {
        case .mbox: discussion = try MboxImporter().parse(bytes, file: file)
        case .web, .hn, .reddit: discussion = try WebPageImporter().parse(bytes, file: file)
        }
        discussion.sourceName = file.split(separator: "/").last.map(String.init) ?? file
        return discussion
    }
}
