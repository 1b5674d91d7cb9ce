import SpoolCore

/// `O`: the threads re-sorted at run time (newest activity first, oldest first, replies by
/// score where the source gives scores, as the source has them). The tree is laid out again; read marks, new marks, folds, the
/// selection and its place on the screen stay.
extension Reader {
    mutating func toggleThreadOrder() {
        let source = sourceDiscussion ?? discussion
        let hasScores = source.comments.contains { $0.score != nil }
        guard tree.topLevelCount > 1 || hasScores else {
            messages.say("There is one thread: nothing to sort.")
            return
        }
        let current = topLevelKeys(of: discussion, tree: tree)
        var order = threadOrder
        for _ in 1..<ThreadOrder.allCases.count {
            order = order.next
            if order == .score && !hasScores { continue }
            let candidate = order == .source ? source : source.orderingThreads(order)
            let candidateTree = ThreadTree(candidate)
            // An order that changes nothing (an archive already sorted newest first) is
            // skipped; sorting by score reorders replies too, so it is always a change.
            guard
                order == .score || threadOrder == .score || topLevelKeys(of: candidate, tree: candidateTree) != current
            else { continue }
            relayOut(candidate, order: order, source: source)
            messages.say("Threads \(order.summary); O sorts them again.")
            return
        }
        threadOrder = order.next
        messages.say("Every order is the same for these threads (no dates to sort by).")
    }

    /// The keys of the top-level comments, in order.
    private func topLevelKeys(of discussion: Discussion, tree: ThreadTree) -> [StableKey] {
        var keys: [StableKey] = []
        var node = tree.firstChild(of: ThreadTree.root)
        while let current = node {
            keys.append(discussion.comments[tree.commentIndex[current]].key)
            node = tree.nextSibling[current] >= 0 ? tree.nextSibling[current] : nil
        }
        return keys
    }

    /// This reader on `reordered`, with what the user did to this one carried over.
    private mutating func relayOut(_ reordered: Discussion, order: ThreadOrder, source: Discussion) {
        let collapsedKeys = Set(collapse.nodes.map(collapseKey))
        var saved = SavedState(
            readKeys: readKeys, collapsedKeys: collapsedKeys, previouslySeen: seenSets.last, place: currentPlace)
        saved.seenBeforeLastVisit = seenSets.before
        saved.mutedAuthors = mutes.kept
        saved.bookmarks = bookmarks.keys
        var next = Reader(discussion: reordered, viewport: viewport, settings: settings, keyMap: keyMap, saved: saved)
        // The folds as they are now, not as an opening would choose them for the screen; saved
        // against the default they were opened with.
        next.collapse = next.collapseState(of: collapsedKeys)
        next.foldDefault = foldDefault
        next.rebuildRows()
        next.history = history
        next.themeNames = themeNames
        next.themeIndex = themeIndex
        next.presentation = isInline ? .panes(.tree) : presentation
        next.showsHeaders = showsHeaders
        next.showsQuotedText = showsQuotedText
        next.layoutGeneration = layoutGeneration + 1
        next.sourceDiscussion = source
        next.threadOrder = order
        next.renew(by: baseline)
        // A focus and a limit stay: the focused comment found again by its key, the limit's
        // pattern applied again to the new layout.
        if let focus = narrowedTo {
            let key = comment(at: focus).key
            next.narrowedTo = (1..<max(next.tree.count, 1)).first { next.comment(at: $0).key == key }
            next.rebuildRows()
        }
        if let place = saved.place { next.resume(at: place) }
        next.messages = messages
        if let limit { next.applyLimit(limit.pattern) }
        self = next
    }
}
