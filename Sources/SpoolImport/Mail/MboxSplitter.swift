/// Finds the messages of an mbox file: each starts at a `From ` line whose next line is a
/// header field, which tells separators from body lines that happen to start with "From ".
enum MboxSplitter {
    struct Message {
        /// 1-based line number of the separator (or of the first header line).
        let line: Int
        /// The separator line, for its date when a message has no Date header.
        let separator: String?
        let bytes: ArraySlice<UInt8>
    }

    static let fromPrefix: [UInt8] = Array("From ".utf8)

    static func messages(in bytes: [UInt8]) -> [Message] {
        var starts: [(offset: Int, bodyStart: Int, line: Int, separator: String?)] = []
        var offset = 0
        var line = 1
        if !bytes.starts(with: fromPrefix) {
            starts.append((0, 0, 1, nil))
        }
        while offset < bytes.count {
            let end = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
            if bytes[offset..<end].starts(with: fromPrefix), end + 1 < bytes.count,
                MailHeaders.looksLikeHeaderLine(bytes[(end + 1)...])
            {
                let separator = String(decoding: bytes[offset..<end], as: UTF8.self)
                starts.append((offset, end + 1, line, separator))
            }
            offset = end + 1
            line += 1
        }
        var messages: [Message] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].offset : bytes.count
            guard start.bodyStart <= end else { continue }
            messages.append(Message(line: start.line, separator: start.separator, bytes: bytes[start.bodyStart..<end]))
        }
        return messages
    }

    /// Whether some line starts with `>From ` (after any number of `>`): a plain byte scan.
    private static func containsEscapedFrom(_ body: ArraySlice<UInt8>) -> Bool {
        var index = body.startIndex
        while let found = body[index...].firstIndex(of: UInt8(ascii: ">")) {
            let atLineStart = found == body.startIndex || body[found - 1] == 0x0A
            if atLineStart {
                let rest = body[found...].drop { $0 == UInt8(ascii: ">") }
                if rest.starts(with: fromPrefix) { return true }
            }
            index = found + 1
        }
        return false
    }

    /// Undoes mboxo/mboxrd quoting: a line `>From ` (any number of `>`) loses one `>`.
    static func unescape(_ body: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard containsEscapedFrom(body) else { return body }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let end = body[index...].firstIndex(of: 0x0A).map { $0 + 1 } ?? body.endIndex
            let line = body[index..<end]
            let quotes = line.prefix { $0 == UInt8(ascii: ">") }.count
            if quotes > 0 && line.dropFirst(quotes).starts(with: fromPrefix) {
                out.append(contentsOf: line.dropFirst())
            } else {
                out.append(contentsOf: line)
            }
            index = end
        }
        return out[...]
    }
}
