import Foundation
import SpoolCore

/// Reads discussion files from disk and hands their bytes to the right importer.
public enum DiscussionFile {
    /// Loads the discussion in the file (or folder) at `path`.
    ///
    /// - Throws: ``ImportError`` naming the file for a missing, unreadable, directory,
    ///   empty or binary file.
    public static func load(path: DiskPath, format: Format? = nil, archive: ArchiveOptions = ArchiveOptions())
        throws -> Discussion
    {
        if path == .standardInput {
            let copy = try TemporaryCopy.ofStandardInput(shownAs: DiskPath.standardInputName)
            return try load(
                path: copy.path, shownAs: DiskPath(DiskPath.standardInputName), format: format, archive: archive)
        }
        return try load(path: path, shownAs: path, format: format, archive: archive)
    }

    /// Loads `path`, naming it `shown` in errors and on screen (a gzip file's inflated copy
    /// is shown as the gzip file).
    private static func load(path: DiskPath, shownAs shown: DiskPath, format: Format?, archive: ArchiveOptions)
        throws -> Discussion
    {
        let file = shown.description
        switch path.kind {
        case .missing: throw ImportError(file: file, reason: .notFound)
        case .directory: return try DiscussionFolder.load(path: path, format: format, archive: archive)
        case .regular, .special: break
        }
        if path.kind == .regular && Gzip.isCompressed(path) {
            let inflated = try Gzip.inflated(path, shownAs: file)
            return try load(path: inflated, shownAs: shown, format: format, archive: archive)
        }
        if path.kind == .regular && ZipArchive.isArchive(path) {
            var discussion = try ZipArchive.withUnpacked(path, shownAs: file) { folder in
                try DiscussionFolder.load(path: folder, format: format, archive: archive)
            }
            discussion.sourceName = shown.lastComponent.description
            return discussion
        }
        if let streamed = try openedInPlace(path: path, shownAs: shown, format: format, archive: archive) {
            return streamed
        }
        switch path.contents() {
        case .success(let bytes):
            return try parse(bytes: consume bytes, file: file, format: format, archive: archive)
        case .failure(.permissionDenied):
            throw ImportError(file: file, reason: .unreadable("permission denied"))
        case .failure(.readError): throw ImportError(file: file, reason: .unreadable("read error"))
        }
    }

    /// Loads the discussion at `path`, a UTF-8 path.
    public static func load(path: String, format: Format? = nil, archive: ArchiveOptions = ArchiveOptions())
        throws -> Discussion
    {
        try load(path: DiskPath(path), format: format, archive: archive)
    }

    /// A mailbox or a web page's text imported straight from the file (streamed, bodies left
    /// in it), or nil when the file is neither: by `format`, or when sniffing by its first
    /// 64 KiB, read once for both (a web page only by a start no other format could follow;
    /// anything less sure is sniffed whole).
    private static func openedInPlace(path: DiskPath, shownAs shown: DiskPath, format: Format?, archive: ArchiveOptions)
        throws -> Discussion?
    {
        guard format == nil || format == .mbox || format == .web, let store = ByteStore(openingFileAt: path),
            store.count > 0
        else { return nil }
        var chosen = format
        if format == nil {
            let prefix = 0..<min(store.count, 64 << 10)
            guard let start = store.bytes(prefix) else { return nil }
            if FormatSniffer.textFormat(start) == .mbox {
                chosen = .mbox
            } else if FormatSniffer.startsAsWebText(start, isWhole: prefix.count == store.count) {
                chosen = .web
            } else {
                return nil
            }
        }
        var discussion =
            chosen == .mbox
            ? try MboxImporter(options: archive).parse(store: store, file: shown.description)
            : try WebPageImporter().parse(store: store, file: shown.description)
        discussion.sourceName = shown.lastComponent.description
        return discussion
    }

    /// The files to list in a library for `paths`: several paths, or one folder that is not
    /// a Maildir (its regular, non-hidden files); nil when there is one discussion to open.
    public static func libraryFiles(for paths: [DiskPath]) -> [DiskPath]? {
        if paths.count > 1 { return paths }
        guard let path = paths.first, path.kind == .directory, !DiscussionFolder.isMaildir(path),
            !StackExchangeImporter.isDump(path), !SlackImporter.isExport(path)
        else { return nil }
        let files = (path.entries() ?? []).filter { !$0.isHidden && $0.kind == .regular }
        return files.isEmpty ? nil : files
    }

    /// Loads several files as one forest, one top-level node per discussion (one path: that file).
    public static func load(paths: [DiskPath], format: Format? = nil, archive: ArchiveOptions = ArchiveOptions())
        throws -> Discussion
    {
        guard paths.count > 1 else { return try load(path: paths[0], format: format, archive: archive) }
        var combined = DiscussionFolder.combine(try paths.map { try load(path: $0, format: format, archive: archive) })
        combined.sourceName = "\(paths.count) discussions"
        return combined
    }

    /// Imports `bytes` that came from `file`.
    public static func parse(
        bytes: consuming [UInt8], file: String, format: Format? = nil, archive: ArchiveOptions = ArchiveOptions()
    ) throws -> Discussion {
        if bytes.isEmpty { throw ImportError(file: file, reason: .empty) }
        var discussion: Discussion
        if let format {
            discussion = try format.importer(archive: archive).parse(bytes, file: file)
        } else {
            discussion = try sniffed(consume bytes, file: file, archive: archive)
        }
        discussion.sourceName = DiskPath(file).lastComponent.description
        return discussion
    }

    /// The content decides: JSON by its shape (a Spool export, Reddit, Hacker News), else
    /// mail headers or web text.
    private static func sniffed(_ bytes: consuming [UInt8], file: String, archive: ArchiveOptions) throws
        -> Discussion
    {
        if DisqusImporter.matches(bytes) { return try DisqusImporter().parse(bytes, file: file) }
        if WordPressImporter.matches(bytes) { return try WordPressImporter().parse(bytes, file: file) }
        if SavedPageImporter.site(of: bytes) != nil { return try SavedPageImporter().parse(bytes, file: file) }
        guard FormatSniffer.isJSON(bytes) else {
            let format = FormatSniffer.textFormat(bytes)
            return try format.importer(archive: archive).parse(bytes, file: file)
        }
        let document = try JSONDocument(bytes, file: file)
        // The shape is told without Hacker News's `children` (no other format has them at the
        // top), so a large thread is never made into Foundation values.
        let shape = document.foundationValue(document.root, emptying: "children")
        let hasChildren = document.has(document.root, "children")
        var json: Any { hasChildren ? document.foundationValue(document.root) : shape }
        if ExportJSONImporter.matches(shape) { return try ExportJSONImporter().parse(json: json, file: file) }
        switch FormatSniffer.jsonFormat(shape) {
        case .reddit: return try RedditImporter().parse(json: json, file: file)
        case .hn: return try HackerNewsImporter().parse(document: document, file: file)
        case .lobsters: return try LobstersImporter().parse(json: json, file: file)
        case .discourse: return try DiscourseImporter().parse(json: json, file: file)
        case .github: return try GitHubImporter().parse(json: json, file: file)
        case .mastodon: return try MastodonImporter().parse(json: json, file: file)
        case .bluesky: return try BlueskyImporter().parse(json: json, file: file)
        case .discord: return try DiscordImporter().parse(json: json, file: file)
        case .stackexchange: return try StackExchangeImporter().parse(json: json, file: file)
        case .web, .mbox, .disqus, .wordpress, .slack, .html, nil:
            throw ImportError(
                file: file, line: 1,
                reason: .unsupportedFormat(
                    "is JSON in no format Spool reads. Tried: Spool export (needs title, format, comments); Reddit (needs a list of two Listings); Hacker News (needs children, comments, or items with kids/parent); Lobsters (short_id, comments); Discourse (post_stream.posts); Mastodon (ancestors, descendants, or a status); GitHub (a list of comments with user, body, created_at); Bluesky (thread.post); Discord (channel, messages); Stack Exchange (items with question_id). Pass --from to force one and see its error."
                ))
        }
    }
}
