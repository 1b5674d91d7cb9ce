import SpoolCore

/// Picks the importer from a file's content, never from its name.
enum FormatSniffer {
    /// The content after leading white space and a byte-order mark.
    private static func start(of bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
    }

    /// Whether the content is JSON (an object or an array), whose shape then decides.
    static func isJSON(_ bytes: [UInt8]) -> Bool {
        let start = start(of: bytes)
        return start.first == UInt8(ascii: "{") || start.first == UInt8(ascii: "[")
    }

    /// The format of content that is not JSON: a mailbox or message, else web text.
    static func textFormat(_ bytes: [UInt8]) -> Format {
        let start = start(of: bytes)
        return startsWithSeparator(start) || looksLikeMessageHeaders(start) ? .mbox : .web
    }

    /// Whether `bytes`, a file's first bytes (`isWhole`: all of it), are web text whatever
    /// follows them: no export is named, and what follows leading white space is neither
    /// markup, JSON, a `From ` line nor a header field, decided within these bytes.
    static func startsAsWebText(_ bytes: [UInt8], isWhole: Bool) -> Bool {
        let start = start(of: bytes)
        guard let first = start.first, isWhole || start.count >= 80,
            first != UInt8(ascii: "<"), first != UInt8(ascii: "{"), first != UInt8(ascii: "["),
            !start.starts(with: MboxQuoting.fromPrefix), !MailHeaders.looksLikeHeaderLine(start)
        else { return false }
        return !DisqusImporter.matches(bytes) && !WordPressImporter.matches(bytes)
    }

    /// A `From ` line followed by a header field, as the mbox scanner requires of every
    /// separator: a web page whose first words are "From the archives" is not a mailbox.
    private static func startsWithSeparator(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.starts(with: MboxQuoting.fromPrefix), let end = bytes.firstIndex(of: 0x0A) else { return false }
        return MailHeaders.looksLikeHeaderLine(bytes[(end + 1)...])
    }

    /// Which JSON importer fits, from the shape of the parsed value.
    static func jsonFormat(_ json: Any) -> Format? {
        if ExportJSONImporter.matches(json) { return nil }
        if LobstersImporter.matches(json) { return .lobsters }
        if DiscourseImporter.matches(json) { return .discourse }
        if MastodonImporter.matches(json) { return .mastodon }
        if GitHubImporter.matches(json) { return .github }
        if BlueskyImporter.matches(json) { return .bluesky }
        if DiscordImporter.matches(json) { return .discord }
        if StackExchangeImporter.matches(json) { return .stackexchange }
        if let list = json as? [[String: Any]] {
            if list.first.map({ JSONFields.string($0, "kind") == "Listing" }) == true { return .reddit }
            if list.contains(where: {
                $0["kids"] != nil || $0["parent"] != nil || $0["by"] != nil
                    || ($0["author"] != nil && $0["text"] != nil)
            }) {
                return .hn
            }
        }
        if let object = json as? [String: Any], object["children"] != nil || object["comments"] != nil { return .hn }
        return nil
    }

    /// Two or more header fields at the top, among them a mail or news one, and then an
    /// empty line: a single message or news article.
    private static func looksLikeMessageHeaders(_ bytes: ArraySlice<UInt8>) -> Bool {
        let known: Set<String> = [
            "from", "date", "subject", "message-id", "path", "newsgroups", "received", "return-path", "to",
            "mime-version",
        ]
        var index = bytes.startIndex
        var fields = 0
        var knownFields = 0
        while index < bytes.endIndex, fields < 200 {
            let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = bytes[index..<end]
            if line.isEmpty || line == [0x0D] { return fields >= 2 && knownFields >= 1 }
            if line.first == 0x20 || line.first == 0x09 {
                guard fields > 0 else { return false }
            } else if MailHeaders.looksLikeHeaderLine(line), let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                fields += 1
                if known.contains(String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()) {
                    knownFields += 1
                }
            } else {
                return false
            }
            index = end + 1
        }
        return false
    }
}
