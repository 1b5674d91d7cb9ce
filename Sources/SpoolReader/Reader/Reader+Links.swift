import SpoolCore
import SpoolScreen

/// `u`: the addresses in the selected comment, listed to open one with a digit.
extension Reader {
    /// The `http`/`https` addresses in `text`, and `www.` ones (as `https://www.…`), in
    /// order, without duplicates, trailing punctuation or the brackets around them; a closing
    /// bracket that one inside the address opened stays (`…/Foo_(bar)`). An address ends at
    /// white space or at a control character, which no address holds: nothing that could act
    /// on a terminal or a browser's command line is handed over.
    public static func urls(in text: String) -> [String] {
        var found: [String] = []
        let ends: (Character) -> Bool = { $0.isWhitespace || $0.unicodeScalars.contains(where: Sanitizer.isUnsafe) }
        for word in text.split(whereSeparator: ends) {
            guard let (start, scheme) = addressStart(in: word) else { continue }
            var url = word[start...]
            while let last = url.last, ".,;:!?)]}>\"'’”".contains(last) {
                if last == ")" && isBalanced(url, "(", ")") || last == "]" && isBalanced(url, "[", "]") { break }
                url = url.dropLast()
            }
            let address = scheme + url
            if url.count > 4, address.count > 8, !found.contains(address) { found.append(address) }
        }
        return found
    }

    /// Where an address starts in `word`, and the scheme to put before it (`www.` has none).
    private static func addressStart(in word: Substring) -> (Substring.Index, String)? {
        if let start = word.range(of: "http://") ?? word.range(of: "https://") { return (start.lowerBound, "") }
        guard let start = word.range(of: "www.", options: .caseInsensitive)?.lowerBound else { return nil }
        // `www.` starts the word or follows punctuation such as `(` or `<`, never a letter.
        if start > word.startIndex, word[word.index(before: start)].isLetter || word[word.index(before: start)].isNumber
        {
            return nil
        }
        return (start, "https://")
    }

    /// Whether `text` closes no more `close` brackets than it opens.
    private static func isBalanced(_ text: Substring, _ open: Character, _ close: Character) -> Bool {
        text.reduce(0) { $0 + ($1 == open ? 1 : $1 == close ? -1 : 0) } >= 0
    }

    mutating func listURLs() {
        let found = Reader.urls(in: selectedText)
        guard !found.isEmpty else {
            messages.say("No web addresses in this comment.")
            return
        }
        mode = .choosingURL(found)
    }

    /// Handles a key while the address list is open: a digit opens that address.
    mutating func handleURLKey(_ key: Key, choices: [String]) -> Effects {
        mode = .browsing
        guard case .character(let c) = key, let digit = c.wholeNumberValue, digit >= 1, digit <= min(9, choices.count)
        else {
            return .redraw
        }
        messages.say("Opening \(choices[digit - 1])")
        return Effects(redraw: true, commands: [.open(choices[digit - 1])])
    }
}
