/// The header fields of one message, unfolded, names lower-cased, in order.
struct MailHeaders {
    private(set) var fields: [(name: String, value: String)] = []

    /// Parses the header block in `bytes` (up to the first empty line) and returns the
    /// headers and the offset where the body starts. With `contentOnly`, only the
    /// `Content-*` fields are kept (all that decoding a body needs; a list message's
    /// dozen `Received:` lines are skipped without making strings of them).
    static func parse(_ bytes: ArraySlice<UInt8>, contentOnly: Bool = false) -> (MailHeaders, Int) {
        var headers = MailHeaders()
        var index = bytes.startIndex
        var current: (name: String, value: [UInt8])?
        var skipping = false
        var sawField = false
        func finish() {
            if let field = current {
                let raw = Charset.bestEffort(field.value)
                headers.fields.append((field.name, raw.trimmingWhitespace()))
            }
            current = nil
        }
        while index < bytes.endIndex {
            var end = index
            while end < bytes.endIndex && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > index && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let next = min(end + 1, bytes.endIndex)
            if lineEnd == index {
                finish()
                return (headers, next)
            }
            let first = bytes[index]
            if first == 0x20 || first == 0x09 {
                if skipping {
                    index = next
                    continue
                }
                current?.value.append(0x20)
                current?.value.append(contentsOf: bytes[index..<lineEnd].drop { $0 == 0x20 || $0 == 0x09 })
            } else if let colon = bytes[index..<lineEnd].firstIndex(of: UInt8(ascii: ":")), colon > index {
                finish()
                sawField = true
                if contentOnly && !Self.isContentField(bytes[index..<colon]) {
                    skipping = true
                    index = next
                    continue
                }
                skipping = false
                let name = String(decoding: bytes[index..<colon], as: UTF8.self).lowercased().trimmingWhitespace()
                current = (name, Array(bytes[(colon + 1)..<lineEnd]))
            } else if current == nil && headers.fields.isEmpty && !sawField {
                // Not a header at all: the message has no header block.
                return (headers, index)
            }
            index = next
        }
        finish()
        return (headers, bytes.endIndex)
    }

    /// Whether a field name starts with `Content-` (any case).
    private static func isContentField(_ name: ArraySlice<UInt8>) -> Bool {
        let prefix = Array("content-".utf8)
        guard name.count >= prefix.count else { return false }
        return zip(name.prefix(prefix.count), prefix).allSatisfy { $0 | 0x20 == $1 }
    }

    /// The first value of `name` (lower-case).
    subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Whether `bytes` starts with something that looks like a header field (`Name: …`).
    static func looksLikeHeaderLine<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var count = 0
        for byte in bytes.prefix(80) {
            if byte == UInt8(ascii: ":") { return count > 0 }
            guard byte > 0x20 && byte < 0x7F else { return false }
            count += 1
        }
        return false
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, line ends).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
