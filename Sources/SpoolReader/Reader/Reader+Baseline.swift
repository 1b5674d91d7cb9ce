import SpoolCore
import SpoolScreen

/// `B`: choosing what counts as new — since the last visit, the visit before it, or a date
/// or an age — without reopening the discussion. Read marks do not change.
extension Reader {
    /// Marks new what `baseline` makes new.
    mutating func renew(by baseline: NewBaseline) {
        let seen = baseline == .visitBefore ? seenSets.before : seenSets.last
        (isNew, newCount) = NewBaseline.newMarks(
            tree, discussion, baseline: baseline, seen: seen?.lookup, fingerprints: keyFingerprints)
        self.baseline = baseline
    }

    /// What a key did to the `B` prompt's line.
    mutating func sincePromptChanged(_ outcome: PromptLine.Outcome, line: PromptLine) {
        switch outcome {
        case .submitted:
            let text = line.text.trimmingCharacters(in: .whitespaces)
            let chosen: NewBaseline
            switch text.lowercased() {
            case "", "last": chosen = .lastVisit
            case "before", "b", "previous": chosen = .visitBefore
            default:
                guard let now = settings.now, let moment = NewBaseline.moment(text, now: now) else {
                    var prompt = Prompt(.since, text: line.text)
                    prompt.note = "\(text) is not a date or an age; write 2026-11-30, 2026-11-30T18:00 (UTC), 12h or 3d"
                    mode = .prompt(prompt)
                    return
                }
                chosen = .date(moment)
            }
            mode = .browsing
            if !text.isEmpty { history.add(text, to: .since) }
            choose(chosen)
        case .cancelled:
            mode = .browsing
            messages.say("New is still \(baseline.summary).")
        case .edited, .moved, .ignored: break
        }
    }

    private mutating func choose(_ chosen: NewBaseline) {
        switch chosen {
        case .lastVisit where seenSets.last == nil:
            renew(by: chosen)
            messages.say("This is your first visit: nothing is new since one. B then a date or an age counts from it.")
            return
        case .visitBefore where seenSets.before == nil:
            messages.say("No visit before your last brought new comments; new is still \(baseline.summary).")
            return
        default: renew(by: chosen)
        }
        messages.say("\(newCount) new \(chosen.summary).")
    }
}
