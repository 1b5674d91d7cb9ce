/// The name to show for a `From:` value: the display name, else the address.
///
/// Understands `"Name" <addr>`, `Name <addr>`, `addr (Name)`, a bare `addr`, and the
/// pipermail obfuscation `user at host (Name)`, after RFC 2047 decoding.
enum MailAddress {
    static func displayName(_ raw: String) -> String {
        String(name(in: EncodedWords.decode(raw)))
    }

    /// The name of a `From:` value read from its bytes, for one of printable ASCII and tabs
    /// without an encoded word (where a byte is a character, so the name is the one
    /// ``displayName(_:)`` reads from its text); nil for any other value.
    static func displayName(plainBytes raw: UnsafeRawBufferPointer) -> String? {
        guard MailHeaderBytes.isPlainText(raw) else { return nil }
        return String(decoding: name(in: raw), as: UTF8.self)
    }

    /// The display name in `value`, read character by character (or byte by byte).
    private static func name<Text: BidirectionalCollection>(in text: Text) -> [Text.Element]
    where Text.Element: AddressCharacter {
        let value = trimmed(text[...])
        if let open = value.lastIndex(of: .lessThan), value.last == .greaterThan {
            let name = unquote(trimmed(value[..<open]))
            let address = value[value.index(after: open)..<value.index(before: value.endIndex)]
            return name.isEmpty ? Array(address) : name
        }
        if let open = value.firstIndex(of: .openParenthesis), value.last == .closeParenthesis {
            let name = trimmed(value[value.index(after: open)..<value.index(before: value.endIndex)])
            if !name.isEmpty { return unquote(name) }
            return Array(trimmed(value[..<open]))
        }
        return unquote(value)
    }

    /// `text` without white space at either end.
    private static func trimmed<Text: BidirectionalCollection>(_ text: Text) -> Text.SubSequence
    where Text.Element: AddressCharacter {
        guard let first = text.firstIndex(where: { !$0.isSpace }) else { return text[text.endIndex...] }
        let last = text.lastIndex(where: { !$0.isSpace })!
        return text[first...last]
    }

    /// A quoted name without its quotes and with `\"` read as `"`.
    private static func unquote<Text: BidirectionalCollection>(_ text: Text) -> [Text.Element]
    where Text.Element: AddressCharacter {
        guard text.count >= 2, text.first == .quote, text.last == .quote else { return Array(text) }
        var inner: [Text.Element] = []
        var index = text.index(after: text.startIndex)
        let end = text.index(before: text.endIndex)
        while index < end {
            let next = text.index(after: index)
            if text[index] == .backslash, next < end, text[next] == .quote {
                inner.append(.quote)
                index = text.index(after: next)
            } else {
                inner.append(text[index])
                index = next
            }
        }
        return Array(trimmed(inner))
    }

    /// The bare address of a `From:` value (`user@host`), if it names one; never with white
    /// space in it, so it can stand in an mbox `From ` line.
    static func address(_ raw: String) -> String? {
        let value = raw.trimmingWhitespace()
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            let inner = value[value.index(after: open)..<close]
            return inner.isEmpty || inner.contains(where: \.isWhitespace) ? nil : String(inner)
        }
        return value.split(whereSeparator: \.isWhitespace).first { $0.contains("@") }.map(String.init)
    }

}

/// What a `From:` value is read in: its characters, or the bytes of a printable ASCII value.
protocol AddressCharacter: Equatable {
    static var lessThan: Self { get }
    static var greaterThan: Self { get }
    static var openParenthesis: Self { get }
    static var closeParenthesis: Self { get }
    static var quote: Self { get }
    static var backslash: Self { get }
    /// A space, tab or line end.
    var isSpace: Bool { get }
}

extension Character: AddressCharacter {
    static let lessThan: Character = "<"
    static let greaterThan: Character = ">"
    static let openParenthesis: Character = "("
    static let closeParenthesis: Character = ")"
    static let quote: Character = "\""
    static let backslash: Character = "\\"
    var isSpace: Bool { self == " " || self == "\t" || self == "\r" || self == "\n" || self == "\r\n" }
}

extension UInt8: AddressCharacter {
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let openParenthesis = UInt8(ascii: "(")
    static let closeParenthesis = UInt8(ascii: ")")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    var isSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0D || self == 0x0A }
}

/// Message-IDs in `References:` and `In-Reply-To:` values.
enum MessageIDs {
    /// Every `<…>` token, in order; a value without angle brackets counts as one id.
    static func all(in value: String?) -> [String] {
        guard let value, !value.isEmpty else { return [] }
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[open...close]
            if id.count > 2 && !id.contains(" ") { ids.append(String(id)) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty {
            let bare = value.trimmingWhitespace()
            if !bare.isEmpty, !bare.contains(" "), bare.contains("@") { ids.append("<\(bare)>") }
        }
        return ids
    }
}
