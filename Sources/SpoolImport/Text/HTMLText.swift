/// HTML turned into readable plain text, for HTML-only mail and HN/Reddit comments.
///
/// Tags are removed; paragraphs, list items, headings and `<br>` become line breaks,
/// `<a href>` keeps its address (`text <url>`), `<blockquote>` lines get `> `, `<pre>`
/// keeps its lines, `<script>` and `<style>` are dropped, and entities are decoded.
public enum HTMLText {
    public static func plainText(_ html: String) -> String {
        var renderer = Renderer()
        var index = html.startIndex
        // Once a `<` has no `>` after it, no later one has either: remembering that keeps
        // text full of `<` (a b < c …) linear instead of quadratic.
        var noCloseFrom: String.Index?
        while index < html.endIndex {
            let character = html[index]
            if character == "<", noCloseFrom.map({ index < $0 }) ?? true,
                let close = html[index...].firstIndex(of: ">")
                    ?? {
                        noCloseFrom = index
                        return nil
                    }()
            {
                renderer.tag(html[html.index(after: index)..<close])
                index = html.index(after: close)
            } else if character == "&", let (decoded, end) = entity(in: html, at: index) {
                renderer.text(decoded)
                index = end
            } else {
                renderer.text(String(character))
                index = html.index(after: index)
            }
        }
        return renderer.result
    }

    private struct Renderer {
        var lines: [String] = [""]
        var quoteDepth = 0
        var preDepth = 0
        var skipping = 0
        var pendingHref: [String?] = []
        var lastWasSpace = true

        var result: String {
            var out: [String] = []
            for line in lines {
                var trimmed = line
                while trimmed.hasSuffix(" ") { trimmed.removeLast() }
                if trimmed.isEmpty || trimmed.allSatisfy({ $0 == ">" || $0 == " " }) {
                    if let last = out.last, !last.isEmpty { out.append("") }
                } else {
                    out.append(trimmed)
                }
            }
            while out.last == "" { out.removeLast() }
            return out.joined(separator: "\n")
        }

        mutating func text(_ text: String) {
            guard skipping == 0 else { return }
            for character in text {
                if preDepth > 0 {
                    if character == "\n" { newLine() } else { append(character) }
                    continue
                }
                // Source white space folds; a no-break space (from &nbsp;) is kept.
                if character.isWhitespace && character != "\u{A0}" {
                    if !lastWasSpace {
                        append(" ")
                        lastWasSpace = true
                    }
                } else {
                    append(character)
                    lastWasSpace = false
                }
            }
        }

        private mutating func append(_ character: Character) {
            if lines[lines.count - 1].isEmpty && quoteDepth > 0 {
                lines[lines.count - 1] = String(repeating: "> ", count: quoteDepth)
            }
            if preDepth == 0 && character == " " && lines[lines.count - 1].allSatisfy({ $0 == ">" || $0 == " " }) {
                return
            }
            lines[lines.count - 1].append(character)
        }

        private mutating func newLine() {
            lines.append("")
            lastWasSpace = true
        }

        private mutating func paragraph() {
            if !(lines.last ?? "").isEmpty { newLine() }
            if lines.count >= 2 && !lines[lines.count - 2].isEmpty { newLine() }
        }

        mutating func tag(_ raw: Substring) {
            let isClosing = raw.hasPrefix("/")
            let body = isClosing ? raw.dropFirst() : raw
            let name = body.prefix { $0.isLetter || $0.isNumber }.lowercased()
            switch name {
            case "script", "style", "head", "title": skipping += isClosing ? (skipping > 0 ? -1 : 0) : 1
            case "br": newLine()
            case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr": paragraph()
            case "tr", "li", "dt", "dd":
                if !(lines.last ?? "").isEmpty { newLine() }
                if name == "li" && !isClosing { text("• ") }
            case "blockquote":
                paragraph()
                quoteDepth = max(0, quoteDepth + (isClosing ? -1 : 1))
            case "pre":
                paragraph()
                preDepth = max(0, preDepth + (isClosing ? -1 : 1))
            case "a":
                if isClosing {
                    if let href = pendingHref.popLast() ?? nil { text(" <\(href)>") }
                } else {
                    pendingHref.append(HTMLText.attribute("href", in: body))
                }
            default: break
            }
        }
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: name + "=", options: .caseInsensitive) else { return nil }
        var rest = tag[range.upperBound...]
        guard let quote = rest.first else { return nil }
        let value: Substring
        if quote == "\"" || quote == "'" {
            rest = rest.dropFirst()
            value = rest.prefix { $0 != quote }
        } else {
            value = rest.prefix { !$0.isWhitespace && $0 != ">" }
        }
        let decoded = plainTextEntities(String(value))
        return decoded.isEmpty || decoded.hasPrefix("javascript:") ? nil : decoded
    }

    /// Entities decoded, nothing else changed.
    static func plainTextEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let (decoded, end) = entity(in: text, at: index) {
                out += decoded
                index = end
            } else {
                out.append(text[index])
                index = text.index(after: index)
            }
        }
        return out
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "mdash": "—", "ndash": "–",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "reg": "®",
        "trade": "™", "laquo": "«", "raquo": "»", "middot": "·", "bull": "•", "euro": "€", "pound": "£",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "ouml": "ö", "uuml": "ü", "auml": "ä",
        "szlig": "ß", "ccedil": "ç", "ntilde": "ñ", "deg": "°", "times": "×", "shy": "\u{AD}",
    ]

    /// The entity at `index` (`&amp;`, `&#39;`, `&#x27;`) and where it ends.
    static func entity(in text: String, at index: String.Index) -> (String, String.Index)? {
        let rest = text[text.index(after: index)...].prefix(12)
        guard let semicolon = rest.firstIndex(of: ";") else { return numericWithoutSemicolon(rest) }
        let name = rest[..<semicolon]
        let end = text.index(after: semicolon)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return ("\u{FFFD}", end) }
            return (String(Character(scalar)), end)
        }
        guard let decoded = named[String(name)] ?? named[name.lowercased()] else { return nil }
        return (decoded, end)
    }

    /// `&#039s` (the semicolon left out, as browsers allow): the digits as a character.
    private static func numericWithoutSemicolon(_ rest: Substring) -> (String, String.Index)? {
        guard rest.first == "#" else { return nil }
        let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 7, let value = UInt32(digits), value != 0,
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return (String(Character(scalar)), digits.endIndex)
    }
}
