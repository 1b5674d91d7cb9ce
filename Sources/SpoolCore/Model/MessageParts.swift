/// A header field of a message as its source has it: the name as written, the value
/// unfolded and decoded (RFC 2047 encoded words).
public struct HeaderField: Equatable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A file attached to a message: its name, MIME type and decoded bytes.
public struct Attachment: Equatable, Sendable {
    /// The file name the message gives, if any.
    public var name: String?
    /// The MIME type, lower-case (`application/pdf`).
    public var type: String
    /// The bytes, transfer encoding (base64, quoted-printable) undone.
    public var bytes: [UInt8]
    /// The text of a `text/*` attachment in its charset; nil for other types.
    public var text: String?

    public init(name: String?, type: String, bytes: [UInt8], text: String? = nil) {
        self.name = name
        self.type = type
        self.bytes = bytes
        self.text = text
    }

    /// A name to save it under: the message's file name without any folder part, else
    /// `attachment-N` with an extension for common types.
    public func suggestedFileName(number: Int) -> String {
        if let name, let last = name.split(separator: "/").last.map(String.init), !last.isEmpty, last != ".",
            last != ".."
        {
            return last
        }
        let extensions = [
            "text/plain": ".txt", "text/html": ".html", "application/pdf": ".pdf", "image/png": ".png",
            "image/jpeg": ".jpg", "image/gif": ".gif", "application/zip": ".zip", "text/x-patch": ".patch",
            "text/x-diff": ".diff",
        ]
        return "attachment-\(number)" + (extensions[type] ?? "")
    }
}
