import SpoolCore
import SpoolReader
import SpoolScreen

/// The reply tree: one row a comment, only the rows on screen are drawn.
///
/// A row is tree guides, the unread marker, the author, the age, the score where the source
/// gives one, a flag, the count of replies a collapse hides (`[+12]`) and as much of the
/// body's first line as fits. A muted comment's row says `[muted: NAME]` instead.
struct TreePane {
    let theme: Theme
    let options: ReaderOptions
    let rowText: RowTextCache
    let threads: ThreadSummaries
    var glyphs: GlyphSet { options.glyphs }

    func render(_ reader: Reader, in area: Rect, breadcrumb: Rect, on screen: inout Screen) {
        drawBreadcrumb(reader, in: breadcrumb, on: &screen)
        guard !area.isEmpty else { return }
        screen.fill(area, style: theme[.treeText])
        let last = min(reader.rows.count, reader.treeTop + area.height)
        guard reader.treeTop < last else { return }
        let elision = GuideElision(reader, width: area.width, height: area.height)
        for row in reader.treeTop..<last {
            let node = reader.rows[row]
            let rowArea = area.row(row - reader.treeTop)
            var textStart = rowArea.x
            if node == ThreadTree.root {
                drawRoot(reader, in: rowArea, on: &screen)
            } else if options.plain {
                drawPlainComment(node, reader, in: rowArea, on: &screen)
            } else {
                textStart = drawComment(node, reader, elision: elision, in: rowArea, on: &screen)
            }
            if node == reader.selected {
                let selected = theme[reader.paneFocus == .tree ? .treeSelected : .treeSelectedUnfocused]
                screen.restyle(rowArea) { _ in selected }
                if reader.paneFocus == .tree { screen.placeCursor(x: min(textStart, rowArea.maxX - 1), y: rowArea.y) }
            }
        }
    }

    private func drawRoot(_ reader: Reader, in area: Rect, on screen: inout Screen) {
        let discussion = reader.discussion
        let marker = reader.collapse.isCollapsed(ThreadTree.root) ? glyphs.collapsedRoot + " " : ""
        var x = screen.put(marker, x: area.x, y: area.y, style: theme[.treeCount], clip: area)
        let name = discussion.title ?? discussion.sourceName ?? "Untitled discussion"
        x = screen.put(name, x: x, y: area.y, style: theme[.treeRoot], clip: area)
        x = screen.put(
            "  " + TreePane.countText(discussion, tree: reader.tree), x: x, y: area.y, style: theme[.treeDate],
            clip: area)
        if reader.collapse.isCollapsed(ThreadTree.root) {
            screen.put(
                " [+\(reader.tree.descendantCount(of: ThreadTree.root))]", x: x, y: area.y, style: theme[.treeCount],
                clip: area)
        }
    }

    /// "16 comments", or for an archive "25 threads · 53 messages" (counted once, when the
    /// tree is built, so drawing the root row costs nothing per key).
    static func countText(_ discussion: Discussion, tree: ThreadTree) -> String {
        let messages = tree.messageCount
        guard discussion.isArchive else { return "\(messages) comment\(messages == 1 ? "" : "s")" }
        let threads = tree.topLevelCount
        if discussion.format != .mbox {
            return "\(threads) discussion\(threads == 1 ? "" : "s") · \(messages) comment\(messages == 1 ? "" : "s")"
        }
        return "\(threads) thread\(threads == 1 ? "" : "s") · \(messages) message\(messages == 1 ? "" : "s")"
    }

    /// Draws a comment's row; returns the column of its first text cell (after the tree lines).
    @discardableResult
    private func drawComment(
        _ node: Int, _ reader: Reader, elision: GuideElision, in area: Rect, on screen: inout Screen
    ) -> Int {
        if reader.discussion.isArchive && reader.tree.depth[node] == 1 {
            return drawThreadRow(node, reader, elision: elision, in: area, on: &screen)
        }
        let comment = reader.comment(at: node)
        let tree = reader.tree
        // Under a limit, a row kept only because a match is below it is drawn as context.
        let isContext = reader.limit.map { !$0.matched[node] } ?? false
        var x = drawGuides(
            node, tree, focusDepth: reader.narrowedTo.map { tree.depth[$0] } ?? 0, elision: elision, in: area,
            on: &screen)
        let textStart = x
        if comment.isPlaceholder {
            let body = comment.body.text
            let text = body.isEmpty ? TreePane.placeholderText : body
            x = screen.put("  " + text, x: x, y: area.y, style: theme[.treeDate], clip: area)
        } else {
            let unread = !reader.marks.isRead(node)
            let marker = reader.isNew[node] && unread ? glyphs.new : unread ? glyphs.unread : " "
            x = screen.put(
                marker + " ", x: x, y: area.y, style: theme[reader.isNew[node] && unread ? .treeNew : .treeUnread],
                clip: area)
            if reader.isMuted(node) {
                screen.put(reader.mutedLine(node), x: x, y: area.y, style: theme[.treeContext], clip: area)
                return textStart
            }
            let authorRole: ThemeRole =
                reader.isMatch(node)
                ? .searchMatch
                : isContext
                    ? .treeContext
                    : TreePane.isByOriginalPoster(node, reader) ? .treeOP : unread ? .treeUnread : .treeAuthor
            x = screen.put(comment.author, x: x, y: area.y, style: theme[authorRole], clip: area)
            if let date = comment.date {
                x = screen.put(
                    "  " + AgeText.text(date, style: options.dateStyle, now: options.now), x: x, y: area.y,
                    style: theme[.treeDate], clip: area)
            }
            if options.showsScores, let score = comment.score {
                x = screen.put("  " + glyphs.score + "\(score)", x: x, y: area.y, style: theme[.treeDate], clip: area)
            }
            if reader.isBookmarked(node) {
                x = screen.put(" " + glyphs.flag, x: x, y: area.y, style: theme[.treeNew], clip: area)
            }
        }
        let isThread = reader.discussion.isArchive && tree.depth[node] == 1 && tree.hasChildren(node)
        if reader.collapse.isCollapsed(node) && tree.hasChildren(node) && !isThread {
            let hiddenUnread =
                reader.marks.unreadCount(inSubtreeOf: node, of: tree) - (reader.marks.isRead(node) ? 0 : 1)
            let unreadText = hiddenUnread > 0 ? ", \(hiddenUnread) unread" : ""
            x = screen.put(
                " [+\(tree.descendantCount(of: node))\(unreadText)]", x: x, y: area.y, style: theme[.treeCount],
                clip: area)
        }
        if isThread {
            let unread = reader.marks.unreadCount(inSubtreeOf: node, of: tree)
            let messages = tree.descendantCount(of: node) + (comment.isPlaceholder ? 0 : 1)
            let summary = " (\(messages) message\(messages == 1 ? "" : "s")\(unread > 0 ? ", \(unread) unread" : ""))"
            x = screen.put(summary, x: x, y: area.y, style: theme[.treeCount], clip: area)
        }
        let room = area.maxX - x - 2
        guard room > 0, !comment.isPlaceholder else { return textStart }
        let (text, isSubject) = rowText.text(for: node, room: room, in: reader)
        let textRole: ThemeRole = isContext ? .treeContext : isSubject ? .treeText : .treePreview
        screen.put("  " + text, x: x, y: area.y, style: theme[textRole], clip: area)
        return textStart
    }

    /// A thread of an archive, as a mail reader's index shows it so it can be scanned:
    /// marker, the date of its latest message, its subject (the first message present when
    /// the first is missing), its size and unread count (`14/3`), its author.
    private func drawThreadRow(
        _ node: Int, _ reader: Reader, elision: GuideElision, in area: Rect, on screen: inout Screen
    ) -> Int {
        let tree = reader.tree
        var x = drawGuides(
            node, tree, focusDepth: reader.narrowedTo.map { tree.depth[$0] } ?? 0, elision: elision, in: area,
            on: &screen)
        let textStart = x
        let own = reader.comment(at: node)
        let first = reader.comment(at: threads.firstPresent(in: node, of: reader) ?? node)
        let unread = !own.isPlaceholder && !reader.marks.isRead(node)
        let isNew = reader.isNew[node] && unread
        x = screen.put(
            (isNew ? glyphs.new : unread ? glyphs.unread : " ") + " ", x: x, y: area.y,
            style: theme[isNew ? .treeNew : .treeUnread], clip: area)
        if let date = threads.latestDate(of: node, in: reader) {
            x = screen.put(
                AgeText.text(date, style: options.dateStyle, now: options.now) + "  ", x: x, y: area.y,
                style: theme[.treeDate], clip: area)
        }
        let messages = tree.descendantCount(of: node) + (own.isPlaceholder ? 0 : 1)
        let unreadInThread = reader.marks.unreadCount(inSubtreeOf: node, of: tree)
        let counts = messages > 1 ? "  \(messages)" + (unreadInThread > 0 ? "/\(unreadInThread)" : "") : ""
        let isContext = reader.limit.map { !$0.matched[node] } ?? false
        let subject = first.subject ?? TreePane.preview(of: first.body.text, columns: max(0, area.maxX - x))
        let role: ThemeRole =
            reader.isMatch(node) ? .searchMatch : isContext ? .treeContext : unread ? .treeUnread : .treeText
        let room = area.maxX - x - DisplayWidth.of(counts)
        x = screen.put(DisplayWidth.truncated(subject, to: room), x: x, y: area.y, style: theme[role], clip: area)
        x = screen.put(counts, x: x, y: area.y, style: theme[.treeCount], clip: area)
        if area.maxX - x > 6 {
            let byOP = TreePane.isByOriginalPoster(node, reader)
            screen.put(
                "  " + first.author, x: x, y: area.y,
                style: theme[isContext ? .treeContext : byOP ? .treeOP : .treeAuthor],
                clip: area)
        }
        return textStart
    }

    static let placeholderText = "(message not in archive)"

    /// The accessible row: `> level 2, unread, Edna, 2014-10-29, 3 replies hidden: text`,
    /// everything said in words (the `>` marks the selection), nothing drawn.
    private func drawPlainComment(_ node: Int, _ reader: Reader, in area: Rect, on screen: inout Screen) {
        let comment = reader.comment(at: node)
        let parts = TreePane.spokenParts(of: node, in: reader, options: options)
        let head = (node == reader.selected ? "> " : "  ") + parts.joined(separator: ", ")
        let x = screen.put(head, x: area.x, y: area.y, style: theme[.treeText], clip: area)
        guard !comment.isPlaceholder, !reader.isMuted(node), area.maxX - x > 2 else { return }
        let text =
            TreePane.subjectToShow(node, reader) ?? TreePane.preview(of: comment.body.text, columns: area.maxX - x)
        screen.put(": " + text, x: x, y: area.y, style: theme[.treePreview], clip: area)
    }

    /// A comment's row said in words (plain mode, linear mode): its level, state, author,
    /// age, score and hidden replies — `reply, level 2, unread, Edna, 3 days ago`.
    /// `wasUnread` says the state it had before a move marked it read.
    static func spokenParts(
        of node: Int, in reader: Reader, options: ReaderOptions, wasUnread: Bool? = nil
    ) -> [String] {
        let comment = reader.comment(at: node)
        let tree = reader.tree
        var parts = [tree.depth[node] == 1 ? "top level" : "reply, level \(tree.depth[node])"]
        if comment.isPlaceholder {
            parts.append(comment.body.text.isEmpty ? TreePane.placeholderText : comment.body.text)
        } else if reader.isMuted(node) {
            parts.append(reader.mutedLine(node))
        } else {
            if wasUnread ?? !reader.marks.isRead(node) { parts.append(reader.isNew[node] ? "new" : "unread") }
            if TreePane.isByOriginalPoster(node, reader) { parts.append("original poster") }
            if reader.isMatch(node) { parts.append("search match") }
            if reader.isBookmarked(node) { parts.append("flagged") }
            parts.append(comment.author)
            if let date = comment.date { parts.append(AgeText.text(date, style: options.dateStyle, now: options.now)) }
            if options.showsScores, let score = comment.score { parts.append(ArticleText.points(score)) }
        }
        if reader.collapse.isCollapsed(node) && tree.hasChildren(node) {
            parts.append("\(tree.descendantCount(of: node)) replies hidden")
        }
        return parts
    }

    /// `Article › Sharon Shoesmith › Edna ›`: where the focused subtree hangs.
    private func drawBreadcrumb(_ reader: Reader, in area: Rect, on screen: inout Screen) {
        guard let root = reader.narrowedTo, !area.isEmpty else { return }
        screen.fill(area, style: theme[.treeText])
        // Names from the narrowed comment outwards, only as many as could fit: a comment
        // 100,000 replies deep costs a screen's width of names, not its depth.
        var names: [String] = []
        var used = 0
        var node = root
        while node >= 0 && used <= area.width {
            let name =
                node == ThreadTree.root
                ? (reader.discussion.title ?? reader.discussion.sourceName ?? "Discussion")
                : reader.comment(at: node).author
            names.append(name)
            used += DisplayWidth.of(String(name.prefix(area.width + 1))) + 3
            node = reader.tree.parent[node]
        }
        let trail = TreePane.breadcrumb(names.reversed(), width: area.width)
        screen.put(trail, x: area.x, y: area.y, style: theme[.treeRoot], clip: area)
    }

    /// `↳ A › B › C  (Z: back out)`; where that is wider than `width`, the outermost names
    /// give way to `…` first, so the nearest ancestors and the narrowed comment stay in view.
    /// Built from the innermost name outwards, in one pass.
    static func breadcrumb(_ names: [String], width: Int) -> String {
        guard let last = names.last else { return "↳   (Z: back out)" }
        let frame = DisplayWidth.of("↳ ") + DisplayWidth.of("  (Z: back out)")
        let elision = DisplayWidth.of("… › ")
        var kept = [last]
        var used = frame + DisplayWidth.of(last)
        for (index, name) in names.dropLast().enumerated().reversed() {
            let cost = DisplayWidth.of(name) + DisplayWidth.of(" › ")
            // Past the outermost name an elision mark is needed too.
            if used + cost + (index > 0 ? elision : 0) > width { break }
            kept.append(name)
            used += cost
        }
        let elided = kept.count < names.count
        return "↳ " + (elided ? "… › " : "") + kept.reversed().joined(separator: " › ") + "  (Z: back out)"
    }

    /// Guide colours by depth, cycling.
    static let guideRoles: [ThemeRole] = [.treeGuide, .treeGuide2, .treeGuide3]

    /// Whether `node` was written by the original poster: the article's author, or in an
    /// archive the author of the thread's first message.
    static func isByOriginalPoster(_ node: Int, _ reader: Reader) -> Bool {
        let author = reader.comment(at: node).author
        if let articleAuthor = reader.discussion.articleAuthor { return author == articleAuthor }
        guard reader.discussion.isArchive else { return false }
        let top = reader.tree.threadRoot[node]
        return top != node && !reader.comment(at: top).isPlaceholder && reader.comment(at: top).author == author
    }

    /// A message's subject when it starts a thread or differs from its parent's (mutt's
    /// rule: a thread repeats its subject only where it changes).
    static func subjectToShow(_ node: Int, _ reader: Reader) -> String? {
        guard let subject = reader.comment(at: node).subject else { return nil }
        let parent = reader.tree.parent[node]
        guard parent > ThreadTree.root, let parentSubject = reader.comment(at: parent).subject else { return subject }
        // Subjects are compared on their first 300 characters: a row costs the same for a 1 MB subject.
        return Subject.normalised(String(subject.prefix(300))) == Subject.normalised(String(parentSubject.prefix(300)))
            ? nil : subject
    }

    /// Draws the guides; returns the column after them.
    private func drawGuides(
        _ node: Int, _ tree: ThreadTree, focusDepth: Int, elision: GuideElision, in area: Rect, on screen: inout Screen
    ) -> Int {
        var x = area.x
        let parts = TreePane.guideParts(of: node, tree, focusDepth: focusDepth, elision: elision, glyphs: glyphs)
        for part in parts {
            x = screen.put(part.text, x: x, y: area.y, style: theme[part.role], clip: area)
        }
        return x
    }

    /// A row's tree lines, each with its role: one glyph a level, less the outer levels
    /// `elision` hides on this screen, which give way to the row's depth as a number
    /// (`‹12›`). Levels above a narrowed comment (`focusDepth`) are not drawn.
    static func guideParts(
        of node: Int, _ tree: ThreadTree, focusDepth: Int, elision: GuideElision, glyphs: GlyphSet
    ) -> [(text: String, role: ThemeRole)] {
        let levels = tree.depth[node] - focusDepth
        var parts: [(text: String, role: ThemeRole)] = []
        var shown = levels
        if elision.hiddenLevels > 0 {
            let marker = "‹\(tree.depth[node])›"
            parts.append(
                (marker + String(repeating: " ", count: max(0, elision.markerWidth - marker.count)), .treeGuide))
            // A row no deeper than the hidden levels keeps its own corner or tee (a narrowed
            // comment, at level 0, has none).
            shown = levels > 0 ? max(1, levels - elision.hiddenLevels) : 0
        }
        let guides = tree.guides(for: node, innermost: shown)
        let firstLevel = tree.depth[node] - guides.count
        for (offset, guide) in guides.enumerated() {
            parts.append((glyphs.glyph(guide), guideRoles[(firstLevel + offset) % guideRoles.count]))
        }
        return parts
    }

    /// The start of a reply's own words for its row, on one line: quoted lines (`>`), the
    /// attribution before them ("On Tue, 17 Nov 2009, Ann wrote:") and a signature (after
    /// `-- `) are passed over, as a reader skims them; a body that is nothing else keeps
    /// its text. Only the first few kilobytes are looked at.
    static func preview(of body: String, columns: Int) -> String {
        let lines = body.prefix(4096).split(separator: "\n", omittingEmptySubsequences: false)
        var own: [Substring] = []
        var kept = 0
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if line == "-- " || line == "--" { break }
            if trimmed.hasPrefix(">") || isAttribution(trimmed) { continue }
            // "On Tue, 17 Nov 2009 at 10:00, Ann Lee" then "<ann@example.org> wrote:".
            if trimmed.hasPrefix("On "), lines.dropFirst(index + 1).prefix(2).contains(where: { isAttribution($0) }) {
                continue
            }
            own.append(trimmed)
            kept += trimmed.count
            if kept > columns + 8 { break }
        }
        return oneLine(own.contains { !$0.isEmpty } ? own.joined(separator: "\n") : body, columns: columns)
    }

    /// Whether a line introduces quoted text ("… wrote:", "… writes:", "… a écrit :").
    private static func isAttribution(_ line: Substring) -> Bool {
        let end = line.reversed().drop { $0 == " " || $0 == "\r" }
        let tail = String(end.prefix(12).reversed()).lowercased()
        return tail.hasSuffix("wrote:") || tail.hasSuffix("writes:") || tail.hasSuffix("a écrit :")
            || tail.hasSuffix("a écrit:") || tail.hasSuffix("schrieb:")
    }

    /// `text`'s first `columns` characters or so, its white space runs as single spaces.
    private static func oneLine(_ text: String, columns: Int) -> String {
        var out = ""
        var lastWasSpace = false
        for character in text.prefix(columns + 8) {
            if character.isWhitespace {
                if !lastWasSpace && !out.isEmpty { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(character)
                lastWasSpace = false
            }
        }
        if out.last == " " { out.removeLast() }
        return out
    }
}
