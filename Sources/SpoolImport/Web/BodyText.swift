import SpoolCore

/// Turns the source lines of a body into the model's text: source indentation removed,
/// paragraphs separated by exactly one blank line, every other character kept.
enum BodyText {
    static func normalise(_ lines: Slice<SourceText.Lines>, markdown: Bool) -> String {
        guard let (content, base) = layout(lines) else { return "" }
        if markdown { return markdownParagraphs(content, base: base) }
        var size = 0
        for line in content where !line.isBlank { size += line.indent - base + line.text.utf8.count + 2 }
        // Written once into a string of the right size: lines joined by a line break, a
        // blank line between paragraphs however many stood there.
        var text = ""
        text.reserveCapacity(size)
        var afterBlank = false
        for line in content {
            if line.isBlank {
                afterBlank = true
                continue
            }
            if !text.isEmpty { text += afterBlank ? "\n\n" : "\n" }
            afterBlank = false
            if line.indent > base { text += String(repeating: " ", count: line.indent - base) }
            text += line.text
        }
        return text
    }

    /// Adds to `hasher` the body `normalise` makes of `lines` (not Markdown), without making
    /// it: the line breaks and indentation it would hold are white space, which the key
    /// hash counts as one space wherever it stands.
    static func hash(_ lines: Slice<SourceText.Lines>, into hasher: inout ContentHasher) {
        guard let (content, base) = layout(lines) else { return }
        var isFirst = true
        let source = lines.base
        for index in content.startIndex..<content.endIndex where !source.isBlank(index) {
            if !isFirst || source.indent(index) > base { hasher.addBodySpace() }
            isFirst = false
            source.withBytes(of: index) { hasher.addBody($0) }
        }
    }

    /// The lines from the first non-blank one to the last, and the least indentation among them.
    private static func layout(
        _ lines: Slice<SourceText.Lines>
    ) -> (content: Slice<SourceText.Lines>, base: Int)? {
        let isBlank = lines.base.isBlank
        // A range, not `lines.indices`: a slice's indices are made unspecialised, at a cost
        // for every body of a page.
        let indices = lines.startIndex..<lines.endIndex
        guard let first = indices.first(where: { !isBlank($0) }), let last = indices.last(where: { !isBlank($0) })
        else { return nil }
        var base = Int.max
        for index in first...last where !isBlank(index) { base = min(base, lines.base.indent(index)) }
        return (lines[first...last], base)
    }

    /// The same for Markdown: each paragraph's soft-wrapped lines joined (see `MarkdownText`).
    private static func markdownParagraphs(_ content: Slice<SourceText.Lines>, base: Int) -> String {
        var paragraphs: [[String]] = [[]]
        for line in content {
            if line.isBlank {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
                continue
            }
            let text = String(repeating: " ", count: line.indent - base) + line.text
            paragraphs[paragraphs.count - 1].append(text)
        }
        return paragraphs.filter { !$0.isEmpty }.map(MarkdownText.paragraph).joined(separator: "\n\n")
    }
}

/// The bodies of a web page's comments, read from the page's file and made into text when
/// asked for: no body is held while the page is imported. A span is the range of a
/// comment's body lines. The last few made are kept, as an archive's are, so a long body is
/// not made again for each frame that shows its preview.
final class WebPageBodies: BodySource {
    private let page: PageFile
    private let recent = RecentTexts()

    init(page: PageFile) { self.page = page }

    func text(of span: Range<Int>) -> String {
        recent.text(for: span.lowerBound) { made(span, lines: page.linesReadByPart(span, wholePartOnly: true)) }
    }

    /// A one-off look (a search, a limit) reads the body's whole part, for the bodies after it.
    func textOnce(of span: Range<Int>) -> String {
        recent.kept(for: span.lowerBound) ?? made(span, lines: page.linesReadByPart(span))
    }

    /// The body at `span` from `lines` when they hold it, else read alone.
    private func made(_ span: Range<Int>, lines: SourceText.Lines?) -> String {
        guard let lines = lines ?? page.lines(span) else {
            return
                "(This comment can no longer be read: \(page.path) changed since it was opened. Open it again to read it.)"
        }
        return BodyText.normalise(lines[span], markdown: false)
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
