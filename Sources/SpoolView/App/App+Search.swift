import Foundation
import SpoolCore

/// Search over authors, subjects and bodies: `/` opens a prompt that searches as you type,
/// `n`/`N` move between matches (unfolding what hides them), smart case (a query with a
/// capital letter is case-sensitive).
///
/// A search never makes a key wait on the size of the discussion: each key press examines
/// comments for a quarter of a millisecond, from where the search started onwards
/// (wrapping), and selects the first match as soon as it is found; the rest of the
/// discussion is searched while no key is pending (``App/doPendingWork(for:)``), and the
/// status line counts the matches as they come.
extension App {
    static func isCaseSensitive(_ query: String) -> Bool { query.contains { $0.isUppercase } }

    /// Whether the comment at `node` matches the current search (as far as it has looked).
    public func isMatch(_ node: Int) -> Bool {
        guard !search.query.isEmpty, node != ThreadTree.root else { return false }
        return search.contains(node)
    }

    /// Searches on for about `seconds`.
    mutating func searchOn(for seconds: Double) {
        guard search.isRunning else { return }
        continueSearch(for: seconds)
        if !search.isRunning && !search.isEditing { message = matchMessage() }
    }

    /// Handles a key while the search prompt is open.
    mutating func handleSearchKey(_ key: Key) -> Effects {
        switch PromptEdit.apply(key, to: &search.query) {
        case .edited: restartSearch()
        case .submitted:
            search.isEditing = false
            if search.matchCount > 0 || !search.isRunning { message = matchMessage() }
        case .cancelled:
            search = SearchState()
            message = "Search cancelled."
        case .ignored: break
        }
        keepSelectionOnScreen()
        return .redraw
    }

    mutating func startSearch() {
        search = SearchState(query: "", isEditing: true, origin: selected)
    }

    /// A changed query: look again from where the search started.
    private mutating func restartSearch() {
        search.restart(nodeCount: tree.count)
        continueSearch(for: 0.000_25)
    }

    /// Examines comments in search order until `seconds` have passed (at least one).
    private mutating func continueSearch(for seconds: Double) {
        let matcher = TextMatcher(search.query)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        var examined = 0
        while let node = search.nextNode() {
            let comment = comment(at: node)
            if matcher.matches(comment.author) || matcher.matches(comment.subject ?? "") || matcher.matches(comment.body.textOnce) {
                search.record(node)
                if !search.hasSelected {
                    search.hasSelected = true
                    select(node)
                }
            }
            examined += 1
            if examined % 8 == 0 && DispatchTime.now().uptimeNanoseconds >= deadline { break }
        }
    }

    /// `n` / `N`: the next or previous match, wrapping.
    mutating func goToMatch(forward: Bool) {
        guard let target = search.match(after: selected, forward: forward) else {
            message = search.query.isEmpty ? "No search yet: / searches." : search.isRunning ? "Searching…" : "No matches for \(search.query)."
            return
        }
        select(target)
        message = matchMessage()
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
    /// The prompt is open and keys go to the query.
    public var isEditing = false
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

    init(query: String = "", isEditing: Bool = false, origin: Int = 0) {
        self.query = query
        self.isEditing = isEditing
        self.origin = origin
    }

    /// Every match, in reading order (complete once the search stops running).
    public var matches: [Int] { beforeOrigin + fromOrigin }

    public var matchCount: Int { beforeOrigin.count + fromOrigin.count }

    /// Whether nodes are left to examine.
    public var isRunning: Bool { !query.isEmpty && cursor < end }

    mutating func restart(nodeCount: Int) {
        fromOrigin = []
        beforeOrigin = []
        hasSelected = false
        wrapped = false
        cursor = max(origin, 1)
        end = query.isEmpty ? 0 : nodeCount
        if cursor >= end { wrapToTop() }
    }

    private mutating func wrapToTop() {
        guard !wrapped else { return }
        wrapped = true
        end = max(origin, 1)
        cursor = 1
    }

    /// The next node to examine, or nil when all have been.
    mutating func nextNode() -> Int? {
        if cursor >= end { wrapToTop() }
        guard cursor < end else { return nil }
        defer {
            cursor += 1
            if cursor >= end { wrapToTop() }
        }
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
