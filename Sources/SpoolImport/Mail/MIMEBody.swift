import Foundation
import SpoolCore

/// The readable text of a message body: MIME parts walked, transfer encodings and
/// charsets decoded, HTML-only text converted, attachments listed by name, type and size.
///
/// Parts are walked with an explicit stack (no recursion) and at most 50 levels deep.
enum MIMEBody {
    /// A Content-Type value split into its type and parameters.
    struct ContentType {
        var type: String
        var parameters: [String: String]

        init(_ raw: String?) {
            let pieces = MIMEBody.splitParameters(raw ?? "text/plain")
            type = pieces.first?.lowercased().trimmingWhitespace() ?? "text/plain"
            if !type.utf8.contains(UInt8(ascii: "/")) { type = "text/plain" }
            var raw: [(name: String, value: String)] = []
            for piece in pieces.dropFirst() {
                guard let equals = piece.firstIndex(of: "=") else { continue }
                let name = piece[..<equals].lowercased().trimmingWhitespace()
                var value = String(piece[piece.index(after: equals)...]).trimmingWhitespace()
                if value.count >= 2, value.first == "\"", value.last == "\"" {
                    value = String(value.dropFirst().dropLast())
                }
                raw.append((name, value))
            }
            parameters = RFC2231.parameters(raw)
        }
    }

    private struct Part {
        var headers: MailHeaders
        var body: ArraySlice<UInt8>
        var depth: Int
    }

    /// The text to show for a message with `headers` and `body`: its text parts, then a
    /// line naming each attachment.
    static func text(headers: MailHeaders, body: ArraySlice<UInt8>) -> String {
        var texts: [String] = []
        var attachments: [String] = []
        for leaf in leaves(headers: headers, body: body) {
            if leaf.isAttachment {
                let decoded = transferDecoded(leaf.part)
                attachments.append(
                    "[attachment: \(leaf.name ?? "unnamed"), \(leaf.type.type), \(sizeText(decoded.count))]")
            } else {
                texts.append(decodedText(leaf.part, type: leaf.type))
            }
        }
        let body = texts.map { $0.trimmingTrailingNewlines() }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        return ([body] + attachments).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// The attachments of a message with `headers` and `body`, decoded, in order.
    static func attachments(headers: MailHeaders, body: ArraySlice<UInt8>) -> [Attachment] {
        leaves(headers: headers, body: body).filter(\.isAttachment).map { leaf in
            let bytes = transferDecoded(leaf.part)
            let text = leaf.type.type.hasPrefix("text/") ? decodedText(leaf.part, type: leaf.type) : nil
            return Attachment(name: leaf.name, type: leaf.type.type, bytes: bytes, text: text)
        }
    }

    /// A part that is not a multipart: shown as text or listed as an attachment.
    private struct Leaf {
        var part: Part
        var type: ContentType
        var name: String?
        var isAttachment: Bool
    }

    /// The parts a reader sees, in order: multiparts opened (one alternative of a
    /// `multipart/alternative`), with an explicit stack and at most 50 levels deep.
    private static func leaves(headers: MailHeaders, body: ArraySlice<UInt8>) -> [Leaf] {
        var leaves: [Leaf] = []
        var stack = [Part(headers: headers, body: body, depth: 0)]
        while let part = stack.popLast() {
            let type = ContentType(part.headers["content-type"])
            if type.type.hasPrefix("multipart/"), part.depth < 50, let boundary = type.parameters["boundary"],
                !boundary.isEmpty
            {
                var children = split(part.body, boundary: boundary).map { bytes -> Part in
                    let (childHeaders, start) = MailHeaders.parse(bytes, contentOnly: true)
                    return Part(headers: childHeaders, body: bytes[start...], depth: part.depth + 1)
                }
                if type.type == "multipart/alternative", let chosen = preferredAlternative(children) {
                    children = [chosen]
                }
                stack.append(contentsOf: children.reversed())
                continue
            }
            let disposition = part.headers["content-disposition"]?.lowercased() ?? ""
            let name = filename(part.headers)
            let isText =
                type.type == "text/plain" || type.type == "text/html" || type.type == "text/x-patch"
                || type.type == "text/x-diff" || (type.type.hasPrefix("text/") && name == nil)
            leaves.append(
                Leaf(part: part, type: type, name: name, isAttachment: !isText || disposition.hasPrefix("attachment")))
        }
        return leaves
    }

    private static func preferredAlternative(_ parts: [Part]) -> Part? {
        parts.first { ContentType($0.headers["content-type"]).type == "text/plain" }
            ?? parts.first { ContentType($0.headers["content-type"]).type.hasPrefix("multipart/") }
            ?? parts.first { ContentType($0.headers["content-type"]).type == "text/html" }
            ?? parts.first
    }

    private static func decodedText(_ part: Part, type: ContentType) -> String {
        var bytes = transferDecoded(part)
        if bytes.contains(0x0D) { bytes = removingCarriageReturns(bytes) }
        var text = Charset.decode(bytes, charset: type.parameters["charset"])
        if type.type == "text/html" { text = HTMLText.plainText(text) }
        return text
    }

    /// CRLF line ends as LF (a CR not before LF stays).
    private static func removingCarriageReturns(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated()
        where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            out.append(byte)
        }
        return out
    }

    private static func transferDecoded(_ part: Part) -> [UInt8] {
        switch part.headers["content-transfer-encoding"]?.lowercased().trimmingWhitespace() {
        case "quoted-printable": return QuotedPrintable.decode(Array(part.body))
        case "base64":
            let text = String(decoding: part.body, as: UTF8.self)
            if let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) { return [UInt8](data) }
            return Array(part.body)
        default: return Array(part.body)
        }
    }

    private static func filename(_ headers: MailHeaders) -> String? {
        let candidates = [
            ContentType(headers["content-disposition"].map { "x/x; " + $0 }).parameters["filename"],
            ContentType(headers["content-type"]).parameters["name"],
        ]
        return candidates.compactMap { $0 }.first.map { EncodedWords.decode($0) }
    }

    private static func sizeText(_ bytes: Int) -> String {
        bytes < 1024
            ? "\(bytes) bytes"
            : bytes < 1_048_576 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    /// The parts between `--boundary` lines (preamble and epilogue dropped).
    static func split(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let marker = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var index = body.startIndex
        while index < body.endIndex {
            var end = index
            while end < body.endIndex && body[end] != 0x0A { end += 1 }
            let line = body[index..<end]
            if line.starts(with: marker) {
                var contentEnd = index
                if contentEnd > body.startIndex && body[contentEnd - 1] == 0x0A { contentEnd -= 1 }
                if contentEnd > body.startIndex && body[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if let start = partStart, start <= contentEnd { parts.append(body[start..<contentEnd]) }
                let rest = line.dropFirst(marker.count)
                if rest.starts(with: [0x2D, 0x2D]) { return parts }
                partStart = min(end + 1, body.endIndex)
            }
            index = end + 1
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }

    /// `a; b="x;y"; c` split at semicolons outside quotes.
    static func splitParameters(_ value: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        for character in value {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }
}

extension String {
    /// The text without the line breaks before it and the line breaks and spaces after it.
    /// One pass over the ends (a body of a million newlines is trimmed in linear time;
    /// removing them one by one from the front copied the rest each time).
    func trimmingTrailingNewlines() -> String {
        let isLineEnd: (Character) -> Bool = { $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isLineEnd($0) }),
            let last = lastIndex(where: { !isLineEnd($0) && $0 != " " }), first <= last
        else { return "" }
        return String(self[first...last])
    }
}
