import SpoolCore

/// Threads a flat comment list whose replies address their parent as `@Name:`.
///
/// A comment that opens with `@Name` (up to `:` or `,`) becomes a reply to the latest
/// earlier comment whose author is that name, or whose first name it is, or else whose
/// name starts with it (`@Antonio` for `AntonioCS`), ignoring case. A mention that names
/// nobody earlier leaves the comment where it was.
enum MentionThreading {
    /// Links `comments` by `mentions`, the name each body opens with (``mention(in:)``).
    static func link(_ comments: inout [Comment], mentions: [String?]) {
        var latestByAuthor: [String: Int] = [:]
        var latestByFirstName: [String: Int] = [:]
        var authors: [(name: String, index: Int)] = []
        for index in comments.indices {
            if comments[index].parent == nil, let name = mentions[index] {
                let parent =
                    latestByAuthor[name] ?? latestByFirstName[name]
                    // The latest earlier author whose name starts with the mention (a bounded look back).
                    ?? authors.suffix(5_000).last { $0.name.hasPrefix(name) }?.index
                if let parent, parent != index { comments[index].parent = parent }
            }
            let author = comments[index].author.lowercased()
            latestByAuthor[author] = index
            authors.append((author, index))
            if let first = author.split(separator: " ").first { latestByFirstName[String(first)] = index }
        }
    }

    /// The lower-cased name after a leading `@`, if the body opens with one.
    static func mention<Text: StringProtocol>(in body: Text) -> String? {
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

    /// The same for a body kept as lines: it opens with its first line that is not blank,
    /// and only a line whose first byte after spaces, `*` and `_` is `@` can name anyone.
    static func mention(opening lines: Slice<SourceText.Lines>) -> String? {
        guard let first = (lines.startIndex..<lines.endIndex).first(where: { !lines.base.isBlank($0) }) else {
            return nil
        }
        let opening = lines.base.withBytes(of: first) { bytes in
            bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }
        }
        return opening == UInt8(ascii: "@") ? mention(in: lines[first].text) : nil
    }
}
