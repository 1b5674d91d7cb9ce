import SpoolCore
import SpoolScreen

/// Limiting the tree to matching comments (mutt's limit): `L` asks for a pattern
/// (``LimitPattern``), `f` limits to the selected author; ancestors of matches stay for
/// context (``Limit/matched`` tells them apart); an empty pattern ends it.
extension Reader {
    /// The nodes a limit keeps: the matches and their ancestors; nil means no limit.
    public struct Limit: Sendable, Equatable {
        public let pattern: String
        /// The matches and their ancestors.
        public let kept: [Bool]
        /// The matches alone (kept rows that are not matches are context).
        public let matched: [Bool]
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
            if let problem = limitProblem {
                // A pattern that means nothing stays in the prompt with the reason, to be mended.
                var prompt = Prompt(.limit, text: line.text)
                prompt.note = problem
                mode = .prompt(prompt)
            }
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
    mutating func applyLimit(_ text: String) {
        pendingLimit = nil
        limitProblem = nil
        let pattern: LimitPattern
        do {
            pattern = try LimitPattern.parse(text)
        } catch {
            limitProblem = error.description
            return
        }
        guard !pattern.isEmpty else {
            limit = nil
            rebuildRows()
            messages.say("Showing all comments.")
            return
        }
        var kept = [Bool](repeating: false, count: tree.count)
        kept[ThreadTree.root] = true
        pendingLimit = PendingLimit(
            text: text, pattern: pattern, kept: kept, matched: [Bool](repeating: false, count: tree.count))
        continueLimit(budget: Reader.limitStepPerKey)
    }

    /// Checks up to `budget` comments for the pending limit; applies it when done. Returns
    /// how many it checked.
    @discardableResult
    mutating func continueLimit(budget: Int) -> Int {
        guard var pending = pendingLimit else { return 0 }
        let first = pending.next
        // A comment is checked once its text has been checked for muted words (`muted`).
        let end = mutes.isCheckingWords ? mutes.wordsChecked : tree.count
        while pending.next < end && pending.next - first < budget {
            let node = pending.next
            pending.next += 1
            if limitMatches(node, pending.pattern) {
                pending.matches += 1
                pending.matched[node] = true
                var current = node
                while current >= 0 && !pending.kept[current] {
                    pending.kept[current] = true
                    current = tree.parent[current]
                }
            }
        }
        guard pending.next >= tree.count else {
            pendingLimit = pending
            messages.say("Limiting to \(pending.text)… \(pending.next * 100 / max(1, tree.count))%")
            return pending.next - first
        }
        pendingLimit = nil
        limit = Limit(pattern: pending.text, kept: pending.kept, matched: pending.matched, matchCount: pending.matches)
        if pending.matches > 0 {
            for node in 1..<tree.count where pending.kept[node] { collapse.expand(node) }
        }
        rebuildRows()
        messages.say(
            pending.matches == 0
                ? "Nothing matches \(pending.text); L then Enter shows everything."
                : "Limit \(pending.text): \(pending.matches) of \(tree.messageCount)")
        return pending.next - first
    }

    private func limitMatches(_ node: Int, _ pattern: LimitPattern) -> Bool {
        let comment = comment(at: node)
        guard !comment.isPlaceholder else { return false }
        return pattern.matches { test in
            switch test {
            case .author(let name): return name.matches(comment.author)
            case .subject(let words): return words.matches(comment.subject ?? "")
            case .text(let text):
                return text.matches(comment.author) || text.matches(comment.subject ?? "")
                    || text.matches(comment.body.textOnce)
            case .unread: return !marks.isRead(node)
            case .read: return marks.isRead(node)
            case .new: return isNew[node]
            case .flagged: return isBookmarked(node)
            case .muted: return mutes.isMutedAtAll(node, in: tree)
            case .score(let comparison, let number): return comment.score.map { comparison.holds($0, number) } ?? false
            case .after(let day): return comment.date.map { $0 >= day } ?? false
            case .before(let day): return comment.date.map { $0 < day } ?? false
            }
        }
    }

    /// `f`: limit to the selected comment's author.
    mutating func limitToAuthor() {
        guard selected != ThreadTree.root, !comment(at: selected).isPlaceholder else {
            messages.say("Select a comment to limit to its author.")
            return
        }
        let author = comment(at: selected).author
        applyLimit("author:" + author.quotedForLimit)
    }
}

/// A limit whose comments are still being checked.
struct PendingLimit: Sendable, Equatable {
    let text: String
    let pattern: LimitPattern
    var kept: [Bool]
    var matched: [Bool]
    var matches = 0
    /// The next node to check (node 0, the root, is always kept).
    var next = 1
}

extension String {
    /// The name as one limit value: quoted when it has spaces or quotes.
    fileprivate var quotedForLimit: String {
        guard contains(where: { $0 == " " || $0 == "\"" || $0 == "|" }) else { return self }
        return "\"" + replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
