/// The name to show for a `From:` value: the display name, else the address.
///
/// Understands `"Name" <addr>`, `Name <addr>`, `addr (Name)`, a bare `addr`, and the
/// pipermail obfuscation `user at host (Name)`, after RFC 2047 decoding.
enum MailAddress {
    static func displayName(_ raw: String) -> String {
        let value = EncodedWords.decode(raw).trimmingWhitespace()
        if let open = value.lastIndex(of: "<"), value.hasSuffix(">") {
            let name = unquote(String(value[..<open]).trimmingWhitespace())
            let address = String(value[value.index(after: open)..<value.index(before: value.endIndex)])
            return name.isEmpty ? address : name
        }
        if let open = value.firstIndex(of: "("), value.hasSuffix(")") {
            let name = String(value[value.index(after: open)..<value.index(before: value.endIndex)])
                .trimmingWhitespace()
            if !name.isEmpty { return unquote(name) }
            return String(value[..<open]).trimmingWhitespace()
        }
        return unquote(value)
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

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
        return String(text.dropFirst().dropLast()).replacing("\\\"", with: "\"").trimmingWhitespace()
    }
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
