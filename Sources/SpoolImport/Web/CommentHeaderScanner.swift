/// A comment header found on a page: where it is, how many lines it spans, its indentation.
struct FoundHeader {
    let lineIndex: Int
    let lineCount: Int
    let indent: Int
    let header: WebCommentHeader
}

/// Finds the comment headers of a page, or of a part of one that begins at a blank line.
///
/// A header with a list marker is taken anywhere. One without a marker is taken after a
/// blank line when it ends with the `#` permalink marker, or when the page has no marked
/// headers at all (pages that list comments without numbers or bullets).
struct CommentHeaderScanner {
    let lines: SourceText.Lines
    /// Where the page's comments begin: a header there counts as after a blank line.
    let commentsStart: Int
    /// Whether headers without a marker are taken (the page has no marked ones).
    let allowUnmarked: Bool

    /// The headers among `lines` from the comments' start on.
    func scan() -> [FoundHeader] {
        var found: [FoundHeader] = []
        var index = max(commentsStart, lines.startIndex)
        while index < lines.endIndex {
            if let header = recognise(at: index, start: commentsStart, allowUnmarked: allowUnmarked).map(
                extendingMeridiem)
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
        // A header ends like a time or opens with a marker: the bytes tell most lines apart
        // (body lines, blank lines) without the line being made.
        guard
            let (lead, endsLikeATime) = lines.withBytes(
                of: index, { bytes in bytes.first.map { ($0, WebCommentHeader.endsLikeATime(bytes)) } }),
            endsLikeATime || WebCommentHeader.mayOpenWithMarker(lead)
        else { return nil }
        let line = lines[index]
        if endsLikeATime, let header = WebCommentHeader.parse(line.text) {
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
        guard next < lines.endIndex, lines[next].indent > found.indent,
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
        guard index + 1 < lines.endIndex, !lines[index + 1].isBlank,
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
            guard next < lines.endIndex, !lines[next].isBlank, lines[next].indent > line.indent else { return nil }
            text += " " + lines[next].text
            if let header = WebCommentHeader.parse(text[...]) {
                return FoundHeader(lineIndex: index, lineCount: extra + 1, indent: line.indent, header: header)
            }
        }
        return nil
    }
}
