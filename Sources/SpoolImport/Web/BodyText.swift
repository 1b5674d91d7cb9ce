/// Turns the source lines of a body into the model's text: source indentation removed,
/// paragraphs separated by exactly one blank line, every other character kept.
enum BodyText {
    static func normalise(_ lines: ArraySlice<SourceText.Line>, markdown: Bool) -> String {
        let content = lines.drop(while: \.isBlank).reversed().drop(while: \.isBlank).reversed()
        guard let base = content.filter({ !$0.isBlank }).map(\.indent).min() else { return "" }
        var paragraphs: [[String]] = [[]]
        for line in content {
            if line.isBlank {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
                continue
            }
            let text = String(repeating: " ", count: line.indent - base) + line.text
            paragraphs[paragraphs.count - 1].append(text)
        }
        let rendered = paragraphs.filter { !$0.isEmpty }.map {
            markdown ? MarkdownText.paragraph($0) : $0.joined(separator: "\n")
        }
        return rendered.joined(separator: "\n\n")
    }
}

/// The little Markdown that exported comment pages use, rendered as plain text.
enum MarkdownText {
    /// Joins soft-wrapped lines with a space, keeps hard breaks (a trailing `\`), quotes,
    /// list items and indented code on lines of their own, and simplifies inline markup.
    static func paragraph(_ lines: [String]) -> String {
        var result = ""
        var hardBreak = true
        for line in lines {
            var text = line
            let ownLine =
                text.hasPrefix("    ") || text.hasPrefix(">") || WebCommentHeader.splitMarker(text[...]).0 != .none
            if !result.isEmpty { result += hardBreak || ownLine ? "\n" : " " }
            hardBreak = text.hasSuffix("\\") || text.hasPrefix("    ")
            if text.hasSuffix("\\") { text.removeLast() }
            result += inline(text)
        }
        return result
    }

    /// Images become their alt text, links `text <url>`, and backslash escapes their
    /// character (any ASCII punctuation, as CommonMark has it: `\~50` is `~50`).
    static func inline(_ text: String) -> String {
        guard text.contains("](") || text.contains("\\") else { return text }
        var text = text.replacing(/!\[([^\]]*)\]\([^)\s]*\)/) { String($0.1) }
        text = text.replacing(/\[([^\]]+)\]\(([^)\s]+)\)/) { match in
            match.1 == match.2 ? String(match.2) : "\(match.1) <\(match.2)>"
        }
        return text.replacing(/\\([!-\/:-@\[-`{-~])/) { String($0.1) }
    }
}
