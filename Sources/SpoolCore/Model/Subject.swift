/// Mail subject lines compared as people read them.
public enum Subject {
    /// Whether the subject marks a reply: `Re:` (or `AW:`, `SV:`, `VS:`), after any `[list]` tags.
    public static func isReply(_ subject: String) -> Bool {
        var text = Substring(subject.lowercased())
        while true {
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") {
                text = trimmed[trimmed.index(after: close)...]
                continue
            }
            guard let colon = trimmed.prefix(5).firstIndex(of: ":") else { return false }
            return ["re", "aw", "sv", "vs"].contains(String(trimmed[..<colon]))
        }
    }

    /// The subject without `Re:`/`Fwd:`/`AW:` prefixes and `[list]` tags, lower-cased.
    public static func normalised(_ subject: String) -> String {
        var text = Substring(subject.lowercased())
        while true {
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") {
                text = trimmed[trimmed.index(after: close)...]
            } else if let colon = trimmed.prefix(5).firstIndex(of: ":"),
                ["re", "fwd", "fw", "aw", "sv", "vs"].contains(String(trimmed[..<colon]))
            {
                text = trimmed[trimmed.index(after: colon)...]
            } else {
                return String(trimmed)
            }
        }
    }
}
