/// Decodes comment bodies on demand: an importer that keeps where each body lies in its
/// source (file offsets, say) instead of holding every body decoded.
public protocol BodySource: AnyObject, Sendable {
    /// The plain text of the body the importer placed at `span` (say, a message's bytes).
    func text(of span: Range<Int>) -> String

    /// The same text for a one-off look (a search going through every body), which should
    /// not push out what is on screen from any cache.
    func textOnce(of span: Range<Int>) -> String

    /// The message's main header fields (From with its address, To, Cc, Date, Message-ID…),
    /// for sources that have them (mail and news); empty otherwise.
    func headerFields(of span: Range<Int>) -> [HeaderField]

    /// The message's attachments, decoded; empty for sources without them.
    func attachments(of span: Range<Int>) -> [Attachment]

    /// The message as one mbox entry (a `From ` line, the headers and body with body lines
    /// starting `From ` quoted), for sources that hold whole messages; nil otherwise.
    func mboxEntry(of span: Range<Int>) -> [UInt8]?
}

extension BodySource {
    public func textOnce(of span: Range<Int>) -> String { text(of: span) }
    public func headerFields(of span: Range<Int>) -> [HeaderField] { [] }
    public func attachments(of span: Range<Int>) -> [Attachment] { [] }
    public func mboxEntry(of span: Range<Int>) -> [UInt8]? { nil }
}

/// The text of a comment: held, or decoded from its ``BodySource`` each time it is asked
/// for (the source may cache what was shown recently).
///
/// Archives keep their bodies deferred, so opening 100,000 messages decodes none of them;
/// web pages keep theirs as ranges of the page's lines; Hacker News and Reddit comments
/// hold their text. Two bodies are equal when their texts are.
public struct CommentBody: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    private enum Storage: Sendable {
        case text(String)
        case deferred(any BodySource, Range<Int>)
    }

    private let storage: Storage

    public init(_ text: String) { storage = .text(text) }

    public init(stringLiteral value: String) { storage = .text(value) }

    /// A body that `source` decodes when it is first needed.
    public init(source: any BodySource, span: Range<Int>) { storage = .deferred(source, span) }

    /// The plain text (paragraphs separated by one blank line).
    public var text: String {
        switch storage {
        case .text(let text): return text
        case .deferred(let source, let span): return source.text(of: span)
        }
    }

    /// The text for a one-off look (see ``BodySource/textOnce(of:)``).
    public var textOnce: String {
        switch storage {
        case .text(let text): return text
        case .deferred(let source, let span): return source.textOnce(of: span)
        }
    }

    /// The message's main header fields; empty for a body held as text.
    public var headerFields: [HeaderField] {
        if case .deferred(let source, let span) = storage { return source.headerFields(of: span) }
        return []
    }

    /// The message's attachments; empty for a body held as text.
    public var attachments: [Attachment] {
        if case .deferred(let source, let span) = storage { return source.attachments(of: span) }
        return []
    }

    /// The whole message as an mbox entry; nil for a body held as text.
    public var mboxEntry: [UInt8]? {
        if case .deferred(let source, let span) = storage { return source.mboxEntry(of: span) }
        return nil
    }

    /// Where a deferred body lies in its source; nil for a body held as text.
    public var span: Range<Int>? {
        if case .deferred(_, let span) = storage { return span }
        return nil
    }

    /// Whether the text is decoded only when asked for.
    public var isDeferred: Bool {
        if case .deferred = storage { return true }
        return false
    }

    public var description: String { text }

    public static func == (lhs: CommentBody, rhs: CommentBody) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
