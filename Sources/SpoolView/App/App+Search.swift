import SpoolCore

/// Search over authors, subjects and bodies: `/` opens a prompt that searches as you type,
/// `n`/`N` move between matches (unfolding what hides them), smart case (a query with a
/// capital letter is case-sensitive).
extension App {
    /// Whether `text` contains `query` under smart case.
    public static func matches(_ text: String, query: String) -> Bool {
        guard !query.isEmpty else { return false }
        return isCaseSensitive(query) ? text.contains(query) : text.lowercased().contains(query)
    }

    static func isCaseSensitive(_ query: String) -> Bool { query.contains { $0.isUppercase } }

    /// Whether the comment at `node` matches the current search.
    public func isMatch(_ node: Int) -> Bool {
        guard !search.query.isEmpty, node != ThreadTree.root else { return false }
        return search.matches.binarySearchContains(node)
    }

    /// Handles a key while the search prompt is open.
    mutating func handleSearchKey(_ key: Key) -> Effects {
        switch key {
        case .character(let c):
            search.query.append(c)
            runSearch(from: search.origin)
        case .backspace:
            if !search.query.isEmpty { search.query.removeLast() }
            runSearch(from: search.origin)
        case .enter:
            search.isEditing = false
            if !search.matches.isEmpty { message = matchMessage() }
        case .escape, .control("c"), .control("g"):
            search = SearchState()
            message = "Search cancelled."
        default:
            break
        }
        keepSelectionOnScreen()
        return .redraw
    }

    mutating func startSearch() {
        search = SearchState(query: "", isEditing: true, origin: selected)
    }

    /// Finds every match and selects the first at or after `origin` (wrapping).
    private mutating func runSearch(from origin: Int) {
        let query = Self.isCaseSensitive(search.query) ? search.query : search.query.lowercased()
        var found: [Int] = []
        for node in 1..<max(tree.count, 1) {
            let comment = comment(at: node)
            if Self.matches(comment.author, query: query) || Self.matches(comment.subject ?? "", query: query)
                || Self.matches(comment.body.text, query: query)
            {
                found.append(node)
            }
        }
        search.matches = found
        guard let target = found.first(where: { $0 >= origin }) ?? found.first else { return }
        select(target)
    }

    /// `n` / `N`: the next or previous match, wrapping.
    mutating func goToMatch(forward: Bool) {
        guard !search.matches.isEmpty else {
            message = search.query.isEmpty ? "No search yet: / searches." : "No matches for \(search.query)."
            return
        }
        let matches = search.matches
        let target: Int
        if forward {
            target = matches.first { $0 > selected } ?? matches[0]
        } else {
            target = matches.last { $0 < selected } ?? matches[matches.count - 1]
        }
        select(target)
        message = matchMessage()
    }

    private func matchMessage() -> String {
        let position = search.matches.firstIndex(of: selected).map { $0 + 1 }
        return position.map { "match \($0) of \(search.matches.count)" } ?? "\(search.matches.count) matches"
    }
}

/// The search being typed or last run.
public struct SearchState: Sendable, Equatable {
    public var query = ""
    /// The prompt is open and keys go to the query.
    public var isEditing = false
    /// Where the search started, so typing more searches from there again.
    var origin = 0
    /// Matching nodes in reading order.
    public var matches: [Int] = []
}

extension Array where Element == Int {
    /// Whether the sorted array holds `value`.
    func binarySearchContains(_ value: Int) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low] == value
    }
}
