import Foundation
import SpoolCore

/// Opens a folder: a Maildir (it has `cur/` or `new/`) as one archive, any other folder
/// as a forest with one top-level node per discussion file in it.
enum DiscussionFolder {
    static func load(path: String, format: Format?, archive: ArchiveOptions) throws -> Discussion {
        let manager = FileManager.default
        let url = URL(fileURLWithPath: path)
        let isMaildir = ["cur", "new"].contains { name in
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        if isMaildir {
            var files: [(String, [UInt8])] = []
            for sub in ["cur", "new"] {
                let folder = url.appendingPathComponent(sub)
                for name in ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
                where !name.hasPrefix(".") && isRegularFile(folder.appendingPathComponent(name).path) {
                    if let data = manager.contents(atPath: folder.appendingPathComponent(name).path) {
                        files.append((name, [UInt8](data)))
                    }
                }
            }
            guard !files.isEmpty else { throw ImportError(file: path, reason: .empty) }
            var discussion = try MboxImporter(options: archive).parseMaildir(files: files, folder: path)
            discussion.sourceName = url.lastPathComponent
            return discussion
        }
        return try forest(of: url, format: format, archive: archive)
    }

    private static func forest(of url: URL, format: Format?, archive: ArchiveOptions) throws -> Discussion {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter {
            !$0.hasPrefix(".")
        }.sorted()
        var parts: [Discussion] = []
        var skipped: [String] = []
        var special: [String] = []
        for name in names {
            let path = url.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            guard isRegularFile(path) else {
                special.append(name)
                continue
            }
            do {
                parts.append(try DiscussionFile.load(path: path, format: format, archive: archive))
            } catch {
                skipped.append(name)
            }
        }
        guard !parts.isEmpty else {
            throw ImportError(
                file: url.path,
                reason: .unsupportedFormat(
                    "is a folder with no discussion file Spool can read. Name a file, or a Maildir (with cur/ and new/)."
                ))
        }
        var combined = combine(parts)
        combined.sourceName = url.lastPathComponent
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

    /// Whether `path` is a regular file (following links): a FIFO, socket or device in a
    /// folder is never opened, since reading one may never end.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
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
