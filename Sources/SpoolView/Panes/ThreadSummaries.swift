import SpoolCore
import SpoolReader

/// What an archive's thread row shows besides its first message: the date of the thread's
/// latest message (the one threads are sorted by) and, when the first message is missing,
/// the first message present. Worked out for every thread in one pass the first time a
/// thread row is drawn, so a frame costs the same for threads of 2 or 20,000 messages.
final class ThreadSummaries: @unchecked Sendable {
    private var latest: [Int: Timestamp] = [:]
    private var firstPresent: [Int: Int] = [:]
    /// The reader's layout the summaries were built for, or nil before the first build.
    private var builtFor: Int?

    /// The latest date in the thread whose top-level node is `node`.
    func latestDate(of node: Int, in reader: Reader) -> Timestamp? {
        build(reader)
        return latest[node]
    }

    /// The thread's first message that is in the archive (the node itself unless it is a
    /// placeholder).
    func firstPresent(in node: Int, of reader: Reader) -> Int? {
        build(reader)
        return firstPresent[node]
    }

    private func build(_ reader: Reader) {
        guard builtFor != reader.layoutGeneration else { return }
        builtFor = reader.layoutGeneration
        latest = [:]
        firstPresent = [:]
        let tree = reader.tree
        // Fields are read in place: copying each Comment would retain and release its strings.
        let comments = reader.discussion.comments
        for node in 1..<max(tree.count, 1) {
            let thread = tree.threadRoot[node]
            let index = tree.commentIndex[node]
            guard !comments[index].isPlaceholder else { continue }
            if firstPresent[thread] == nil { firstPresent[thread] = node }
            if let date = comments[index].date, latest[thread].map({ date > $0 }) ?? true { latest[thread] = date }
        }
    }
}
