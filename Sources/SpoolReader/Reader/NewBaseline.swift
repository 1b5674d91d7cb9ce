import SpoolCore

/// What counts as new (`B`, `--since`): the comments the last visit did not see, those the
/// visit before it did not see, or those dated after a moment.
public enum NewBaseline: Equatable, Sendable {
    case lastVisit
    /// The visit before the last one that brought new comments.
    case visitBefore
    case date(Timestamp)

    /// How the status line says it: "since your last visit".
    public var summary: String {
        switch self {
        case .lastVisit: return "since your last visit"
        case .visitBefore: return "since the visit before your last"
        case .date(let moment): return "since " + AgeText.absolute(moment)
        }
    }

    /// The moment `text` names: a date (`2026-11-30`, `2026-11-30T18:00`, UTC) or an age
    /// before `now` (`90m`, `12h`, `3d`, `2w`); nil when it names none.
    public static func moment(_ text: String, now: Timestamp) -> Timestamp? {
        let units: [Character: Int64] = ["m": 60, "h": 3600, "d": 86400, "w": 604_800]
        if let unit = text.last.flatMap({ units[$0] }), let count = Int64(text.dropLast()), count >= 0 {
            // An age past the start of time (`99999999999w`) names no moment, and must not overflow.
            let (seconds, overflow) = count.multipliedReportingOverflow(by: unit)
            guard !overflow, seconds <= now.secondsSinceEpoch + 62_135_596_800 else { return nil }
            return Timestamp(secondsSinceEpoch: now.secondsSinceEpoch - seconds)
        }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" || $0 == " " }).map { Int($0) }
        guard parts.count >= 3, parts.count <= 6, parts.allSatisfy({ $0 != nil }) else { return nil }
        let p = parts.map { $0 ?? 0 } + [0, 0, 0]
        // Only four-digit years and clock-sized fields: a huge number is no date.
        guard (1...9999).contains(p[0]), p[1...5].allSatisfy({ (0...99).contains($0) }) else { return nil }
        let date = Timestamp(
            year: p[0], month: p[1], day: p[2], hour: p[3], minute: p[4], second: p[5], utcOffsetMinutes: 0)
        return date.isValid ? date : nil
    }

    /// What the `B` prompt shows beside the line.
    public static let hint = "Enter: your last visit · before: the visit before · a date (2026-11-30) or an age (3d)"

    /// Which comments of `tree` are new by this baseline, and how many: `seen` holds the
    /// comments present at the visits up to the baseline (nil: none was recorded).
    static func newMarks(
        _ tree: ThreadTree, _ discussion: Discussion, baseline: NewBaseline, seen: FingerprintLookup?,
        fingerprints: [UInt64]
    ) -> (isNew: [Bool], count: Int) {
        var isNew = [Bool](repeating: false, count: tree.count)
        var count = 0
        // Fields are read in place: copying each Comment would retain and release its strings.
        let comments = discussion.comments
        for node in 1..<max(tree.count, 1) {
            let index = tree.commentIndex[node]
            if comments[index].isPlaceholder { continue }
            let new: Bool
            switch baseline {
            case .date(let since):
                new = comments[index].date.map { $0.secondsSinceEpoch > since.secondsSinceEpoch } ?? false
            case .lastVisit, .visitBefore:
                new = seen.map { !$0.contains(fingerprints[index]) } ?? false
            }
            if new {
                isNew[node] = true
                count += 1
            }
        }
        return (isNew, count)
    }
}
