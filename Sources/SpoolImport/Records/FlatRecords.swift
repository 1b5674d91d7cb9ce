import SpoolCore

/// One post of a source that lists its posts flat, each naming its parent (Lobsters,
/// Discourse, GitHub, Mastodon…): what every such source is mapped to before the tree is
/// built, so each source is a small field map and not an importer of its own.
struct FlatRecord {
    /// The source's id of the post (unique within the file).
    var id: String
    /// The id of the post it replies to; nil for a top-level post. A parent that is not in
    /// the file makes the post top-level.
    var parentID: String?
    /// The depth (0 for top-level) for sources that give no parent ids, only an order and a
    /// depth (old Lobsters): the parent is then the nearest earlier post one level up.
    var depth: Int?
    var author: String
    var date: Timestamp?
    /// Plain text (HTML and Markdown already turned into text by the source's map).
    var body: String
    /// A line before the body (a review comment's file and line), if any.
    var context: String? = nil
    /// A post the source names but does not give (deleted, blocked): its body says why.
    var isPlaceholder = false
    /// A title (a Disqus thread's, a WordPress post's), shown as a thread row's subject.
    var subject: String? = nil
    /// The votes the source gives the post, if it has any.
    var score: Int? = nil
}

/// Builds comments from ``FlatRecord``s: parents by id (or by depth and order), siblings
/// in source order, stable keys from the source's ids.
enum FlatRecords {
    /// The comments of `records`, keyed `keyPrefix` + id (`lobsters:ncdsfc`).
    static func comments(_ records: [FlatRecord], keyPrefix: String) -> [Comment] {
        var indexOfID: [String: Int] = [:]
        for (index, record) in records.enumerated() where indexOfID[record.id] == nil { indexOfID[record.id] = index }
        let usesDepth = records.allSatisfy { $0.parentID == nil } && records.contains { ($0.depth ?? 0) > 0 }
        var openAtDepth: [Int] = []
        var comments: [Comment] = []
        comments.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            var parent: Int?
            if usesDepth {
                let depth = max(0, record.depth ?? 0)
                openAtDepth.removeLast(max(0, openAtDepth.count - depth))
                parent = openAtDepth.last
                openAtDepth.append(index)
            } else if let parentID = record.parentID, let found = indexOfID[parentID], found != index {
                parent = found
            }
            let body = record.context.map { $0 + "\n\n" + record.body } ?? record.body
            var comment = Comment(
                id: record.id, key: .sourceID(keyPrefix + record.id), author: record.author, date: record.date,
                subject: record.subject, body: body, parent: parent, isPlaceholder: record.isPlaceholder)
            comment.score = record.score
            comments.append(comment)
        }
        return comments
    }
}
