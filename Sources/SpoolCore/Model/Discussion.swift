/// The format a discussion was imported from.
public enum SourceFormat: String, CaseIterable, Sendable {
    case web, mbox, hn, reddit
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
    public var articleAuthor: String?
    public var articleDate: Timestamp?
    public var format: SourceFormat
    public var comments: [Comment]
    /// What the importer wants the reader to know (a count that disagrees, no comments found).
    public var notices: [String]

    public init(
        title: String?, article: String?, articleAuthor: String? = nil, articleDate: Timestamp? = nil,
        format: SourceFormat, comments: [Comment], notices: [String] = [], sourceName: String? = nil,
        isArchive: Bool? = nil
    ) {
        self.isArchive = isArchive ?? (format == .mbox)
        self.sourceName = sourceName
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

    /// Indices of the comments that reply to `index` (nil: the top-level comments), in source order.
    public func replies(to index: Int?) -> [Int] {
        comments.indices.filter { comments[$0].parent == index }
    }
}
