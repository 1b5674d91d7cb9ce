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
            let indent = String(repeating: "  ", count: 2 * depth)
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
                let closeIndent = String(repeating: "  ", count: 2 * closing)
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
        out += "\(indent)  \"body\": \(JSONText.string(comment.body)),\n"
        if comment.isPlaceholder { out += "\(indent)  \"placeholder\": true,\n" }
        return out
    }
}

/// JSON string literals per RFC 8259: quotes, backslashes and all controls escaped.
enum JSONText {
    static func value(_ text: String?) -> String { text.map(string) ?? "null" }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
