import Foundation

/// A comment header found on a page: where it is, how many lines it spans, its indentation.
struct FoundHeader {
    let lineIndex: Int
    let lineCount: Int
    let indent: Int
    let header: WebCommentHeader
}

/// Finds the comment headers of a page.
///
/// A header with a list marker is taken anywhere. One without a marker is taken after a
/// blank line when it ends with the `#` permalink marker, or when the page has no marked
/// headers at all (pages that list comments without numbers or bullets).
struct CommentHeaderScanner {
    let lines: SourceText.Lines

    func scan(from start: Int) -> [FoundHeader] {
        let marked = scan(from: start, allowUnmarked: false)
        return marked.isEmpty ? scan(from: start, allowUnmarked: true) : marked
    }

    /// The headers from `start` on, the page shared out over the cores: parts begin at
    /// blank lines, which no header spans, so each part finds what one scan would.
    private func scan(from start: Int, allowUnmarked: Bool) -> [FoundHeader] {
        let bounds = partBounds(from: start)
        let parts = ParallelMap.map(count: bounds.count - 1, minimumPerPart: 1) { part in
            scan(bounds[part]..<bounds[part + 1], scanStart: start, allowUnmarked: allowUnmarked)
        }
        return Array(parts.joined())
    }

    /// Where the parts of the scan from `start` begin, and the end: one part a core for a
    /// long page, each after the first beginning at a blank line.
    private func partBounds(from start: Int) -> [Int] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let length = lines.count - start
        guard cores > 1, length >= Self.linesWorthAPart * 2 else { return [start, max(start, lines.count)] }
        var bounds = [start]
        for part in 1..<min(cores, length / Self.linesWorthAPart) {
            var bound = max(start + length * part / cores, bounds[bounds.count - 1] + 1)
            while bound < lines.count && !lines.isBlank(bound) { bound += 1 }
            if bound < lines.count { bounds.append(bound) }
        }
        bounds.append(lines.count)
        return bounds
    }

    /// Below this many lines a part costs more to start than it saves.
    private static let linesWorthAPart = 20_000

    private func scan(_ range: Range<Int>, scanStart: Int, allowUnmarked: Bool) -> [FoundHeader] {
        var found: [FoundHeader] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let header = recognise(at: index, start: scanStart, allowUnmarked: allowUnmarked).map(extendingMeridiem)
            {
                found.append(header)
                index += header.lineCount
            } else {
                index += 1
            }
        }
        return found
    }

    private func recognise(at index: Int, start: Int, allowUnmarked: Bool) -> FoundHeader? {
        let line = lines[index]
        guard !line.isBlank else { return nil }
        if let header = WebCommentHeader.parse(line.text) {
            if header.marker != .none {
                return FoundHeader(lineIndex: index, lineCount: 1, indent: line.indent, header: header)
            }
            let afterBlank = index == start || lines[index - 1].isBlank
            if afterBlank && (allowUnmarked || line.text.hasSuffix("#")) {
                return FoundHeader(lineIndex: index, lineCount: 1, indent: line.indent, header: header)
            }
            return nil
        }
        let (marker, _) = WebCommentHeader.splitMarker(line.text)
        guard marker != .none else { return nil }
        return nameLineHeader(at: index, marker: marker) ?? wrappedHeader(at: index)
    }

    /// A time wrapped just before its `am`/`pm` (`… 2009 2:44` then `pm`) reads as
    /// 24-hour; the next line completes it.
    private func extendingMeridiem(_ found: FoundHeader) -> FoundHeader {
        let next = found.lineIndex + found.lineCount
        guard next < lines.count, lines[next].indent > found.indent,
            lines[next].text.wholeMatch(of: /[AaPp]\.?[Mm]\.?/) != nil
        else { return found }
        let joined = (found.lineIndex...next).map { String(lines[$0].text) }.joined(separator: " ")
        guard let header = WebCommentHeader.parse(joined[...]) else { return found }
        return FoundHeader(
            lineIndex: found.lineIndex, lineCount: found.lineCount + 1, indent: found.indent, header: header)
    }

    /// `9. Ruth Smith` followed by `Ruth Smith October 28, 2014 at 5:07 pm #`: the name
    /// line is dropped and the header below it, which repeats the name, gives author and date.
    private func nameLineHeader(at index: Int, marker: WebCommentHeader.Marker) -> FoundHeader? {
        guard index + 1 < lines.count, !lines[index + 1].isBlank,
            let below = WebCommentHeader.parse(lines[index + 1].text), below.marker == .none,
            let name = WebCommentHeader.cleanAuthor(WebCommentHeader.splitMarker(lines[index].text).1),
            below.author.hasPrefix(name) || name.hasPrefix(below.author)
        else { return nil }
        let link = below.link ?? WebCommentHeader.authorLink(WebCommentHeader.splitMarker(lines[index].text).1)
        let header = WebCommentHeader(marker: marker, author: below.author, date: below.date, link: link)
        return FoundHeader(lineIndex: index, lineCount: 2, indent: lines[index].indent, header: header)
    }

    /// A header wrapped over up to six lines, the continuation indented deeper.
    private func wrappedHeader(at index: Int) -> FoundHeader? {
        let line = lines[index]
        var text = String(line.text)
        for extra in 1...5 {
            let next = index + extra
            guard next < lines.count, !lines[next].isBlank, lines[next].indent > line.indent else { return nil }
            text += " " + lines[next].text
            if let header = WebCommentHeader.parse(text[...]) {
                return FoundHeader(lineIndex: index, lineCount: extra + 1, indent: line.indent, header: header)
            }
        }
        return nil
    }
}
