/// One comment of a discussion, as imported.
///
/// 136 bytes (it was 152): the parent and score are kept without `Optional`'s padding, and
/// the small fields fill the tail of the body's (a million-message archive holds a million).
public struct Comment: Hashable, Sendable {
    /// The id, where it is not the key's source id (nil: it is; an archive's comments keep
    /// their ids only in their keys, which hold them in a ``SourceIDList``).
    private var storedID: String?
    private var storedKey: StableKey
    public var author: String
    /// The subject line of mail and news; nil for web comments.
    public var subject: String?
    /// Plain text, paragraphs separated by one blank line, source indentation removed;
    /// deferred for archives (see ``CommentBody``).
    public var body: CommentBody
    /// The parent's index, -1 for none: 4 bytes where `Int?` takes 16 with its padding
    /// (a million-message archive holds a million comments).
    private var storedParent: Int32 = -1
    public var date: Timestamp?
    /// A message that replies name but the source does not contain.
    public var isPlaceholder: Bool
    /// The source says it was read (mbox `Status: R`, a Maildir file's `S` flag): it starts
    /// read the first time the discussion is opened.
    public var isReadAtSource = false
    /// The score, `Int.min` for none (8 bytes where `Int?` takes 16).
    private var storedScore = Int.min

    /// The source's own identity (Message-ID, HN or Reddit id, printed number) or else the
    /// position path (`"4.2"`).
    public var id: String {
        get { storedID ?? storedKey.sourceID ?? "" }
        set { storedID = newValue }
    }

    /// The read-state key; see ``StableKey``.
    public var key: StableKey {
        get { storedKey }
        set {
            // The id stays what it was when the key no longer carries it.
            if storedID == nil { storedID = id }
            storedKey = newValue
        }
    }

    /// Index of the parent in ``Discussion/comments``; nil for a top-level comment.
    public var parent: Int? {
        get { storedParent < 0 ? nil : Int(storedParent) }
        set { storedParent = Self.stored(parent: newValue) }
    }

    /// `parent` as it is stored.
    private static func stored(parent: Int?) -> Int32 {
        guard let parent, parent >= 0 else { return -1 }
        precondition(parent <= Int32.max, "a comment's index fits in 31 bits")
        return Int32(truncatingIfNeeded: parent)
    }

    /// The votes the source gives it (Hacker News points, a Reddit, Lobsters or Stack
    /// Exchange score); nil where the source has none.
    public var score: Int? {
        get { storedScore == .min ? nil : storedScore }
        set { storedScore = newValue.map { max($0, .min + 1) } ?? .min }
    }

    public static func == (a: Comment, b: Comment) -> Bool {
        a.id == b.id && a.key == b.key && a.author == b.author && a.subject == b.subject && a.body == b.body
            && a.parent == b.parent && a.date == b.date && a.isPlaceholder == b.isPlaceholder
            && a.isReadAtSource == b.isReadAtSource && a.score == b.score
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(key)
        hasher.combine(author)
        hasher.combine(subject)
        hasher.combine(body)
        hasher.combine(parent)
        hasher.combine(date)
        hasher.combine(isPlaceholder)
        hasher.combine(isReadAtSource)
        hasher.combine(score)
    }
}

// The initializers are in an extension, so that the struct keeps the memberwise initializer
// the compiler makes (private, as its fields are): each sets the fields through it. An
// initializer in the struct that sets them one by one, or through another, made the comment
// twice, an outlined copy and a destroy (a retain and a release of each of its references),
// for every message of an archive: the compiler's handling of large structs.
extension Comment {
    public init(
        id: String, key: StableKey? = nil, author: String, date: Timestamp?, subject: String? = nil, body: CommentBody,
        parent: Int? = nil, isPlaceholder: Bool = false
    ) {
        self.init(
            storedID: id, storedKey: key ?? .sourceID(id), author: author, subject: subject, body: body,
            storedParent: Self.stored(parent: parent), date: date, isPlaceholder: isPlaceholder)
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

    /// A comment whose id is id `index` of `ids` (a mail archive's Message-ID), held there
    /// and not as a string of its own; its key is that id's.
    public init(
        id index: Int, of ids: SourceIDList, author: String, date: Timestamp?, subject: String? = nil,
        body: CommentBody
    ) {
        self.init(
            storedID: nil, storedKey: .sourceID(in: ids, at: index), author: author, subject: subject, body: body,
            date: date, isPlaceholder: false)
    }
}
