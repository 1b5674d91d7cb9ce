import SpoolCore

extension Discussion {
    /// The export JSON of DESIGN.md: `{"title", "article", "format", "comments": [{"id",
    /// "key", "author", "date", "body", "replies": […]}]}`, pretty-printed.
    ///
    /// Written iteratively with an explicit stack, so a reply chain of any depth exports
    /// without touching the call stack.
    public func exportJSON() -> String {
        let tree = ThreadTree(self)
        var out = "{\n"
        out += "  \"title\": \(JSONText.value(title)),\n"
        out += "  \"article\": \(JSONText.value(article)),\n"
        out += "  \"format\": \(JSONText.string(format.rawValue)),\n"
        out += "  \"comments\": ["
        var node = 1
        while node < tree.count {
            let depth = tree.depth[node]
            let indent = JSONText.indent(depth)
            out += tree.previousSibling[node] >= 0 ? ",\n" : "\n"
            out += commentFields(comments[tree.commentIndex[node]], indent: indent)
            if tree.hasChildren(node) {
                out += "\(indent)  \"replies\": ["
            } else {
                out += "\(indent)  \"replies\": []\n\(indent)}"
            }
            let next = node + 1
            let nextDepth = next < tree.count ? tree.depth[next] : 1
            var closing = depth
            while closing > nextDepth {
                closing -= 1
                let closeIndent = JSONText.indent(closing)
                out += "\n\(closeIndent)  ]\n\(closeIndent)}"
            }
            node = next
        }
        out += tree.count > 1 ? "\n  ]\n}\n" : "]\n}\n"
        return out
    }

    private func commentFields(_ comment: Comment, indent: String) -> String {
        var out = "\(indent){\n"
        out += "\(indent)  \"id\": \(JSONText.string(comment.id)),\n"
        out += "\(indent)  \"key\": \(JSONText.string(comment.key.rawValue)),\n"
        out += "\(indent)  \"author\": \(JSONText.string(comment.author)),\n"
        out += "\(indent)  \"date\": \(JSONText.value(comment.date?.iso8601)),\n"
        if let subject = comment.subject { out += "\(indent)  \"subject\": \(JSONText.string(subject)),\n" }
        out += "\(indent)  \"body\": \(JSONText.string(comment.body.text)),\n"
        if comment.isPlaceholder { out += "\(indent)  \"placeholder\": true,\n" }
        if let score = comment.score { out += "\(indent)  \"score\": \(score),\n" }
        return out
    }
}

/// JSON string literals per RFC 8259: quotes, backslashes and all controls escaped.
enum JSONText {
    /// Indentation for a nesting level, capped at 16 levels so a reply chain 100,000 deep
    /// exports in linear, not quadratic, size (the JSON stays valid).
    static func indent(_ depth: Int) -> String { String(repeating: "  ", count: 2 * min(depth, 16)) }

    static func value(_ text: String?) -> String { text.map(string) ?? "null" }

    static func string(_ text: String) -> String {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 2)
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20, 0x7F: out += escaped(UInt32(byte))
            case 0xC2:
                // U+0080-U+009F (C1 controls) are escaped too, so no output carries them raw.
                guard let next = utf8.next() else { break }
                if (0x80...0x9F).contains(next) { out += escaped(UInt32(next)) } else { out += [byte, next] }
            case 0xE2:
                // U+2028 and U+2029 break JavaScript parsers that read JSON as code; the
                // bidirectional overrides (U+202A-U+202E) and isolates (U+2066-U+2069) could
                // reorder a terminal's line: all are escaped.
                guard let second = utf8.next() else { break }
                guard let third = utf8.next() else {
                    out += [byte, second]
                    break
                }
                if second == 0x80 && (0xA8...0xAE).contains(third) {
                    out += escaped(0x2000 + UInt32(third) - 0x80)
                } else if second == 0x81 && (0xA6...0xA9).contains(third) {
                    out += escaped(0x2040 + UInt32(third) - 0x80)
                } else {
                    out += [byte, second, third]
                }
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    private static func escaped(_ value: UInt32) -> [UInt8] {
        let hex = String(value, radix: 16)
        return Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
    }
}
