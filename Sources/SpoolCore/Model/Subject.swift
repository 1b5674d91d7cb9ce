/// Mail subject lines compared as people read them.
public enum Subject {
    /// Whether the subject marks a reply: `Re:` (or `AW:`, `SV:`, `VS:`), after any `[list]` tags.
    public static func isReply(_ subject: String) -> Bool {
        if let isReply = asciiPrefixes(subject, { isReply, _ in isReply }) { return isReply }
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
        if let rest = asciiPrefixes(subject, { _, rest in String(decoding: rest, as: UTF8.self).lowercased() }) {
            return rest
        }
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

    /// `answer` of both answers for an ASCII subject without a carriage return (nearly every
    /// one), read from its bytes in one pass with no lower-cased copy: whether it is a reply,
    /// and its bytes after the prefixes and tags (not lower-cased); nil for any other
    /// subject, which the `Character` reading above handles. Grouping an archive's threads
    /// by subject asks this of every thread root.
    private static func asciiPrefixes<Answer>(
        _ subject: String, _ answer: (_ isReply: Bool, _ rest: Slice<UnsafeBufferPointer<UInt8>>) -> Answer
    ) -> Answer? {
        var subject = subject
        return subject.withUTF8 { bytes -> Answer? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            var start = 0
            var isReply: Bool?
            while true {
                while start < bytes.count && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
                if start < bytes.count && bytes[start] == 0x5B,
                    let close = bytes[start...].firstIndex(of: 0x5D)
                {
                    start = close + 1
                    continue
                }
                // A prefix is a word of at most four letters before a colon.
                let window = bytes[start..<min(start + 5, bytes.count)]
                guard let colon = window.firstIndex(of: 0x3A) else { break }
                let word = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
                if isReply == nil { isReply = ["re", "aw", "sv", "vs"].contains(word) }
                guard ["re", "fwd", "fw", "aw", "sv", "vs"].contains(word) else { break }
                start = colon + 1
            }
            return answer(isReply ?? false, bytes[start...])
        }
    }
}
