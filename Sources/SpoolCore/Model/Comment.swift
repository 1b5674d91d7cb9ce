/// One comment of a discussion, as imported.
public struct Comment: Hashable, Sendable {
    /// The source's own identity (Message-ID, HN or Reddit id, printed number) or else the
    /// position path (`"4.2"`).
    public var id: String
    /// The read-state key; see ``StableKey``.
    public var key: StableKey
    public var author: String
    public var date: Timestamp?
    /// The subject line of mail and news; nil for web comments.
    public var subject: String?
    /// Plain text, paragraphs separated by one blank line, source indentation removed;
    /// deferred for archives (see ``CommentBody``).
    public var body: CommentBody
    /// Index of the parent in ``Discussion/comments``; nil for a top-level comment.
    public var parent: Int?
    /// A message that replies name but the source does not contain.
    public var isPlaceholder: Bool
    /// The source says it was read (mbox `Status: R`, a Maildir file's `S` flag): it starts
    /// read the first time the discussion is opened.
    public var isReadAtSource = false
    /// The votes the source gives it (Hacker News points, a Reddit, Lobsters or Stack
    /// Exchange score); nil where the source has none.
    public var score: Int?

    public init(
        id: String, key: StableKey? = nil, author: String, date: Timestamp?, subject: String? = nil, body: CommentBody,
        parent: Int? = nil, isPlaceholder: Bool = false
    ) {
        self.subject = subject
        self.id = id
        self.key = key ?? .sourceID(id)
        self.author = author
        self.date = date
        self.body = body
        self.parent = parent
        self.isPlaceholder = isPlaceholder
    }

    /// A comment whose body is held as text.
    public init(
        id: String, key: StableKey? = nil, author: String, date: Timestamp?, subject: String? = nil, body: String,
        parent: Int? = nil, isPlaceholder: Bool = false
    ) {
        self.init(
            id: id, key: key, author: author, date: date, subject: subject, body: CommentBody(body), parent: parent,
            isPlaceholder: isPlaceholder)
    }
}
