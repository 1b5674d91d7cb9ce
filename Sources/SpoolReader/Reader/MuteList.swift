import SpoolCore

/// Who and what is muted: authors named in the config file (`mute`), authors muted with
/// `m` (kept in the state store for every discussion) and words (`mute_words`). A muted
/// comment shows as one line; its replies stay in the tree.
///
/// Authors are looked up by the tree's interned author ids, so asking about a row costs the
/// same in any discussion; a comment's text is checked for the words once, a slice at a
/// time (``checkWords(budget:in:)``), so opening a large archive never waits for it.
public struct MuteList: Sendable, Equatable {
    /// An author muted (true) or unmuted with `m`, not yet saved.
    public struct Change: Sendable, Equatable {
        public let author: String
        public let muted: Bool
    }

    /// Authors muted by the config file (as written); `m` does not unmute them.
    public let configured: [String]
    /// Authors muted with `m`.
    public private(set) var kept: Set<String>
    /// The words of `mute_words`, as written.
    public let words: [String]
    private let matchers: [TextMatcher]
    /// Per author of the tree (``ThreadTree/authorID``): muted.
    private var authorMuted: [Bool]
    /// Per node: 0, or 1 + the index of the first muted word its text holds (known for the
    /// nodes below ``wordsChecked``).
    private var wordHit: [UInt8]
    /// The nodes a muted word was found in, in order.
    private var wordHitNodes: [Int] = []
    /// The first node whose text is still to be checked for the words.
    public private(set) var wordsChecked = 1
    /// Muted comments shown anyway (`x`), by node.
    private var shown: Set<Int> = []
    /// How many comments are muted now (shown ones included).
    public private(set) var mutedCount = 0
    private var unsaved: [Change] = []

    /// How many muted words are checked (a hit is kept in a byte); the config file says
    /// when it lists more.
    public static let maximumWords = 255

    /// Mutes on `tree`: `configured` and `kept` authors (any case), and `words` (the first
    /// ``maximumWords``).
    public init(tree: ThreadTree, configured: [String], kept: Set<String>, words: [String]) {
        self.configured = configured
        self.kept = kept
        self.words = words
        matchers = words.prefix(Self.maximumWords).map { TextMatcher($0.lowercased()) }
        authorMuted = [Bool](repeating: false, count: tree.authors.count)
        wordHit = matchers.isEmpty ? [] : [UInt8](repeating: 0, count: tree.count)
        if matchers.isEmpty { wordsChecked = tree.count }
        markAuthors(in: tree)
    }

    /// Whether `node` shows as one muted line.
    public func isMuted(_ node: Int, in tree: ThreadTree) -> Bool {
        guard isMutedAtAll(node, in: tree) else { return false }
        return shown.isEmpty || !shown.contains(node)
    }

    /// Whether `node` is muted, shown with `x` or not.
    public func isMutedAtAll(_ node: Int, in tree: ThreadTree) -> Bool {
        guard node > ThreadTree.root, node < tree.count else { return false }
        let author = tree.authorID[node]
        if author >= 0 && authorMuted[author] { return true }
        return !wordHit.isEmpty && wordHit[node] > 0
    }

    /// Why `node` is muted: its author's name, or the word its text holds.
    public func reason(for node: Int, in tree: ThreadTree) -> String {
        let author = tree.authorID[node]
        if author >= 0 && authorMuted[author] { return tree.authors[author] }
        guard !wordHit.isEmpty, wordHit[node] > 0 else { return "" }
        return "\u{201C}\(words[Int(wordHit[node]) - 1])\u{201D}"
    }

    /// Whether the author named `name` is muted, and whether by the config file.
    public func authorState(_ name: String) -> (muted: Bool, byConfig: Bool) {
        let folded = name.lowercased()
        if configured.contains(where: { $0.lowercased() == folded }) { return (true, true) }
        return (kept.contains(where: { $0.lowercased() == folded }), false)
    }

    /// Whether words remain to be checked.
    public var isCheckingWords: Bool { wordsChecked < wordHit.count }

    /// Checks up to `budget` comments' text for the muted words; returns how many it checked.
    mutating func checkWords(budget: Int, tree: ThreadTree, comments: [Comment]) -> Int {
        let first = wordsChecked
        let end = min(wordHit.count, first + max(1, budget))
        guard first < end else { return 0 }
        for node in first..<end {
            // Fields are read in place: copying each Comment would retain and release its strings.
            let index = tree.commentIndex[node]
            guard !comments[index].isPlaceholder else { continue }
            let text = comments[index].body.textOnce
            let subject = comments[index].subject ?? ""
            if let index = matchers.firstIndex(where: { $0.matches(text) || $0.matches(subject) }) {
                wordHit[node] = UInt8(index + 1)
                wordHitNodes.append(node)
                let author = tree.authorID[node]
                if author < 0 || !authorMuted[author] { mutedCount += 1 }
            }
        }
        wordsChecked = end
        return end - first
    }

    /// Mutes or unmutes the author `name` (by `m`); returns whether it is muted now.
    mutating func toggle(author name: String, in tree: ThreadTree) -> Bool {
        let folded = name.lowercased()
        let muted: Bool
        if let existing = kept.first(where: { $0.lowercased() == folded }) {
            kept.remove(existing)
            unsaved.append(Change(author: existing, muted: false))
            muted = false
        } else {
            kept.insert(name)
            unsaved.append(Change(author: name, muted: true))
            muted = true
        }
        markAuthors(in: tree)
        return muted
    }

    /// Shows a muted comment whole, or folds it back to its line (`x`).
    mutating func toggleShown(_ node: Int) -> Bool {
        if shown.remove(node) != nil { return false }
        shown.insert(node)
        return true
    }

    /// The `m` changes since the last call, for saving.
    mutating func takeChanges() -> [Change] {
        defer { unsaved = [] }
        return unsaved
    }

    /// Sets ``authorMuted`` from the names and counts the muted comments again.
    private mutating func markAuthors(in tree: ThreadTree) {
        let names = Set((configured + kept).map { $0.lowercased() })
        var count = 0
        for (id, author) in tree.authors.enumerated() {
            authorMuted[id] = !names.isEmpty && names.contains(author.lowercased())
            if authorMuted[id] { count += tree.nodesByAuthor[id].count }
        }
        for node in wordHitNodes where !authorMuted[tree.authorID[node]] { count += 1 }
        mutedCount = count
    }
}
