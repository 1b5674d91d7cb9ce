/// A kind of file Spool reads: the one name of each format, used by the importers, by
/// `--from` and by the export's `"format"` field.
public enum Format: String, CaseIterable, Sendable {
    /// Text copied from a web page, or a Markdown comments export.
    case web
    /// A mailbox (mbox, pipermail, Maildir) or a single mail or news message.
    case mbox
    /// Hacker News JSON (Algolia, HNPWA, Firebase items).
    case hn
    /// Reddit post-page JSON.
    case reddit
    /// A Lobsters story's JSON.
    case lobsters
    /// A Discourse topic's JSON.
    case discourse
    /// GitHub comments as the REST API lists them.
    case github
    /// A Mastodon status context or status.
    case mastodon
    /// A Bluesky thread (getPostThread).
    case bluesky
    /// A DiscordChatExporter channel export.
    case discord
    /// A Disqus XML export.
    case disqus
    /// A WordPress export (WXR).
    case wordpress
    /// A Stack Exchange data dump or API JSON.
    case stackexchange
    /// A Slack export folder.
    case slack
    /// A saved discussion page (Hacker News, Lobsters, WordPress).
    case html
}

/// An imported discussion: an optional article and its comments.
///
/// Comments are kept flat in source order; each names its parent by index, so a
/// discussion of any depth is stored without recursion. ``ThreadTree`` turns it into the
/// pre-order tree the reader shows.
public struct Discussion: Sendable {
    public var title: String?
    public var article: String?
    /// What to call the source on screen when it has no title (the file name).
    public var sourceName: String?
    /// The source's own id for the whole discussion (HN story, Reddit post), if any.
    public var sourceID: String?
    public var articleAuthor: String?
    public var articleDate: Timestamp?
    public var format: Format
    public var comments: [Comment] {
        didSet { knownKeyFingerprints = nil }
    }
    /// Every comment's key fingerprint, by index, where the importer made them as it made the
    /// comments (see ``keyFingerprints``); dropped when the comments change.
    private var knownKeyFingerprints: [UInt64]?
    /// What the importer wants the reader to know (a count that disagrees, no comments found).
    public var notices: [String]
    /// The web address each author's name links to, where the source gives one (a blog's
    /// `[Name](http://…)`); kept by name, not per comment, as it belongs to the person.
    public var authorLinks: [String: String] = [:]

    public init(
        title: String?, sourceID: String? = nil, article: String?, articleAuthor: String? = nil,
        articleDate: Timestamp? = nil,
        format: Format, comments: [Comment], notices: [String] = [], sourceName: String? = nil,
        isArchive: Bool? = nil
    ) {
        self.isArchive = isArchive ?? (format == .mbox)
        self.sourceName = sourceName
        self.sourceID = sourceID
        self.title = title
        self.article = article
        self.articleAuthor = articleAuthor
        self.articleDate = articleDate
        self.format = format
        self.comments = comments
        self.notices = notices
    }

    /// A mail archive or a folder of discussions: top-level nodes are threads or
    /// discussions, not comments on one article.
    public var isArchive: Bool

    /// The identity read state is kept under: the same for a re-import, an updated copy with
    /// more comments, and a moved or renamed file; different for different discussions.
    ///
    /// It is the source's id where there is one (HN story, Reddit post), else for an archive
    /// the Message-ID of its oldest message, else a hash of the title.
    public var identity: String {
        if let sourceID { return "\(format.rawValue):\(sourceID)" }
        if isArchive {
            // One pass without copying comments: this runs on every open of a big archive.
            var oldest: Int?
            var oldestSeconds = Int64.max
            for index in comments.indices where !comments[index].isPlaceholder {
                let seconds = comments[index].date?.secondsSinceEpoch ?? .max
                guard let best = oldest else {
                    (oldest, oldestSeconds) = (index, seconds)
                    continue
                }
                if seconds < oldestSeconds || (seconds == oldestSeconds && comments[index].id < comments[best].id) {
                    (oldest, oldestSeconds) = (index, seconds)
                }
            }
            return "\(format.rawValue):archive:\(oldest.map { comments[$0].key.rawValue } ?? sourceName ?? "")"
        }
        var hash = FNV1a64()
        hash.add(title ?? "")
        hash.add("\u{1F}")
        hash.add(String((article ?? "").prefix(200)))
        return "\(format.rawValue):\(hash.hex)"
    }

    /// Every comment's key fingerprint, by comment index: what saved keys are matched by and
    /// a visit records. Those the importer made with the comments, else made now.
    public var keyFingerprints: [UInt64] {
        if let knownKeyFingerprints { return knownKeyFingerprints }
        // By index: each key is read in place, the comment not copied.
        let comments = comments
        return comments.indices.map { comments[$0].key.fingerprint }
    }

    /// Keeps `fingerprints` as the comments' key fingerprints (by index, one a comment), for an
    /// importer that made them with the comments, while their keys were at hand.
    public mutating func keep(keyFingerprints fingerprints: [UInt64]) {
        precondition(fingerprints.count == comments.count, "one fingerprint a comment")
        knownKeyFingerprints = fingerprints
    }

    /// Indices of the comments that reply to `index` (nil: the top-level comments), in source order.
    public func replies(to index: Int?) -> [Int] {
        comments.indices.filter { comments[$0].parent == index }
    }
}
