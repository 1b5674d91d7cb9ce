import SpoolCore

/// Work the App asks the terminal side to do outside the screen: copy to the clipboard,
/// show a comment in a pager, pipe it to a command.
public enum TerminalRequest: Equatable, Sendable {
    /// OSC 52: the terminal's clipboard gets `text`.
    case copy(String)
    /// `$PAGER` (else `less`) shows `text` read-only.
    case page(String)
    /// `sh -c command` reads `text` on its standard input.
    case pipe(command: String, text: String)
    /// `$BROWSER` (a terminal browser gets the terminal) or `xdg-open` opens the address.
    case open(String)
}

extension App {
    /// The selected comment (or the article) as plain text: a header line, then the body.
    public var selectedText: String {
        if selected == ThreadTree.root {
            return [discussion.title, discussion.article].compactMap { $0 }.joined(separator: "\n\n") + "\n"
        }
        let comment = comment(at: selected)
        let date = comment.date.map { " · " + AgeText.absolute($0) } ?? ""
        let subject = comment.subject.map { "\n" + $0 } ?? ""
        return "\(comment.author)\(date)\(subject)\n\n\(comment.body.text)\n"
    }

    /// The request made by the last key, handed over once.
    public mutating func takeRequest() -> TerminalRequest? {
        defer { request = nil }
        return request
    }

    /// The most OSC 52 carries; terminals refuse or cut longer payloads.
    static let copyLimit = 100_000

    mutating func copySelection() {
        let text = selectedText
        guard text.utf8.count <= App.copyLimit else {
            message = "This comment is \(text.utf8.count / 1024) KB, too long for the clipboard sequence; | or e can take it."
            return
        }
        request = .copy(text)
        message = "Copied \(text.utf8.count) bytes to the terminal's clipboard (OSC 52, where the terminal allows it)."
    }

    mutating func pageSelection() { request = .page(selectedText) }

    mutating func startPipePrompt() { pipePrompt = "" }

    /// Handles a key while the pipe prompt is open.
    mutating func handlePipeKey(_ key: Key) -> Effects {
        var command = pipePrompt ?? ""
        switch PromptEdit.apply(key, to: &command) {
        case .edited: pipePrompt = command
        case .submitted:
            pipePrompt = nil
            if command.isEmpty { message = "Nothing to pipe to." } else { request = .pipe(command: command, text: selectedText) }
        case .cancelled:
            pipePrompt = nil
            message = "Pipe cancelled."
        case .ignored: break
        }
        return .redraw
    }
}

/// Base64 (RFC 4648) for OSC 52, without Foundation.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let b0 = UInt32(input[index])
            let b1 = index + 1 < input.count ? UInt32(input[index + 1]) : 0
            let b2 = index + 2 < input.count ? UInt32(input[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(triple >> 18 & 63)])
            out.append(alphabet[Int(triple >> 12 & 63)])
            out.append(index + 1 < input.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            out.append(index + 2 < input.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
