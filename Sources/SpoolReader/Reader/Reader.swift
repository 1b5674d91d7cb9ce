import SpoolCore
import SpoolScreen

/// The reader's state machine: an ``Input`` goes in, the state changes, ``Effects`` come out.
///
/// The Reader never draws, never reads files and never reads the clock. The view renders
/// it and reports what it measured (pane sizes, line counts) back as a ``Viewport``; work
/// that could make a key wait (a search, a limit) is a job advanced by a budget of
/// comments (``work(budget:)``).
///
/// ```swift
/// var reader = Reader(discussion: discussion, viewport: viewport, settings: Reader.Settings())
/// let effects = reader.handle(.key(.character("j")))
/// ```
public struct Reader: Sendable {
    public let discussion: Discussion
    public let tree: ThreadTree
    public internal(set) var collapse: CollapseState
    public internal(set) var rows: VisibleRows
    public internal(set) var marks: ReadMarks
    /// The selected node (0 is the article).
    public internal(set) var selected = ThreadTree.root
    /// The first tree row on screen.
    public internal(set) var treeTop = 0
    /// The first article line on screen.
    public internal(set) var articleScroll = 0
    /// Panes (with the pane that has focus) or the inline scroll.
    public internal(set) var presentation = Presentation.panes(.tree)
    /// What keys go to: the tree, an overlay or a prompt.
    public internal(set) var mode = Mode.browsing
    /// The status messages: this key's, then warnings waiting to be seen.
    public internal(set) var messages = StatusMessages()
    public internal(set) var settings: Settings
    public var keyMap: KeyMap
    /// The names of the themes `t` cycles through, and the one in use.
    public internal(set) var themeNames: [String] = ["default"]
    public internal(set) var themeIndex = 0
    /// How the threads are sorted now (`O`).
    public internal(set) var threadOrder = ThreadOrder.source
    /// The discussion as it was opened, once `O` has re-sorted it.
    var sourceDiscussion: Discussion?
    /// Counts the times the tree was laid out again (`O`): node numbers of an earlier
    /// layout mean nothing in this one, so caches keyed by node start afresh.
    public internal(set) var layoutGeneration = 0
    /// Mail and news messages show their full header fields (`H`).
    public internal(set) var showsHeaders = false
    /// Long quoted blocks and signatures are shown whole (`T`), not folded to one line.
    public internal(set) var showsQuotedText = false
    /// The comment whose subtree alone fills the tree pane (`z`), or nil.
    public internal(set) var narrowedTo: Int?
    /// Where jumps left, for `,` and `.`.
    var jumps = JumpList()
    /// `$` was pressed on a discussion opened by its address: the reader quit so that the
    /// command fetches it again and reopens it.
    public internal(set) var refreshRequested = false
    /// Who and what is muted (`m`, `mute`, `mute_words`).
    public internal(set) var mutes: MuteList
    /// The flagged comments (`F`).
    public internal(set) var bookmarks: Bookmarks
    /// The limit in force (`L`, `f`).
    public internal(set) var limit: Limit?
    /// A limit still checking comments (see ``applyLimit(_:)``).
    var pendingLimit: PendingLimit?
    /// Why the last limit pattern could not be used.
    var limitProblem: String?
    /// The search being typed or last run, and how far it has looked.
    public internal(set) var search = SearchState()
    /// What was typed at each prompt, for `Up` and `Down` in it.
    public internal(set) var history: PromptHistory
    /// Where a search began, to go back to when it is cancelled.
    var searchReturn: Place?
    /// The marks a bulk mark changed, for `undo-bulk-mark`.
    var lastBulkMark: [Int] = []
    /// The selection moved: idle time should get the comments around it ready.
    var needsPrefetch = false
    /// What the view measured at the last frame.
    public internal(set) var viewport: Viewport
    /// Comments that are new by the ``baseline``.
    public internal(set) var isNew: [Bool]
    /// How many comments are new by the ``baseline``.
    public internal(set) var newCount: Int
    /// What counts as new (`B`, `--since`).
    public internal(set) var baseline: NewBaseline
    /// The comments present at the visits up to the last one, and up to the one before it.
    let seenSets: (last: KeyFingerprints?, before: KeyFingerprints?)
    /// The folds the discussion opened with before its saved exceptions: folds are saved as
    /// differences from it.
    public internal(set) var foldDefault: FoldDefault
    /// Every comment's key fingerprint, by comment index: saved keys are matched by these
    /// (each key hashed once, each check a read of a hash table), and the visit records them.
    public let keyFingerprints: [UInt64]

    /// A reader on `discussion` laid out for `viewport`, restoring what `saved` holds: read
    /// marks, folds, and the comments seen at the previous visit (the others are marked new).
    /// `fingerprinted` is given every comment's key fingerprint (``keyFingerprints``) as soon
    /// as they are made, maybe on another thread while the tree is still being built: the
    /// visit can start being recorded from them before the reader is ready.
    public init(
        discussion: Discussion, viewport: Viewport, settings: Settings, keyMap: KeyMap = .standard,
        saved: SavedState = SavedState(), fingerprinted: (@Sendable ([UInt64]) -> Void)? = nil
    ) {
        let (tree, fingerprints) = TreeAndFingerprints.make(discussion, then: fingerprinted)
        var marks = ReadMarks(tree: tree)
        // Saved keys are matched by fingerprint: each comment's key is hashed once, and a
        // check is a read of a hash table, not a string hashed and compared.
        let read = saved.readKeys.isEmpty ? nil : FingerprintLookup(keys: saved.readKeys)
        // Fields are read in place: copying each Comment would retain and release its strings.
        let comments = discussion.comments
        for node in 1..<max(tree.count, 1) {
            let index = tree.commentIndex[node]
            // A placeholder is nothing to read: it never counts as unread.
            if comments[index].isPlaceholder || read?.contains(fingerprints[index]) == true {
                marks.setRead(node, true)
            }
        }
        let baseline = settings.newSince.map(NewBaseline.date) ?? .lastVisit
        let (isNew, newCount) = NewBaseline.newMarks(
            tree, discussion, baseline: baseline, seen: saved.previouslySeen?.lookup, fingerprints: fingerprints)
        _ = marks.takeChanges()
        // The first time a discussion is opened, what the source says was read (mutt's
        // `Status: RO`, a Maildir's `S` flag) starts read, and is saved like any mark.
        if saved.previouslySeen == nil && saved.readKeys.isEmpty {
            for node in 1..<max(tree.count, 1) where comments[tree.commentIndex[node]].isReadAtSource {
                marks.setRead(node, true)
            }
        }
        let openingCollapse = OpeningCollapse(
            tree: tree, discussion: discussion, marks: marks, saved: saved, fingerprints: fingerprints, isNew: isNew)
        let (collapse, foldDefault) = openingCollapse.state(
            treeHeight: viewport.tree.height, collapsesRead: settings.collapsesReadSubtrees,
            collapsesSeen: settings.collapsesSeenSubtrees && newCount > 0)
        self.discussion = discussion
        self.foldDefault = foldDefault
        keyFingerprints = fingerprints
        self.tree = tree
        self.marks = marks
        self.isNew = isNew
        self.newCount = newCount
        self.baseline = baseline
        seenSets = (saved.previouslySeen, saved.seenBeforeLastVisit)
        self.collapse = collapse
        self.rows = VisibleRows(tree: tree, collapsed: collapse)
        self.viewport = viewport
        self.settings = settings
        self.keyMap = keyMap
        history = PromptHistory(saved: saved.promptHistory)
        mutes = MuteList(
            tree: tree, configured: settings.mutedAuthors, kept: saved.mutedAuthors, words: settings.mutedWords)
        bookmarks = Bookmarks(keys: saved.bookmarks)
        showsQuotedText = !settings.foldsQuotes
        if let id = settings.opensAt {
            open(atCommentID: id)
            // Once: a re-sort (`O`) keeps the place it has then.
            self.settings.opensAt = nil
        } else if settings.resumes, let place = saved.place {
            resume(at: place)
        }
        for notice in discussion.notices { messages.queue(notice) }
        if newCount > 0 { messages.queue("\(newCount) new \(baseline.summary).") }
    }

    /// The comment shown by `node` (not the root).
    public func comment(at node: Int) -> Comment { discussion.comments[tree.commentIndex[node]] }

    /// The pane that has focus; inline mode has no panes and the tree stands for it.
    public var paneFocus: PaneFocus {
        if case .panes(let focus) = presentation { return focus }
        return .tree
    }

    /// Whether the inline scroll is shown instead of the panes.
    public var isInline: Bool {
        if case .inline = presentation { return true }
        return false
    }

    /// Whether a prompt (search, limit, pipe) has the status line.
    public var hasPrompt: Bool { prompt != nil }

    /// The prompt being typed, if one is open.
    public var prompt: Prompt? {
        if case .prompt(let prompt) = mode { return prompt }
        return nil
    }

    /// Sets the themes `t` cycles through and the one in use.
    public mutating func setThemes(_ names: [String], current: Int) {
        themeNames = names.isEmpty ? ["default"] : names
        themeIndex = min(max(0, current), themeNames.count - 1)
    }

    /// Handles one input; returns what the loop must do.
    public mutating func handle(_ input: Input) -> Effects {
        switch input {
        case .notice(let text):
            queue(notice: text)
            return .redraw
        case .key(.resize):
            // The view measures the new size; the messages stay for the user to read.
            return .redraw
        case .key(let key):
            messages.keyPressed(lineWasFree: !hasPrompt)
            return handleKey(key)
        }
    }

    private mutating func handleKey(_ key: Key) -> Effects {
        if case .mouse(let button, let column, let row) = key {
            guard mode == .browsing else { return .none }
            return withSaves { $0.handleMouse(button, column: column, row: row) }
        }
        switch mode {
        case .choosingURL(let choices): return handleURLKey(key, choices: choices)
        case .choosingAttachment(let list): return handleAttachmentKey(key, list: list)
        case .prompt(let prompt): return withSaves { $0.handlePromptKey(key, prompt: prompt) }
        case .help(let help) where help.isFiltering: return handleHelpFilterKey(key, help: help)
        case .help, .browsing: break
        }
        guard let action = keyMap.action(for: key) else {
            messages.say("\(KeyNotation.name(of: key)) does nothing here; ? lists the keys.")
            return .redraw
        }
        if case .help(let help) = mode { return handleInHelp(action, help: help) }
        return withSaves { $0.perform(action) }.merged(with: .redraw)
    }

    /// Runs `change` and adds the saves its changes to marks and folds need.
    private mutating func withSaves(_ change: (inout Reader) -> Effects) -> Effects {
        let readBefore = marks.version
        let collapseBefore = collapse.version
        var effects = change(&self)
        if marks.version != readBefore { effects.commands.append(.saveReadMarks) }
        if collapse.version != collapseBefore { effects.commands.append(.saveCollapsed) }
        return effects
    }

    /// Keeps the selection on screen and the article scroll in range, after the view has
    /// measured the screen this key left (called by the program after every input).
    public mutating func settle(in viewport: Viewport) {
        self.viewport = viewport
        keepSelectionOnScreen()
        clampArticleScroll()
    }

    /// Keys in the key list: the movement keys scroll it (`G`/`End` to its end), `/` types a
    /// filter, and help, quit and close leave it.
    private mutating func handleInHelp(_ action: Action, help: HelpState) -> Effects {
        var help = help
        let page = max(1, helpHeight - 1)
        switch action {
        case .help, .quit, .close:
            mode = .browsing
            return .redraw
        case .nextComment, .articleLineDown: help.scroll += 1
        case .previousComment, .articleLineUp: help.scroll -= 1
        case .pageDown, .articlePageDown: help.scroll += page
        case .pageUp, .articlePageUp: help.scroll -= page
        case .first: help.scroll = 0
        case .last: help.scroll = Int.max / 2
        case .search:
            help.isFiltering = true
            help.filter = PromptLine()
            help.scroll = 0
        default: break
        }
        help.scroll = min(max(0, help.scroll), maximumHelpScroll)
        mode = .help(help)
        return .redraw
    }

    /// Keys while the help filter is typed: the filter line edits itself; Enter keeps it,
    /// Esc clears it.
    mutating func handleHelpFilterKey(_ key: Key, help: HelpState) -> Effects {
        var help = help
        switch help.filter.apply(key) {
        case .edited: help.scroll = 0
        case .submitted: help.isFiltering = false
        case .cancelled:
            help.isFiltering = false
            help.filter = PromptLine()
        case .moved, .ignored: break
        }
        mode = .help(help)
        return .redraw
    }

    /// The key list's rows (the screen less its title and its bottom line).
    private var helpHeight: Int { max(1, viewport.rows - 2) }

    private var maximumHelpScroll: Int { max(0, viewport.measure.helpLineCount(in: self) - helpHeight) }
}
