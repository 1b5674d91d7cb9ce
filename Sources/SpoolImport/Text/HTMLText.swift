import Foundation
import SpoolCore

/// HTML turned into readable plain text, for HTML-only mail and HN/Reddit comments.
///
/// Tags are removed; paragraphs, list items, headings and `<br>` become line breaks,
/// `<a href>` keeps its address (`text <url>`), `<blockquote>` lines get `> `, `<pre>`
/// keeps its lines, `<script>` and `<style>` are dropped, and entities are decoded.
/// Works on UTF-8 bytes in one pass: text runs between tags are copied whole, and only
/// white space and markup are looked at byte by byte.
public enum HTMLText {
    public static func plainText(_ html: String) -> String {
        var html = html
        return html.withUTF8(plainText(bytes:))
    }

    private static func plainText(bytes: UnsafeBufferPointer<UInt8>) -> String {
        var renderer = Renderer()
        var index = 0
        var runStart = 0
        // Once a `<` has no `>` after it, no later one has either: remembering that keeps
        // text full of `<` (a b < c …) linear instead of quadratic.
        var noCloseFrom = Int.max
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") && index < noCloseFrom {
                guard let close = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: index + 1) else {
                    noCloseFrom = index
                    index += 1
                    continue
                }
                renderer.text(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                renderer.tag(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]))
                index = close + 1
                runStart = index
            } else if byte == UInt8(ascii: "&"), let (decoded, end) = entity(in: bytes, at: index) {
                renderer.text(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                renderer.text(decoded)
                index = end
                runStart = index
            } else {
                index += 1
            }
        }
        renderer.text(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        return renderer.result
    }

    private static func firstIndex(of target: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(target), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Lines of text as they are written: white space folded outside `<pre>`, quote marks
    /// opening each line inside `<blockquote>`.
    private struct Renderer {
        /// Finished lines, then the one being written.
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        /// Whether `current` holds text beyond the quote marks this wrote (a `>` of the text's
        /// own counts: `&gt; quoted` keeps its space).
        var currentHasText = false
        var quoteDepth = 0
        var preDepth = 0
        var skipping = 0
        var pendingHref: [String?] = []
        var lastWasSpace = true

        var result: String {
            var out: [UInt8] = []
            var lastWasBlank = true
            var blankPending = false
            for line in lines + [current] {
                var end = line.count
                while end > 0 && line[end - 1] == UInt8(ascii: " ") { end -= 1 }
                if !line[..<end].contains(where: { $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: " ") }) {
                    if !lastWasBlank { blankPending = true }
                    lastWasBlank = true
                } else {
                    if blankPending { out.append(UInt8(ascii: "\n")) }
                    if !out.isEmpty { out.append(UInt8(ascii: "\n")) }
                    out.append(contentsOf: line[..<end])
                    blankPending = false
                    lastWasBlank = false
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        mutating func text(_ text: String) {
            var text = text
            text.withUTF8 { self.text($0) }
        }

        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard skipping == 0 else { return }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if preDepth > 0 {
                    if byte == UInt8(ascii: "\n") {
                        newLine()
                    } else if byte != UInt8(ascii: "\r") {
                        append(byte)
                    }
                    index += 1
                    continue
                }
                // Printable ASCII and the bytes of other characters go on the line as a run.
                var runEnd = index
                while runEnd < bytes.count && HTMLText.isPlainRunByte(bytes[runEnd]) { runEnd += 1 }
                if runEnd > index {
                    append(run: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
                    lastWasSpace = false
                    index = runEnd
                    continue
                }
                // Source white space folds; a no-break space (from &nbsp;) is kept.
                let spaceLength = UnicodeWhiteSpace.length(bytes, at: index, noBreakSpace: false)
                if spaceLength > 0 {
                    if !lastWasSpace {
                        append(UInt8(ascii: " "))
                        lastWasSpace = true
                    }
                    index += spaceLength
                } else {
                    append(byte)
                    lastWasSpace = false
                    index += 1
                }
            }
        }

        /// Bytes with no space among them, as `append` would add them one by one.
        private mutating func append(run: UnsafeBufferPointer<UInt8>) {
            if current.isEmpty && quoteDepth > 0 {
                for _ in 0..<quoteDepth { current.append(contentsOf: [UInt8(ascii: ">"), UInt8(ascii: " ")]) }
            }
            current.append(contentsOf: run)
            currentHasText = true
        }

        private mutating func append(_ byte: UInt8) {
            if current.isEmpty && quoteDepth > 0 {
                for _ in 0..<quoteDepth { current.append(contentsOf: [UInt8(ascii: ">"), UInt8(ascii: " ")]) }
            }
            if preDepth == 0 && byte == UInt8(ascii: " ") && !currentHasText { return }
            current.append(byte)
            if byte != UInt8(ascii: " ") { currentHasText = true }
        }

        private mutating func newLine() {
            lines.append(current)
            current = []
            currentHasText = false
            lastWasSpace = true
        }

        private mutating func paragraph() {
            if !current.isEmpty { newLine() }
            if let previous = lines.last, !previous.isEmpty { newLine() }
        }

        mutating func tag(_ raw: UnsafeBufferPointer<UInt8>) {
            let isClosing = raw.first == UInt8(ascii: "/")
            let body = UnsafeBufferPointer(rebasing: raw[(isClosing ? 1 : 0)...])
            let nameEnd = body.firstIndex { !(HTMLText.isASCIIAlphanumeric($0)) } ?? body.count
            // A name that goes on in letters outside ASCII is no tag this knows.
            if nameEnd < body.count && body[nameEnd] >= 0x80 { return }
            let name = String(decoding: body[..<nameEnd], as: UTF8.self).lowercased()
            switch name {
            case "script", "style", "head", "title": skipping += isClosing ? (skipping > 0 ? -1 : 0) : 1
            case "br": newLine()
            case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr": paragraph()
            case "tr", "li", "dt", "dd":
                if !current.isEmpty { newLine() }
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

    /// A byte that is never white space nor the start of it: printable ASCII but the space,
    /// and any byte of a character outside ASCII but the first bytes white space can start with.
    private static func isPlainRunByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte != 0x7F && !UnicodeWhiteSpace.canStart(byte)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The value of attribute `name` in a tag's text, entities decoded; `javascript:` is no address.
    private static func attribute(_ name: String, in tag: UnsafeBufferPointer<UInt8>) -> String? {
        let key = Array((name + "=").utf8)
        guard key.count <= tag.count,
            let start = (0...(tag.count - key.count)).first(where: { offset in
                key.indices.allSatisfy { tag[offset + $0] | 0x20 == key[$0] | 0x20 }
            })
        else { return nil }
        var rest = tag[(start + key.count)...]
        guard let quote = rest.first else { return nil }
        let value: Slice<UnsafeBufferPointer<UInt8>>
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            rest = rest.dropFirst()
            value = rest.prefix { $0 != quote }
        } else {
            value = rest.prefix { $0 != UInt8(ascii: " ") && !(0x09...0x0D).contains($0) && $0 != UInt8(ascii: ">") }
        }
        let decoded = plainTextEntities(String(decoding: value, as: UTF8.self))
        return decoded.isEmpty || decoded.hasPrefix("javascript:") ? nil : decoded
    }

    /// Entities decoded, nothing else changed.
    static func plainTextEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&"), let (decoded, end) = entity(in: bytes, at: index) {
                    out.append(contentsOf: decoded.utf8)
                    index = end
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "mdash": "—", "ndash": "–",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "reg": "®",
        "trade": "™", "laquo": "«", "raquo": "»", "middot": "·", "bull": "•", "euro": "€", "pound": "£",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "ouml": "ö", "uuml": "ü", "auml": "ä",
        "szlig": "ß", "ccedil": "ç", "ntilde": "ñ", "deg": "°", "times": "×", "shy": "\u{AD}",
    ]

    /// The entity at `index` (`&amp;`, `&#39;`, `&#x27;`, `&#039` without its `;`) and the
    /// index after it. A numeric entity that names no character reads U+FFFD.
    private static func entity(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (String, Int)? {
        let restEnd = min(bytes.count, index + 13)
        let rest = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<restEnd])
        guard let semicolon = rest.firstIndex(of: UInt8(ascii: ";")) else {
            return numericWithoutSemicolon(rest).map { ($0.0, index + 1 + $0.1) }
        }
        let name = rest[..<semicolon]
        let end = index + 1 + semicolon + 1
        if name.first == UInt8(ascii: "#") {
            let digits = name.dropFirst()
            let isHex = digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X")
            // Not a number up to the `;` (`&#039 &#x27;`): the digits that are there, as if
            // the `;` were left out.
            guard let value = number(isHex ? digits.dropFirst() : digits, radix: isHex ? 16 : 10) else {
                return numericWithoutSemicolon(rest).map { ($0.0, index + 1 + $0.1) }
            }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", end) }
            return (String(Character(scalar)), end)
        }
        let key = String(decoding: name, as: UTF8.self)
        guard let decoded = named[key] ?? named[key.lowercased()] else { return nil }
        return (decoded, end)
    }

    /// `&#039s` (the semicolon left out, as browsers allow): the digits as a character, and
    /// how many bytes after the `&` it took.
    private static func numericWithoutSemicolon(_ rest: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
        guard rest.first == UInt8(ascii: "#") else { return nil }
        let digits = rest.dropFirst().prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard !digits.isEmpty, digits.count <= 7, let value = number(digits, radix: 10), value != 0,
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return (String(Character(scalar)), 1 + digits.count)
    }

    /// Digits in `radix` (10 or 16) as a number, `UInt32.max` when it does not fit 32 bits
    /// (no character), or nil when they are not all digits.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: UInt32) -> UInt32? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = min(value * UInt64(radix) + UInt64(digit), UInt64(UInt32.max))
        }
        return UInt32(value)
    }
}
