import SpoolCore
import SpoolReader

/// What an archive's thread row shows besides its first message: the date of the thread's
/// latest message (the one threads are sorted by) and, when the first message is missing,
/// the first message present. Worked out for a thread the first time its row is drawn (a
/// pass over that thread alone) and kept, so the first frame of a million messages looks at
/// the threads on screen, and later frames at none.
final class ThreadSummaries: @unchecked Sendable {
    private struct Summary {
        var latest: Timestamp?
        var firstPresent: Int?
    }

    private var summaries: [Int: Summary] = [:]
    /// The reader's layout the summaries are of, or nil before the first.
    private var layout: Int?

    /// The latest date in the thread whose top-level node is `node`.
    func latestDate(of node: Int, in reader: Reader) -> Timestamp? { summary(of: node, in: reader).latest }

    /// The thread's first message that is in the archive (the node itself unless it is a
    /// placeholder).
    func firstPresent(in node: Int, of reader: Reader) -> Int? { summary(of: node, in: reader).firstPresent }

    private func summary(of thread: Int, in reader: Reader) -> Summary {
        if layout != reader.layoutGeneration {
            layout = reader.layoutGeneration
            summaries = [:]
        }
        if let known = summaries[thread] { return known }
        let tree = reader.tree
        // Fields are read in place: copying each Comment would retain and release its strings.
        let comments = reader.discussion.comments
        var summary = Summary()
        for node in thread..<tree.subtreeEnd[thread] {
            let index = tree.commentIndex[node]
            guard !comments[index].isPlaceholder else { continue }
            if summary.firstPresent == nil { summary.firstPresent = node }
            if let date = comments[index].date, summary.latest.map({ date > $0 }) ?? true { summary.latest = date }
        }
        summaries[thread] = summary
        return summary
    }
}
