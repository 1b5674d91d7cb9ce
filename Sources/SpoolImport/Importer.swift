import SpoolCore

/// Reads one ``Format``: bytes in, model out.
///
/// An importer never touches the terminal or the disk (``DiscussionFile`` reads files and
/// picks the importer); what it cannot read is an ``ImportError`` naming the file, the line
/// where known, and what to do.
///
/// ```swift
/// let discussion = try Format.mbox.importer().parse(bytes, file: "list.mbox")
/// ```
public protocol Importer: Sendable {
    /// Imports `bytes`, which came from `file` (named in errors).
    func parse(_ bytes: [UInt8], file: String) throws -> Discussion
}

extension Format {
    /// The importer of this format; `archive` says how mail archives are threaded.
    public func importer(archive: ArchiveOptions = ArchiveOptions()) -> any Importer {
        switch self {
        case .web: return WebPageImporter()
        case .mbox: return MboxImporter(options: archive)
        case .hn: return HackerNewsImporter()
        case .reddit: return RedditImporter()
        case .lobsters: return LobstersImporter()
        case .discourse: return DiscourseImporter()
        case .github: return GitHubImporter()
        case .mastodon: return MastodonImporter()
        case .bluesky: return BlueskyImporter()
        case .discord: return DiscordImporter()
        case .disqus: return DisqusImporter()
        case .wordpress: return WordPressImporter()
        case .stackexchange: return StackExchangeImporter()
        case .slack: return SlackImporter()
        case .html: return SavedPageImporter()
        }
    }
}

extension WebPageImporter: Importer {}
extension MboxImporter: Importer {}
extension HackerNewsImporter: Importer {}
extension RedditImporter: Importer {}
extension ExportJSONImporter: Importer {}
extension LobstersImporter: Importer {}
extension DiscourseImporter: Importer {}
extension GitHubImporter: Importer {}
extension MastodonImporter: Importer {}
extension BlueskyImporter: Importer {}
extension DiscordImporter: Importer {}
extension DisqusImporter: Importer {}
extension WordPressImporter: Importer {}
extension StackExchangeImporter: Importer {}
extension SlackImporter: Importer {}
extension SavedPageImporter: Importer {}
