import SpoolCore
import SpoolReader
import SpoolScreen

/// Linear mode (`--linear`), for screen readers: the reader's keys, answered with lines on
/// the terminal's normal stream instead of a screen. Each move says the comment it lands
/// on in one line (level, state, author, age, length, the start of its text, as Emacspeak
/// speaks a message); `Enter` prints the comment; messages are lines of their own; the key
/// list is printed; prompts echo what is typed. Nothing written is ever redrawn.
///
/// ```swift
/// var linear = LinearProgram(program)
/// print(linear.opening(columns: 80))
/// print(linear.handle(.character("j"), columns: 80).lines)
/// ```
public struct LinearProgram: LineProgram {
    public private(set) var program: ReaderProgram

    public init(_ program: ReaderProgram) { self.program = program }

    private var reader: Reader { program.reader }

    public mutating func opening(columns: Int) -> [String] {
        let discussion = reader.discussion
        var lines = [
            "Spool, linear mode: a line a move; Enter reads, Tab: next unread, ?: keys, q quits.",
            (discussion.title ?? discussion.sourceName ?? "Untitled discussion") + ": "
                + TreePane.countText(discussion, tree: reader.tree) + ", \(reader.marks.unreadCount) unread"
                + (reader.newCount > 0 ? ", \(reader.newCount) new" : "") + ".",
        ]
        lines += program.takeMessages()
        lines.append(spoken(reader.selected, columns: columns))
        return lines.map(Sanitizer.clean)
    }

    public mutating func handle(_ key: Key, columns: Int) -> LineOutput {
        let before = reader
        if before.mode == .browsing && key == .enter {
            return LineOutput(lines: text(of: before.selected, columns: columns).map(Sanitizer.clean))
        }
        let effects = program.handle(.key(key))
        _ = HeadlessRunner.finishWork(&program)
        var output = LineOutput(quit: effects.quit)
        if case .prompt(let prompt) = reader.mode {
            output.echo = echo(key, prompt: prompt, wasOpen: before.prompt?.kind == prompt.kind)
            // A pattern that means nothing stays open with the reason: said, then typed again.
            if let note = prompt.note, note != before.prompt?.note {
                output.lines = [Self.label(prompt.kind) + prompt.line.text + "  (" + note + ")"]
                output.echo = Self.label(prompt.kind) + prompt.line.text
            }
            return output.cleaned
        }
        if case .help = reader.mode {
            output.lines = program.view.helpText(for: reader, width: columns)
            output.lines.append("End of the key list.")
            // The list is printed whole; the next key goes to the discussion again.
            _ = program.handle(.key(key))
            return output.cleaned
        }
        if case .choosingURL(let choices) = reader.mode {
            output.lines = choices.enumerated().map { "\($0.offset + 1) \($0.element)" }
            output.lines.append("These addresses open from the full-screen reader (u there, then a digit).")
            _ = program.handle(.key(.escape))
            return output.cleaned
        }
        if case .choosingAttachment = reader.mode {
            output.lines = ["Attachments are viewed in the full-screen reader."]
            _ = program.handle(.key(.escape))
            return output.cleaned
        }
        if effects.commands.contains(where: \.needsTerminal) {
            output.lines.append("That key hands over to another program: use the full-screen reader for it.")
        }
        let moved =
            reader.selected != before.selected || (before.prompt != nil && reader.prompt == nil)
            || reader.rows.count != before.rows.count
            || reader.collapse.isCollapsed(reader.selected) != before.collapse.isCollapsed(reader.selected)
            || reader.isMuted(reader.selected) != before.isMuted(reader.selected)
            || reader.isBookmarked(reader.selected) != before.isBookmarked(reader.selected)
        output.lines += program.takeMessages()
        if moved && !effects.quit {
            // Said as it was before the move marked it read.
            let wasUnread =
                reader.layoutGeneration == before.layoutGeneration && reader.selected < before.tree.count
                ? !before.marks.isRead(reader.selected) : nil
            output.lines.append(spoken(reader.selected, columns: columns, wasUnread: wasUnread))
        }
        return output.cleaned
    }

    /// What a terminal shows after `keys`, as text: the opening, then each key's lines and
    /// echo (`spool render --linear`, tests). Stops at a key that quits.
    public mutating func transcript(of keys: [Key], columns: Int) -> String {
        var text = opening(columns: columns).map { $0 + "\n" }.joined()
        var echoing = false
        for key in keys {
            let output = handle(key, columns: columns)
            if echoing && !output.lines.isEmpty { text += "\n" }
            text += output.lines.map { $0 + "\n" }.joined()
            if !output.lines.isEmpty { echoing = false }
            if output.echo == "\u{8} \u{8}" {
                if echoing, let last = text.last, last != "\n" { text.removeLast() }
            } else if !output.echo.isEmpty {
                text += output.echo
                echoing = true
            }
            if output.quit { break }
        }
        return echoing ? text + "\n" : text
    }

    /// One line for `node`: where it is, its state, who, when, how long, how it starts (as
    /// much as fits in `columns`).
    func spoken(_ node: Int, columns: Int, wasUnread: Bool? = nil) -> String {
        guard node != ThreadTree.root else {
            let discussion = reader.discussion
            return "Article: " + (discussion.title ?? discussion.sourceName ?? "Untitled discussion") + ", "
                + TreePane.countText(discussion, tree: reader.tree)
                + (reader.collapse.isCollapsed(node) ? ", folded" : "")
        }
        let comment = reader.comment(at: node)
        var parts = TreePane.spokenParts(of: node, in: reader, options: program.view.options, wasUnread: wasUnread)
        guard !comment.isPlaceholder, !reader.isMuted(node) else { return parts.joined(separator: ", ") }
        if let subject = TreePane.subjectToShow(node, reader) {
            parts[parts.count - 1] += " on " + subject
        }
        let lines = WordWrap.sourceLines(of: comment.body.text).count
        parts.append("\(lines) line\(lines == 1 ? "" : "s")")
        let head = parts.joined(separator: ", ") + ": "
        let room = max(20, columns - 1 - DisplayWidth.of(head))
        return head + DisplayWidth.truncated(TreePane.preview(of: comment.body.text, columns: room), to: room)
    }

    /// `Enter`: the comment as the article pane shows it, wrapped to the terminal.
    private func text(of node: Int, columns: Int) -> [String] {
        program.view.articleLines(of: node, width: max(20, columns - 1), in: reader).map(\.text)
            + ["End of the comment."]
    }

    /// What a prompt shows of a key: its label when it opens, each typed character, a
    /// step back for a deleted one.
    private func echo(_ key: Key, prompt: Prompt, wasOpen: Bool) -> String {
        guard wasOpen else { return Self.label(prompt.kind) + prompt.line.text }
        switch key {
        case .character(let character): return String(character)
        case .backspace: return "\u{8} \u{8}"
        default: return ""
        }
    }

    private static func label(_ kind: PromptKind) -> String {
        switch kind {
        case .search: return "Search: "
        case .limit: return "Limit to: "
        case .pipe: return "Pipe to: "
        case .save: return "Save to: "
        case .since: return "New since: "
        }
    }
}

extension LineOutput {
    /// The same output with every control and escape character made visible.
    fileprivate var cleaned: LineOutput {
        LineOutput(
            lines: lines.map(Sanitizer.clean), echo: echo == "\u{8} \u{8}" ? echo : Sanitizer.clean(echo), quit: quit)
    }
}
