import Foundation
import SpoolCore
import SpoolScreen

/// A message's parts beyond its text: full headers (`H`), quotes and signatures (`T`, `S`),
/// attachments (`V`) and saving the comment or an attachment to a file (`s`).
extension Reader {
    mutating func toggleHeaders() {
        showsHeaders.toggle()
        guard showsHeaders else {
            messages.say("Full headers hidden.")
            return
        }
        let hasHeaders = selected != ThreadTree.root && !comment(at: selected).body.headerFields.isEmpty
        messages.say(
            hasHeaders
                ? "Full headers shown; H hides them."
                : "Full headers on: mail and news messages show theirs (this row has none); H turns them off.")
    }

    /// `T`: long quoted blocks and signatures whole, or folded to one line each.
    mutating func toggleQuotes() {
        showsQuotedText.toggle()
        clampArticleScroll()
        messages.say(
            showsQuotedText
                ? "Quoted text and signatures shown; T folds them." : "Long quotes and signatures folded; T shows them."
        )
    }

    /// `S`: the article scrolled to the new text after the next quote below the top line.
    mutating func skipQuoted() {
        guard let line = viewport.measure.nextNewText(of: selected, from: articleScroll + 1, in: self) else {
            messages.say("No new text after a quote below here.")
            return
        }
        let before = articleScroll
        articleScroll = line
        clampArticleScroll()
        if articleScroll == before { messages.say("End of this comment: the rest of its new text is on screen.") }
    }

    /// The selected comment's attachments (none for the article row or a placeholder).
    private var selectedAttachments: [Attachment] {
        selected == ThreadTree.root ? [] : comment(at: selected).body.attachments
    }

    mutating func listAttachments() {
        let attachments = selectedAttachments
        guard !attachments.isEmpty else {
            messages.say("No attachments in this comment.")
            return
        }
        mode = .choosingAttachment(
            AttachmentList(
                entries: attachments.enumerated().map { index, attachment in
                    let name = Sanitizer.strippingControls(attachment.suggestedFileName(number: index + 1))
                    return "\(name)  \(attachment.type), \(Reader.sizeText(attachment.bytes.count))"
                }))
    }

    /// Keys while the attachment list is open: a digit views that attachment (or, after
    /// `s`, asks where to save it); any other key closes the list.
    mutating func handleAttachmentKey(_ key: Key, list: AttachmentList) -> Effects {
        mode = .browsing
        if key == .character("s") && !list.isSaving {
            var saving = list
            saving.isSaving = true
            mode = .choosingAttachment(saving)
            return .redraw
        }
        let attachments = selectedAttachments
        guard case .character(let c) = key, let digit = c.wholeNumberValue, digit >= 1,
            digit <= min(9, attachments.count)
        else { return .redraw }
        let attachment = attachments[digit - 1]
        let name = attachment.suggestedFileName(number: digit)
        if list.isSaving {
            var prompt = Prompt(.save, text: name)
            prompt.attachment = digit - 1
            mode = .prompt(prompt)
            return .redraw
        }
        if let text = attachment.text {
            return Effects(redraw: true, commands: [.page(Sanitizer.strippingControls(text))])
        }
        messages.say("Viewing \(Sanitizer.strippingControls(name)) (\(attachment.type)) through mailcap.")
        return Effects(redraw: true, commands: [.view(bytes: attachment.bytes, type: attachment.type, name: name)])
    }

    /// `s`: asks where to save the selected comment, offering the last file saved to.
    mutating func startSave() {
        // Only mail and news bodies give mbox entries; asking one would read the message.
        let isMessage =
            selected != ThreadTree.root && discussion.format == .mbox
            && !comment(at: selected).isPlaceholder
        let suggestion = history[.save].last { $0.hasSuffix(isMessage ? ".mbox" : ".txt") }
        mode = .prompt(Prompt(.save, text: suggestion ?? (isMessage ? "saved.mbox" : "saved-comments.txt")))
    }

    /// What a key did to the save prompt's line.
    mutating func savePromptChanged(_ outcome: PromptLine.Outcome, prompt: Prompt) -> Effects {
        switch outcome {
        case .submitted:
            mode = .browsing
            let path = prompt.line.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !path.isEmpty else {
                messages.say("Nothing saved: no file name given.")
                return .redraw
            }
            history.add(path, to: .save)
            if let index = prompt.attachment {
                let attachments = selectedAttachments
                guard index < attachments.count else { return .redraw }
                return Effects(
                    redraw: true,
                    commands: [.writeFile(path: path, bytes: attachments[index].bytes, appending: false)])
            }
            let message = selected == ThreadTree.root ? nil : comment(at: selected).body.mboxEntry
            let entry = message ?? Array((selectedTextForDisplay + "\n").utf8)
            return Effects(redraw: true, commands: [.writeFile(path: path, bytes: entry, appending: true)])
        case .cancelled:
            mode = .browsing
            messages.say("Save cancelled.")
        case .edited, .moved, .ignored: break
        }
        return .redraw
    }

    /// `1.2 KB`, `340 bytes`, `3.4 MB`.
    static func sizeText(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) byte\(bytes == 1 ? "" : "s")" }
        if bytes < 1_048_576 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
