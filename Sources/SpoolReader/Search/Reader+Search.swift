import SpoolCore
import SpoolScreen

/// Search over authors, subjects and bodies: `/` opens a prompt that searches as you type,
/// `n`/`N` move between matches (unfolding what hides them), smart case (a query with a
/// capital letter is case-sensitive).
///
/// While the query is typed the first match is a preview: it is selected and shown, but
/// nothing is marked read, and `Esc` goes back to where the search began; `Enter` lands on
/// the match. A search never makes a key wait on the size of the discussion: each key
/// examines ``searchStepPerKey`` comments from where the search started onwards (wrapping);
/// the rest is a job the loop advances with ``work(budget:)`` while no key is pending.
extension Reader {
    /// How many comments a key of the search prompt examines before handing the rest to
    /// idle time.
    public static let searchStepPerKey = 64

    public static func isCaseSensitive(_ query: String) -> Bool { query.contains { $0.isUppercase } }

    /// Whether the comment at `node` matches the current search (as far as it has looked).
    public func isMatch(_ node: Int) -> Bool {
        guard !search.query.isEmpty, node != ThreadTree.root else { return false }
        return search.contains(node)
    }

    /// Whether the query is being typed.
    public var isSearching: Bool {
        if case .prompt(let prompt) = mode { return prompt.kind == .search }
        return false
    }

    /// What a key did to the search prompt's line.
    mutating func searchPromptChanged(_ outcome: PromptLine.Outcome, line: PromptLine) {
        switch outcome {
        case .edited:
            search.query = line.text
            restartSearch()
        case .submitted: submitSearch()
        case .cancelled:
            if let searchReturn { place = searchReturn }
            searchReturn = nil
            search = SearchState()
            mode = .browsing
            messages.say("Search cancelled.")
        case .moved, .ignored: break
        }
    }

    mutating func startSearch() {
        search = SearchState(query: "", origin: selected)
        searchReturn = place
        mode = .prompt(Prompt(.search))
    }

    /// Enter: the previewed match becomes the selection, marked read as any selection is.
    /// An empty query searches again for the last one, from after the selection (as in
    /// mutt and less).
    private mutating func submitSearch() {
        mode = .browsing
        searchReturn = nil
        if search.query.isEmpty {
            guard let last = history[.search].last else {
                messages.say("No search yet: type what to look for after /.")
                return
            }
            search = SearchState(query: last, origin: selected + 1)
            search.restart(nodeCount: tree.count)
            continueSearch(budget: Reader.searchStepPerKey)
            if search.isRunning && search.matchCount == 0 { messages.say("Searching for \(last)…") }
            return
        }
        history.add(search.query, to: .search)
        if search.hasSelected { select(selected) }
        if search.matchCount > 0 || !search.isRunning { messages.say(matchMessage()) }
    }

    /// A changed query: back to where the search began, and look again from there.
    private mutating func restartSearch() {
        if let searchReturn { place = searchReturn }
        search.restart(nodeCount: tree.count)
        continueSearch(budget: Reader.searchStepPerKey)
    }

    /// Examines up to `budget` comments in search order; returns how many it examined.
    @discardableResult
    mutating func continueSearch(budget: Int) -> Int {
        let matcher = TextMatcher(search.query)
        var examined = 0
        while examined < budget, let node = search.nextNode() {
            let comment = comment(at: node)
            if matcher.matches(comment.author) || matcher.matches(comment.subject ?? "")
                || matcher.matches(comment.body.textOnce)
            {
                search.record(node)
                if !search.hasSelected {
                    search.hasSelected = true
                    // Typing previews the match; after Enter, the search lands on it.
                    select(node, marking: !isSearching)
                }
            }
            examined += 1
        }
        if !search.isRunning && !isSearching { messages.say(matchMessage()) }
        return examined
    }

    /// `n` / `N`: the next or previous match, wrapping.
    mutating func goToMatch(forward: Bool) {
        guard let target = search.match(after: selected, forward: forward) else {
            messages.say(
                search.query.isEmpty
                    ? "No search yet: / searches." : search.isRunning ? "Searching…" : "No matches for \(search.query)."
            )
            return
        }
        let wrapped = forward ? target <= selected : target >= selected
        select(target)
        messages.say(
            matchMessage() + (wrapped ? (forward ? "; search wrapped to the top" : "; search wrapped to the end") : ""))
    }

    private func matchMessage() -> String {
        let more = search.isRunning ? " so far" : ""
        guard search.matchCount > 0 else { return search.isRunning ? "Searching…" : "No matches for \(search.query)." }
        let position = search.position(of: selected).map { $0 + 1 }
        return position.map { "match \($0) of \(search.matchCount)\(more)" } ?? "\(search.matchCount) matches\(more)"
    }
}

/// The search being typed or last run, and how far it has looked.
///
/// It looks from `origin` to the end of the tree, then from the top back to `origin`; the
/// matches of each leg are kept in reading order, so membership and next/previous are
/// binary searches.
public struct SearchState: Sendable, Equatable {
    public var query = ""
    /// Where the search started, so typing more searches from there again.
    var origin = 0
    /// Matches at or after `origin`, and (after wrapping) before it, each in reading order.
    private var fromOrigin: [Int] = []
    private var beforeOrigin: [Int] = []
    /// The next node to examine, and one past the last node of the tree.
    private var cursor = 0
    private var end = 0
    private var wrapped = false
    /// Whether this query's first match has been selected.
    var hasSelected = false

    init(query: String = "", origin: Int = 0) {
        self.query = query
        self.origin = origin
    }

    /// Every match, in reading order (complete once the search stops running).
    public var matches: [Int] { beforeOrigin + fromOrigin }

    public var matchCount: Int { beforeOrigin.count + fromOrigin.count }

    /// Whether nodes are left to examine.
    public var isRunning: Bool { !query.isEmpty && (cursor < end || (!wrapped && max(origin, 1) > 1)) }

    mutating func restart(nodeCount: Int) {
        fromOrigin = []
        beforeOrigin = []
        hasSelected = false
        cursor = max(origin, 1)
        // An empty query looks at nothing: both legs are done.
        wrapped = query.isEmpty
        end = query.isEmpty ? cursor : max(cursor, nodeCount)
    }

    /// The next node to examine, or nil when all have been. The second leg starts only when
    /// the next node is asked for, so the last node of the first leg is recorded in it.
    mutating func nextNode() -> Int? {
        if cursor >= end && !wrapped {
            wrapped = true
            end = max(origin, 1)
            cursor = 1
        }
        guard cursor < end else { return nil }
        defer { cursor += 1 }
        return cursor
    }

    mutating func record(_ node: Int) {
        if wrapped { beforeOrigin.append(node) } else { fromOrigin.append(node) }
    }

    func contains(_ node: Int) -> Bool {
        fromOrigin.binarySearchContains(node) || beforeOrigin.binarySearchContains(node)
    }

    /// The index of `node` among all matches.
    func position(of node: Int) -> Int? {
        if let index = beforeOrigin.binarySearchIndex(of: node) { return index }
        return fromOrigin.binarySearchIndex(of: node).map { beforeOrigin.count + $0 }
    }

    /// The first match after `node` (or the last before it), wrapping: binary searches in
    /// the two legs, so `n` costs the same with 10 matches or 100,000.
    func match(after node: Int, forward: Bool) -> Int? {
        if forward {
            for list in [beforeOrigin, fromOrigin] {
                let index = list.insertionIndex(of: node + 1)
                if index < list.count { return list[index] }
            }
            return beforeOrigin.first ?? fromOrigin.first
        }
        for list in [fromOrigin, beforeOrigin] {
            let index = list.insertionIndex(of: node)
            if index > 0 { return list[index - 1] }
        }
        return fromOrigin.last ?? beforeOrigin.last
    }
}

extension Array where Element == Int {
    /// Whether the sorted array holds `value`.
    func binarySearchContains(_ value: Int) -> Bool { binarySearchIndex(of: value) != nil }

    /// Where `value` is in the sorted array.
    func binarySearchIndex(of value: Int) -> Int? {
        let low = insertionIndex(of: value)
        return low < count && self[low] == value ? low : nil
    }

    /// The index of the first element not less than `value` in the sorted array.
    func insertionIndex(of value: Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
