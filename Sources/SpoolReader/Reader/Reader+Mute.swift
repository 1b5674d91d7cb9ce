import SpoolCore
import SpoolScreen

/// Muting people and words without breaking the thread (`m`, `x`, `mute`, `mute_words`):
/// a muted comment is one line, its replies stay where they are.
extension Reader {
    /// Whether `node` shows as one muted line (`[muted: NAME]`).
    public func isMuted(_ node: Int) -> Bool { mutes.isMuted(node, in: tree) }

    /// What a muted comment's line says: `[muted: NAME]` (or the word that muted it).
    public func mutedLine(_ node: Int) -> String { "[muted: \(mutes.reason(for: node, in: tree))]" }

    /// `m`: mutes the selected comment's author everywhere, or unmutes them.
    mutating func toggleMuteAuthor() -> Effects {
        guard selected != ThreadTree.root, !comment(at: selected).isPlaceholder else {
            messages.say("Select a comment to mute its author.")
            return .none
        }
        let author = comment(at: selected).author
        if mutes.authorState(author).byConfig {
            messages.say("\(author) is muted in the config file (mute = […]); remove the name there to unmute.")
            return .none
        }
        let muted = mutes.toggle(author: author, in: tree)
        let count = tree.authorID[selected] >= 0 ? tree.nodesByAuthor[tree.authorID[selected]].count : 1
        let comments = "\(count) comment\(count == 1 ? "" : "s")"
        messages.say(
            muted
                ? "Muted \(author) (\(comments)) in every discussion; x shows one, m unmutes."
                : "Unmuted \(author) (\(comments)).")
        return Effects(commands: [.saveMutes])
    }

    /// `x`: shows the selected muted comment whole, or folds it back to its line.
    mutating func toggleShowMuted() {
        guard mutes.isMutedAtAll(selected, in: tree) else {
            messages.say("This comment is not muted; m mutes its author.")
            return
        }
        let shown = mutes.toggleShown(selected)
        messages.say(shown ? "Shown for now; x mutes it again." : mutedLine(selected))
    }

    /// The authors muted or unmuted with `m` since the last call, for saving.
    public mutating func takeMuteChanges() -> [(author: String, muted: Bool)] {
        mutes.takeChanges().map { ($0.author, $0.muted) }
    }

    /// Checks up to `budget` comments for muted words; returns how many it checked.
    mutating func continueMuteCheck(budget: Int) -> Int {
        // In place: a copy of the list would copy its per-comment array at every slice.
        mutes.checkWords(budget: budget, tree: tree, comments: discussion.comments)
    }
}
