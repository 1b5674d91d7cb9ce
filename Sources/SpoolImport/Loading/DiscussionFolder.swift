import Foundation
import SpoolCore

/// Opens a folder: a Maildir (it has `cur/` or `new/`), a Stack Exchange dump (it has
/// `Posts.xml`) or a Slack export (`channels.json`, or day files) as one archive, any other folder as a forest with one top-level node per
/// discussion file in it.
enum DiscussionFolder {
    static func load(path: DiskPath, format: Format?, archive: ArchiveOptions) throws -> Discussion {
        if StackExchangeImporter.isDump(path) { return try StackExchangeImporter().loadDump(path) }
        if SlackImporter.isExport(path) { return try SlackImporter().load(path) }
        guard isMaildir(path) else { return try forest(of: path, format: format, archive: archive) }
        var files: [(String, [UInt8])] = []
        for sub in ["cur", "new"] {
            for file in path.appending(sub).entries() ?? [] where !file.isHidden && file.kind == .regular {
                if case .success(let bytes) = file.contents() { files.append((file.lastComponent.description, bytes)) }
            }
        }
        guard !files.isEmpty else { throw ImportError(file: path.description, reason: .empty) }
        var discussion = try MboxImporter(options: archive).parseMaildir(files: files, folder: path.description)
        discussion.sourceName = path.lastComponent.description
        return discussion
    }

    /// Whether the folder at `path` is a Maildir: it has `cur/` or `new/`.
    static func isMaildir(_ path: DiskPath) -> Bool {
        ["cur", "new"].contains { path.appending($0).kind == .directory }
    }

    private static func forest(of folder: DiskPath, format: Format?, archive: ArchiveOptions) throws -> Discussion {
        var parts: [Discussion] = []
        var skipped: [String] = []
        var special: [String] = []
        for path in folder.entries() ?? [] where !path.isHidden {
            switch path.kind {
            case .missing, .directory: continue
            case .special: special.append(path.lastComponent.description)
            case .regular:
                do {
                    parts.append(try DiscussionFile.load(path: path, format: format, archive: archive))
                } catch {
                    skipped.append(path.lastComponent.description)
                }
            }
        }
        guard !parts.isEmpty else {
            throw ImportError(
                file: folder.description,
                reason: .unsupportedFormat(
                    "is a folder with no discussion file Spool can read. Name a file, or a Maildir (with cur/ and new/)."
                ))
        }
        var combined = combine(parts)
        combined.sourceName = folder.lastComponent.description
        if !special.isEmpty {
            combined.notices.append(
                "Skipped \(special.count) that are not regular files (a FIFO, socket or device would never end): "
                    + special.prefix(5).joined(separator: ", "))
        }
        if !skipped.isEmpty {
            combined.notices.append(
                "Skipped \(skipped.count) file(s) that are not discussions: \(skipped.prefix(5).joined(separator: ", "))"
            )
        }
        return combined
    }

    /// One top-level node per discussion (its title as subject, its article as body), with
    /// the discussion's comments under it; ids are prefixed with the discussion's number.
    static func combine(_ parts: [Discussion]) -> Discussion {
        var comments: [Comment] = []
        for (number, part) in parts.enumerated() {
            let rootIndex = comments.count
            let name = part.sourceName ?? "discussion \(number + 1)"
            var root = Comment(
                id: "\(number + 1)", author: part.articleAuthor ?? name, date: part.articleDate,
                subject: part.title ?? name, body: part.article ?? "")
            root.key = .content(title: part.title ?? name, author: "", date: part.articleDate, body: part.article ?? "")
            comments.append(root)
            for comment in part.comments {
                var copy = comment
                copy.id = "\(number + 1)/" + comment.id
                copy.parent = comment.parent.map { $0 + rootIndex + 1 } ?? rootIndex
                comments.append(copy)
            }
        }
        let formats = Dictionary(grouping: parts, by: \.format)
        // The most common format; a tie goes to web, whose wording ("discussions") fits a mix.
        let format =
            formats.max { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count : a.key != .web && b.key == .web
            }?.key ?? .web
        return Discussion(
            title: nil, article: nil, format: format, comments: comments, notices: parts.flatMap(\.notices),
            isArchive: true)
    }
}
