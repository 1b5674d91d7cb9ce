import ArgumentParser
import Foundation
import SpoolCore
import SpoolImport
import SpoolRemote
import SpoolScreen
import SpoolView

/// `--offline` and `--source`: how the addresses among the arguments are read.
struct RemoteArguments: ParsableArguments {
    @Flag(help: "Open addresses from the cache only (no network); see --cached.")
    var offline = false

    @Option(
        help: ArgumentHelp(
            "How to read an address whose host Spool does not know: \(RemoteSource.names).", valueName: "kind"),
        completion: .list(RemoteSource.allCases.map(\.rawValue)))
    var source: String?

    @Option(
        help: ArgumentHelp(
            "News addresses: how many of the group's newest articles to read (default: the config's news_articles, else 1000).",
            valueName: "count"))
    var articles: Int?

    func validate() throws {
        _ = try sourceKind()
        if let articles, articles < 1 { throw ValidationError("--articles must be 1 or more (got \(articles))") }
    }

    private func sourceKind() throws -> RemoteSource? {
        guard let source else { return nil }
        guard let kind = RemoteSource(rawValue: source) else {
            throw ValidationError("--source must be one of \(RemoteSource.names) (got \"\(source)\")")
        }
        return kind
    }

    /// A file argument, or an address opened into its cached file.
    struct Opened {
        let path: DiskPath
        let address: String?
        let notice: String?
    }

    /// Each argument as a path: files as given, addresses fetched (or taken from the cache).
    /// Progress goes to stderr on a terminal (not `showsProgress` while the reader has it);
    /// Ctrl-C stops a fetch and saves nothing.
    func open(
        _ arguments: [String], config: ReaderConfig, showsProgress: Bool = true,
        onProgress: (@Sendable (FetchProgress) -> Void)? = nil
    ) throws -> [Opened] {
        let progress = showsProgress && onProgress == nil && isatty(STDERR_FILENO) == 1
        var opener: RemoteOpener?
        return try arguments.map { argument in
            guard RemoteAddress.looksLikeAddress(argument) else {
                return Opened(path: ArgumentPath.diskPath(argument), address: nil, notice: nil)
            }
            if opener == nil { opener = makeOpener(config: config, showsProgress: progress, onProgress: onProgress) }
            defer { if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
            do {
                let opening = try opener!.open(argument, source: sourceKind(), offline: offline)
                return Opened(path: DiskPath(opening.file.path), address: opening.address, notice: opening.notice)
            } catch let error as RemoteError {
                throw RuntimeFailure(message: Sanitizer.clean(error.description))
            } catch let error as RuntimeFailure {
                throw error
            } catch {
                throw RuntimeFailure(
                    message: "\(argument): the cache could not be written (\(error.localizedDescription)).")
            }
        }
    }

    /// Names each discussion by its address and adds the notes of copies that are not fresh.
    static func label(_ discussion: inout Discussion, _ opened: [Opened]) {
        if opened.count == 1, let address = opened[0].address { discussion.sourceName = address }
        discussion.notices += opened.compactMap(\.notice)
    }

    /// The same for one discussion of a library, found by its file.
    static func label(_ discussion: inout Discussion, at path: DiskPath, _ opened: [Opened]) {
        label(&discussion, Array(opened.filter { $0.path == path }.prefix(1)))
    }

    /// Every cached discussion, newest fetch first.
    static func cached() -> [Opened] {
        DiscussionCache(folder: DiscussionCache.defaultFolder()).entries().map {
            Opened(path: DiskPath($0.file.path), address: $0.address, notice: nil)
        }
    }

    private func makeOpener(
        config: ReaderConfig, showsProgress: Bool, onProgress: (@Sendable (FetchProgress) -> Void)?
    ) -> RemoteOpener {
        let client = HTTPClient(version: Version.number) { progress in
            onProgress?(progress)
            guard showsProgress else { return }
            FileHandle.standardError.write(Data(("\r\u{1B}[Kspool: " + Sanitizer.clean(progress.summary)).utf8))
        }
        let login = config.newsUser.flatMap {
            $0.isEmpty ? nil : NewsCredentials(user: $0, password: config.newsPassword ?? "")
        }
        let fetcher = RemoteFetcher(
            client: client, newsArticles: articles ?? config.newsArticles ?? 1000, newsCredentials: login)
        return RemoteOpener(fetcher: fetcher, cache: DiscussionCache(folder: DiscussionCache.defaultFolder()))
    }
}
