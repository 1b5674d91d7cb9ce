import SpoolCore
import SpoolScreen

extension Reader {
    /// The selected comment (or the article) as plain text: a header line, then the body.
    public var selectedText: String {
        if selected == ThreadTree.root {
            return [discussion.title, discussion.article].compactMap { $0 }.joined(separator: "\n\n") + "\n"
        }
        let comment = comment(at: selected)
        let link = discussion.authorLinks[comment.author].map { " <\($0)>" } ?? ""
        let date = comment.date.map { " · " + AgeText.absolute($0) } ?? ""
        let subject = comment.subject.map { "\n" + $0 } ?? ""
        return "\(comment.author)\(link)\(date)\(subject)\n\n\(comment.body.text)\n"
    }

    /// The most OSC 52 carries; terminals refuse or cut longer payloads.
    static let copyLimit = 100_000

    /// The selection as text another program shows (the clipboard, a pager): control
    /// characters removed, line breaks and tabs kept.
    var selectedTextForDisplay: String { Sanitizer.strippingControls(selectedText) }

    mutating func copySelection() -> Effects {
        let text = selectedTextForDisplay
        guard text.utf8.count <= Reader.copyLimit else {
            messages.say(
                "This comment is \(text.utf8.count / 1024) KB, too long for the clipboard sequence; | or e can take it."
            )
            return .none
        }
        messages.say(
            "Copied \(text.utf8.count) bytes to the terminal's clipboard (OSC 52, where the terminal allows it).")
        return Effects(commands: [.copy(text)])
    }

    /// What a key did to the pipe prompt's line.
    mutating func pipePromptChanged(_ outcome: PromptLine.Outcome, line: PromptLine) -> Effects {
        switch outcome {
        case .submitted:
            mode = .browsing
            guard !line.text.allSatisfy(\.isWhitespace) else {
                messages.say("Nothing to pipe to.")
                return .redraw
            }
            history.add(line.text, to: .pipe)
            return Effects(redraw: true, commands: [.pipe(command: line.text, text: selectedText)])
        case .cancelled:
            mode = .browsing
            messages.say("Pipe cancelled.")
        case .edited, .moved, .ignored: break
        }
        return .redraw
    }
}
