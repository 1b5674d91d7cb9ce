import SpoolCore

/// `u`: the addresses in the selected comment, listed to open one with a digit.
extension App {
    /// The `http`/`https` addresses in `text`, in order, without duplicates, trailing
    /// punctuation or the angle brackets around them.
    public static func urls(in text: String) -> [String] {
        var found: [String] = []
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            guard let start = word.range(of: "http://") ?? word.range(of: "https://") else { continue }
            var url = word[start.lowerBound...]
            while let last = url.last, ".,;:!?)]}>\"'’”".contains(last) { url = url.dropLast() }
            let address = String(url)
            if address.count > 8, !found.contains(address) { found.append(address) }
        }
        return found
    }

    mutating func listURLs() {
        let found = App.urls(in: selectedText)
        guard !found.isEmpty else {
            message = "No web addresses in this comment."
            return
        }
        urlChoices = found
    }

    /// Handles a key while the address list is open: a digit opens that address.
    mutating func handleURLKey(_ key: Key) -> Effects {
        guard let choices = urlChoices else { return [] }
        if case .character(let c) = key, let digit = c.wholeNumberValue, digit >= 1, digit <= min(9, choices.count) {
            urlChoices = nil
            request = .open(choices[digit - 1])
            message = "Opening \(choices[digit - 1])"
        } else {
            urlChoices = nil
        }
        return .redraw
    }
}

/// A box listing the addresses of the selected comment, numbered.
struct URLOverlay {
    let theme: Theme

    func render(_ choices: [String], on screen: inout Screen) {
        let shown = Array(choices.prefix(9))
        let width = min(screen.width, max(40, (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 8))
        let height = min(screen.height, shown.count + 3)
        guard width >= 4, height >= 3 else { return }
        let box = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(box, style: theme[.help])
        screen.put(" Open which address? (1-\(shown.count), other keys close)", x: box.x + 1, y: box.y, style: theme[.helpTitle], clip: box)
        for (index, url) in shown.enumerated() {
            let y = box.y + 2 + index
            let x = screen.put("\(index + 1)  ", x: box.x + 2, y: y, style: theme[.helpKey], clip: box)
            screen.put(url, x: x, y: y, style: theme[.articleURL], clip: box)
        }
    }
}
