import SpoolCore
import SpoolScreen

/// Limiting the tree to matching comments (mutt's limit): `L` asks for a pattern, `f` limits
/// to the selected author; ancestors of matches stay for context; an empty pattern ends it.
///
/// A pattern is words that must all hold: `author:NAME` (part of the author, any case),
/// `unread`, `new`, `after:YYYY-MM-DD`, and any other word is text searched with smart case
/// in author, subject and body.
extension Reader {
    /// The nodes a limit keeps: the matches and their ancestors; nil means no limit.
    public struct Limit: Sendable, Equatable {
        public let pattern: String
        public let kept: [Bool]
        public let matchCount: Int
    }

    /// How many comments the key that applies a limit checks before handing the rest to
    /// idle time.
    public static let limitStepPerKey = 256

    /// What a key did to the limit prompt's line.
    mutating func limitPromptChanged(_ outcome: PromptLine.Outcome, line: PromptLine) {
        switch outcome {
        case .submitted:
            mode = .browsing
            history.add(line.text, to: .limit)
            applyLimit(line.text)
        case .cancelled:
            mode = .browsing
            messages.say("Limit unchanged.")
        case .edited, .moved, .ignored: break
        }
    }

    /// Limits to `pattern`; an empty pattern shows everything again. The comments are
    /// checked a slice at a time (``continueLimit(budget:)``): ``limitStepPerKey`` comments
    /// now, the rest while no key is pending, so a limit over an archive's bodies never
    /// holds a key up; the tree changes when every comment has been checked.
    mutating func applyLimit(_ pattern: String) {
        let words = pattern.split(separator: " ").map(String.init)
        pendingLimit = nil
        guard !words.isEmpty else {
            limit = nil
            rebuildRows()
            messages.say("Showing all comments.")
            return
        }
        var kept = [Bool](repeating: false, count: tree.count)
        kept[ThreadTree.root] = true
        pendingLimit = PendingLimit(pattern: pattern, terms: words.map(LimitTerm.init), kept: kept)
        continueLimit(budget: Reader.limitStepPerKey)
    }

    /// Checks up to `budget` comments for the pending limit; applies it when done. Returns
    /// how many it checked.
    @discardableResult
    mutating func continueLimit(budget: Int) -> Int {
        guard var pending = pendingLimit else { return 0 }
        let first = pending.next
        while pending.next < tree.count && pending.next - first < budget {
            let node = pending.next
            pending.next += 1
            if limitMatches(node, pending.terms) {
                pending.matches += 1
                var current = node
                while current >= 0 && !pending.kept[current] {
                    pending.kept[current] = true
                    current = tree.parent[current]
                }
            }
        }
        guard pending.next >= tree.count else {
            pendingLimit = pending
            messages.say("Limiting to \(pending.pattern)… \(pending.next * 100 / max(1, tree.count))%")
            return pending.next - first
        }
        pendingLimit = nil
        limit = Limit(pattern: pending.pattern, kept: pending.kept, matchCount: pending.matches)
        if pending.matches > 0 {
            for node in 1..<tree.count where pending.kept[node] { collapse.expand(node) }
        }
        rebuildRows()
        messages.say(
            pending.matches == 0
                ? "Nothing matches \(pending.pattern); L then Enter shows everything."
                : "Limit \(pending.pattern): \(pending.matches) of \(tree.messageCount)")
        return pending.next - first
    }

    private func limitMatches(_ node: Int, _ terms: [LimitTerm]) -> Bool {
        let comment = comment(at: node)
        guard !comment.isPlaceholder else { return false }
        for term in terms {
            switch term {
            case .author(let name): if !name.matches(comment.author) { return false }
            case .unread: if marks.isRead(node) { return false }
            case .new: if !isNew[node] { return false }
            case .after(let day):
                guard let day, let date = comment.date, date >= day else { return false }
            case .text(let text):
                if !(text.matches(comment.author) || text.matches(comment.subject ?? "")
                    || text.matches(comment.body.textOnce))
                {
                    return false
                }
            }
        }
        return true
    }

    /// `f`: limit to the selected comment's author.
    mutating func limitToAuthor() {
        guard selected != ThreadTree.root, !comment(at: selected).isPlaceholder else {
            messages.say("Select a comment to limit to its author.")
            return
        }
        let author = comment(at: selected).author
        applyLimit("author:" + author.replacingSpaces())
    }
}

/// A limit whose comments are still being checked.
struct PendingLimit: Sendable, Equatable {
    let pattern: String
    let terms: [LimitTerm]
    var kept: [Bool]
    var matches = 0
    /// The next node to check (node 0, the root, is always kept).
    var next = 1
}

/// One word of a limit pattern, read once for the whole limit rather than per comment.
enum LimitTerm: Sendable, Equatable {
    /// `author:NAME`: part of the author's name, any case (no-break spaces stand for spaces).
    case author(TextMatcher)
    case unread
    case new
    /// `after:YYYY-MM-DD`; nil for a date that does not parse (nothing matches it).
    case after(Timestamp?)
    /// Any other word: author, subject or body, smart case.
    case text(TextMatcher)

    init(_ word: String) {
        let lower = word.lowercased()
        if lower.hasPrefix("author:") {
            self = .author(TextMatcher(String(lower.dropFirst(7).map { $0 == "\u{A0}" ? " " : $0 })))
        } else if lower == "unread" {
            self = .unread
        } else if lower == "new" {
            self = .new
        } else if lower.hasPrefix("after:") {
            let parts = lower.dropFirst(6).split(separator: "-").compactMap { Int($0) }
            self = .after(parts.count == 3 ? Timestamp(year: parts[0], month: parts[1], day: parts[2]) : nil)
        } else {
            self = .text(TextMatcher(word))
        }
    }
}

extension String {
    /// Spaces as no-break spaces, so a name stays one pattern word.
    fileprivate func replacingSpaces() -> String { String(map { $0 == " " ? "\u{A0}" : $0 }) }
}
