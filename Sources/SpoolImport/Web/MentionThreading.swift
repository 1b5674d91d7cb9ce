import SpoolCore

/// Threads a flat comment list whose replies address their parent as `@Name:`.
///
/// A comment that opens with `@Name` (up to `:` or `,`) becomes a reply to the latest
/// earlier comment whose author is that name, or whose first name it is, ignoring case.
/// A mention that names nobody earlier leaves the comment where it was.
enum MentionThreading {
    static func link(_ comments: inout [Comment]) {
        var latestByAuthor: [String: Int] = [:]
        var latestByFirstName: [String: Int] = [:]
        for index in comments.indices {
            if comments[index].parent == nil, let name = mention(in: comments[index].body.text) {
                if let parent = latestByAuthor[name] ?? latestByFirstName[name], parent != index {
                    comments[index].parent = parent
                }
            }
            let author = comments[index].author.lowercased()
            latestByAuthor[author] = index
            if let first = author.split(separator: " ").first { latestByFirstName[String(first)] = index }
        }
    }

    /// The lower-cased name after a leading `@`, if the body opens with one.
    static func mention(in body: String) -> String? {
        let start = body.drop(while: { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "_" })
        guard start.first == "@" else { return nil }
        var name = ""
        for character in start.dropFirst().prefix(41) {
            if character == ":" || character == "," {
                let trimmed = name.trimmingSpaces().lowercased()
                return trimmed.isEmpty ? nil : trimmed
            }
            if character == "\n" || character == "@" { return nil }
            name.append(character)
        }
        return nil
    }
}
