import SpoolCore
import SpoolScreen

extension Reader {
    /// How the reader behaves, from the command line or the config file.
    public struct Settings: Sendable, Equatable {
        /// Selecting a comment marks it read (`mark_read = "on-select"`); false is `"manual"`.
        public var marksReadOnSelect: Bool
        /// Fixed orientation, or nil to choose by width.
        public var orientation: Orientation?
        /// Fold every subtree that has nothing unread when the discussion opens.
        public var collapsesReadSubtrees: Bool
        /// Open where the last visit left off (`resume = true`).
        public var resumes: Bool
        /// Open at this comment instead (`--at ID`): its id in the source.
        public var opensAt: String?
        /// The discussion was opened by its address, so `$` can fetch it again.
        public var refreshable: Bool
        /// Long quoted blocks and signatures open folded (`fold_quotes`); `T` shows them.
        public var foldsQuotes: Bool
        /// Fold every subtree with nothing new when the discussion opens (`--collapse-seen`).
        public var collapsesSeenSubtrees = false
        /// What counts as new: comments dated after this (`--since`), instead of the comments
        /// the last visit did not see.
        public var newSince: Timestamp?
        /// The moment ages typed at `B` are counted back from (the clock is read outside).
        public var now: Timestamp?
        /// Authors whose comments show as one muted line (`mute`); `m` adds more.
        public var mutedAuthors: [String] = []
        /// Words that mute a comment whose text holds them (`mute_words`).
        public var mutedWords: [String] = []

        public init(
            marksReadOnSelect: Bool = true, orientation: Orientation? = nil, collapsesReadSubtrees: Bool = false,
            resumes: Bool = true, opensAt: String? = nil, refreshable: Bool = false, foldsQuotes: Bool = true
        ) {
            self.refreshable = refreshable
            self.foldsQuotes = foldsQuotes
            self.marksReadOnSelect = marksReadOnSelect
            self.orientation = orientation
            self.collapsesReadSubtrees = collapsesReadSubtrees
            self.resumes = resumes
            self.opensAt = opensAt
        }
    }

    /// Where the reader is: what is selected and scrolled, folded, narrowed and limited.
    /// A search keeps the place it began, to go back to on `Esc`.
    struct Place: Sendable {
        var selected: Int
        var treeTop: Int
        var articleScroll: Int
        var collapse: CollapseState
        var rows: VisibleRows
        var narrowedTo: Int?
        var limit: Limit?
    }

    var place: Place {
        get {
            Place(
                selected: selected, treeTop: treeTop, articleScroll: articleScroll, collapse: collapse, rows: rows,
                narrowedTo: narrowedTo, limit: limit)
        }
        set {
            selected = newValue.selected
            treeTop = newValue.treeTop
            articleScroll = newValue.articleScroll
            collapse = newValue.collapse
            rows = newValue.rows
            narrowedTo = newValue.narrowedTo
            limit = newValue.limit
        }
    }
}

/// What keys go to. One value, so an overlay and a prompt can never both be open.
public enum Mode: Equatable, Sendable {
    /// Keys act on the tree or the article.
    case browsing
    /// The key list (`?`).
    case help(HelpState)
    /// `/`, `L` or `|`: keys edit the prompt's line (a search's query is also in
    /// ``Reader/search``, searched as it is typed).
    case prompt(Prompt)
    /// `u`: a digit opens one of these addresses.
    case choosingURL([String])
    /// `V`: a digit views (or, after `s`, saves) one of the selected message's attachments.
    case choosingAttachment(AttachmentList)
}

/// The attachments of the selected message as the `V` list shows them.
public struct AttachmentList: Equatable, Sendable {
    /// One line per attachment: name, type and size.
    public var entries: [String]
    /// `s` was pressed: the next digit saves instead of viewing.
    public var isSaving = false

    public init(entries: [String]) { self.entries = entries }
}

/// The key list: how far it is scrolled, and the filter typed after `/` in it.
public struct HelpState: Equatable, Sendable {
    public var scroll = 0
    /// Only lines holding this text are listed (any case).
    public var filter = PromptLine()
    /// Keys go to the filter, not to scrolling.
    public var isFiltering = false

    public init(scroll: Int = 0) { self.scroll = scroll }
}

/// How the discussion is shown.
public enum Presentation: Equatable, Sendable {
    /// The tree and the article pane, with the pane that has focus.
    case panes(PaneFocus)
    /// One scroll of every comment under its header (`i`): the first row drawn, and how
    /// many of its lines are scrolled away. There is no article pane, so no article focus.
    case inline(top: Int, offset: Int)
}

/// Which pane the movement keys act on.
public enum PaneFocus: String, Sendable {
    case tree, article
}

/// How the tree and the article share the screen.
public enum Orientation: String, Sendable {
    /// Tree above, article below.
    case stacked
    /// Tree on the left, article on the right.
    case sideBySide = "side-by-side"
}

/// The status line's messages: what the last key said, and warnings from outside (a
/// corrupt state file, a failed save) that wait in a queue. A warning stays until the user
/// has had it on screen and pressed a key; resizes do not clear anything.
public struct StatusMessages: Equatable, Sendable {
    /// What the last key said.
    public private(set) var current: String?
    /// Warnings not yet dismissed, oldest first.
    public private(set) var queued: [String] = []

    /// The text the status line shows: the key's message, else the oldest warning (with how
    /// many more wait).
    public var shown: String? {
        if let current { return current }
        guard let first = queued.first else { return nil }
        return queued.count > 1 ? "\(first) (1 of \(queued.count); a key shows the next)" : first
    }

    /// The message of this key.
    mutating func say(_ text: String) { current = text }

    /// This key's message and every warning waiting, oldest first, all taken as read (linear
    /// mode prints each once).
    mutating func takeAll() -> [String] {
        defer {
            current = nil
            queued = []
        }
        return (current.map { [$0] } ?? []) + queued
    }

    /// A warning from outside, shown after those already waiting.
    mutating func queue(_ text: String) {
        if !queued.contains(text) { queued.append(text) }
    }

    /// A key was pressed: the warning on screen (if one was: `lineWasFree` is false while a
    /// prompt had the status line) has been seen, and the last key's message is done.
    mutating func keyPressed(lineWasFree: Bool = true) {
        if lineWasFree, current == nil, !queued.isEmpty { queued.removeFirst() }
        current = nil
    }
}

/// What the view measured for the reader: the panes on screen and how many lines a comment
/// takes, so keys that page, scroll or click work on what the user sees. The view makes a
/// new one before every key.
public struct Viewport: Sendable {
    public var columns: Int
    public var rows: Int
    /// The rows of the reply tree (or of the inline scroll).
    public var tree: Rect
    /// The article pane (or the inline scroll).
    public var article: Rect
    /// The orientation the panes are in.
    public var orientation: Orientation
    /// Counts the lines the view wraps text into.
    public var measure: any TextMeasure

    public init(columns: Int, rows: Int, tree: Rect, article: Rect, orientation: Orientation, measure: any TextMeasure)
    {
        self.columns = columns
        self.rows = rows
        self.tree = tree
        self.article = article
        self.orientation = orientation
        self.measure = measure
    }
}

/// The view's line counts, which depend on its wrapping; it keeps what it wrapped.
public protocol TextMeasure: Sendable {
    /// The article pane's lines for `node`.
    func articleLineCount(of node: Int, in reader: Reader) -> Int
    /// The lines `node` takes in the inline scroll (header, body, blank line).
    func inlineLineCount(of node: Int, in reader: Reader) -> Int
    /// How many columns from the left of the tree pane a click on `node`'s row folds or
    /// unfolds it rather than selecting it: its tree lines and read marker.
    func foldZoneWidth(of node: Int, in reader: Reader) -> Int
    /// How many lines the key list has for `reader`'s screen and help filter.
    func helpLineCount(in reader: Reader) -> Int
    /// Whether the article line `line` of `node` stands for folded text (a quote, a
    /// signature, a muted comment) that a click shows.
    func isFoldLine(_ line: Int, of node: Int, in reader: Reader) -> Bool
    /// The first article line of `node` at or after `line` that starts new text after a
    /// quote (`S`), or nil when no quote is followed by new text there.
    func nextNewText(of node: Int, from line: Int, in reader: Reader) -> Int?
}
