import CLibXML2

/// HTML turned into readable plain text, for HTML-only mail and the HTML bodies of Hacker
/// News, Discourse, Mastodon, Lobsters, Stack Exchange, Disqus and WordPress.
///
/// libxml2's HTML parser reads the markup as browsers do (every HTML 4 entity, attributes
/// quoted or not, comments, unclosed tags); ``HTMLRenderer`` turns what it finds into lines.
/// Text with no `<` and no `&` skips the parser.
public enum HTMLText {
    public static func plainText(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var renderer = HTMLRenderer()
            if bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) {
                HTMLEvents.parse(bytes, into: &renderer)
            } else {
                renderer.text(bytes)
            }
            return renderer.result
        }
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
        // The names HTML 4 defines (and `apos`), from libxml2's table, as the parser knows them.
        let key = Array(name) + [0]
        let lowercased = key.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }
        guard let entity = htmlEntityLookup(key) ?? htmlEntityLookup(lowercased),
            let scalar = Unicode.Scalar(entity.pointee.value)
        else { return nil }
        return (String(Character(scalar)), end)
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
