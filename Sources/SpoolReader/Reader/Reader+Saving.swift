import SpoolCore
import SpoolScreen

/// Where the reader's marks and folds are kept between runs (the SQLite state store, or
/// nothing in a look that must not change anything).
public protocol ReaderStore: AnyObject {
    /// Saves changed read marks.
    func save(readChanges: [(key: StableKey, read: Bool)])
    /// Saves folds that changed, as differences from `default`: true, folded where the default
    /// leaves the comment open; false, open where it folds it; nil, as the default has it. The
    /// list is made by `changes` where the save is done (a writer's queue), not in the time of
    /// the key: a fold of every thread (`C`) names tens of thousands of keys.
    func save(foldChanges changes: @escaping @Sendable () -> [(key: StableKey, folded: Bool?)], default: FoldDefault)
    /// Saves where the reader is, to open there next time.
    func save(place: SavedPlace)
    /// Adds entries to the prompts' histories (by prompt name, oldest first).
    func save(historyEntries: [(kind: String, entry: String)])
    /// Saves authors muted (true) or unmuted with a key, for every discussion.
    func save(muteChanges: [(author: String, muted: Bool)])
    /// Saves comments flagged (true) or unflagged.
    func save(bookmarkChanges: [(key: StableKey, bookmarked: Bool)])
    /// What went wrong with the store, if anything (shown once in the status line).
    var warning: String? { get }
}

extension Reader {
    /// The read marks changed since the last call, by key, for saving.
    public mutating func takeReadChanges() -> [(key: StableKey, read: Bool)] {
        marks.takeChanges().compactMap { change in
            let comment = comment(at: change.node)
            return comment.isPlaceholder ? nil : (comment.key, change.read)
        }
    }

    /// The keys of the collapsed comments (the article as `StableKey.articleRoot`).
    public var collapsedKeys: Set<StableKey> { Set(collapse.nodes.map(collapseKey)) }

    /// The folds that differ from `saved`, by key and against ``foldDefault``, for saving
    /// (placeholders included: a fold on a missing message is a fold on its thread), to be
    /// listed later on another thread: it holds the folds and the comments as they are now
    /// (arrays shared, not copied).
    public func laterFoldChanges(since saved: CollapseState) -> @Sendable () -> [(key: StableKey, folded: Bool?)] {
        let (now, comments, tree, foldDefault) = (collapse, discussion.comments, tree, foldDefault)
        return {
            now.changes(since: saved).map { change in
                let key = Self.collapseKey(change.node, comments, tree.commentIndex)
                return (key, change.collapsed == foldDefault.folds(change.node, in: tree) ? nil : change.collapsed)
            }
        }
    }

    /// The folds of the comments whose keys are `keys` (what a store holds), as nodes.
    public func collapseState(of keys: Set<StableKey>) -> CollapseState {
        var state = CollapseState()
        Self.apply(keys, folded: true, to: &state, tree: tree, fingerprints: keyFingerprints)
        return state
    }

    /// Folds (or opens) in `state` the comments whose keys are `keys` in `tree`
    /// (`fingerprints` by comment index), matched by fingerprint: each check a read of a hash
    /// table.
    static func apply(
        _ keys: Set<StableKey>, folded: Bool, to state: inout CollapseState, tree: ThreadTree, fingerprints: [UInt64]
    ) {
        guard !keys.isEmpty else { return }
        func set(_ node: Int) { if folded { state.collapse(node) } else { state.expand(node) } }
        if keys.contains(.articleRoot) { set(ThreadTree.root) }
        let matches = FingerprintLookup(keys: keys)
        for node in 1..<max(tree.count, 1) where matches.contains(fingerprints[tree.commentIndex[node]]) { set(node) }
    }

    /// The key a fold of `node` is saved under.
    func collapseKey(_ node: Int) -> StableKey { Self.collapseKey(node, discussion.comments, tree.commentIndex) }

    /// The key a fold of `node` is saved under, read in place (`comment(at:)` would copy the
    /// whole comment).
    private static func collapseKey(_ node: Int, _ comments: [Comment], _ commentIndex: NodeColumn) -> StableKey {
        node == ThreadTree.root ? StableKey.articleRoot : comments[commentIndex[node]].key
    }

    /// Where the reader is now, to be saved.
    public var currentPlace: SavedPlace {
        let key = selected == ThreadTree.root ? StableKey.articleRoot : comment(at: selected).key
        let row = (rows.row(of: selected) ?? 0) - treeTop
        return SavedPlace(selected: key, rowOnScreen: max(0, row), articleScroll: articleScroll)
    }

    /// Opens at a saved place: the comment is selected (not marked: it was read when it was
    /// left), revealed, on the same screen row when it still fits, its article scrolled.
    mutating func resume(at place: SavedPlace) {
        guard place.selected != StableKey.articleRoot else {
            articleScroll = place.articleScroll
            return
        }
        guard let node = (1..<max(tree.count, 1)).first(where: { comment(at: $0).key == place.selected }) else {
            return
        }
        select(node, marking: false)
        articleScroll = place.articleScroll
        let row = rows.row(of: node) ?? 0
        treeTop = max(0, row - min(place.rowOnScreen, max(0, viewport.tree.height - 1)))
        messages.queue("Back where you left off.")
    }

    /// Selects the comment whose id in the source is `id` (`--at ID`): an HN or Reddit item
    /// id, a Message-ID with or without its `<>`, or a comment's stable key. Folds above it
    /// open; it is not marked read until it is read. An id no comment has is said.
    mutating func open(atCommentID id: String) {
        let wanted = id.trimmingCharacters(in: .whitespaces)
        // Made once: the search may go through every comment.
        let (bracketed, wantedKey, keyTail) = ("<\(wanted)>", StableKey(rawValue: wanted), ":" + wanted)
        let matches = { (comment: Comment) in
            comment.id == wanted || comment.id == bracketed || comment.key == wantedKey
                || comment.key.textEnds(with: keyTail)
        }
        guard let node = (1..<max(tree.count, 1)).first(where: { matches(comment(at: $0)) }) else {
            messages.queue("No comment \(wanted) in this discussion; opened at the start.")
            return
        }
        select(node, marking: false)
        // The comment a third of the way down the tree, with what leads to it above.
        let row = rows.row(of: node) ?? 0
        treeTop = max(0, row - max(0, viewport.tree.height / 3))
    }

    /// The keys of every read comment.
    public var readKeys: Set<StableKey> {
        var keys: Set<StableKey> = []
        for node in 1..<max(tree.count, 1) where marks.isRead(node) && !comment(at: node).isPlaceholder {
            keys.insert(comment(at: node).key)
        }
        return keys
    }
}

extension Reader {
    /// The messages to say now (this key's, then the warnings waiting), taken as seen.
    public mutating func takeMessages() -> [String] { messages.takeAll() }

    /// Queues a warning from outside the reader for the status line.
    public mutating func queue(notice text: String) { messages.queue(Sanitizer.clean(text)) }
}
