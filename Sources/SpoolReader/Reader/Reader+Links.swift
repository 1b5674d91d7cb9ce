import SpoolCore
import SpoolScreen

/// `u`: the addresses in the selected comment, listed to open one with a digit.
extension Reader {
    /// The `http`/`https` addresses in `text`, in order, without duplicates, trailing
    /// punctuation or the angle brackets around them. An address ends at white space or at
    /// a control character, which no address holds: nothing that could act on a terminal
    /// or a browser's command line is handed over.
    public static func urls(in text: String) -> [String] {
        var found: [String] = []
        let ends: (Character) -> Bool = { $0.isWhitespace || $0.unicodeScalars.contains(where: Sanitizer.isUnsafe) }
        for word in text.split(whereSeparator: ends) {
            guard let start = word.range(of: "http://") ?? word.range(of: "https://") else { continue }
            var url = word[start.lowerBound...]
            while let last = url.last, ".,;:!?)]}>\"'’”".contains(last) { url = url.dropLast() }
            let address = String(url)
            if address.count > 8, !found.contains(address) { found.append(address) }
        }
        return found
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
