import SpoolCore

/// Imports a DiscordChatExporter JSON file (`--from discord`): a channel's messages in
/// order, a reply under the message its `reference` names (top-level when that message is
/// not in the file); joins, calls, pins and other system messages read as such.
public struct DiscordImporter: Sendable {
    public init() {}

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(json: JSONFields.parse(bytes, file: file), file: file)
    }

    /// Whether `json` is a DiscordChatExporter file.
    static func matches(_ json: Any) -> Bool {
        guard let object = json as? [String: Any] else { return false }
        return object["messages"] is [[String: Any]] && object["channel"] is [String: Any]
    }

    func parse(json: Any, file: String) throws -> Discussion {
        guard DiscordImporter.matches(json), let object = json as? [String: Any],
            let messages = object["messages"] as? [[String: Any]]
        else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed(
                    "is JSON but not a DiscordChatExporter file: expected `channel` and `messages`, as its JSON export gives."
                ))
        }
        let records = messages.map { message -> FlatRecord in
            let reference = message["reference"] as? [String: Any]
            let author = message["author"] as? [String: Any] ?? [:]
            let name = JSONFields.string(author, "nickname") ?? JSONFields.string(author, "name") ?? "(unknown)"
            return FlatRecord(
                id: JSONFields.string(message, "id") ?? "?",
                parentID: reference.flatMap { JSONFields.string($0, "messageId") }, author: name,
                date: JSONFields.isoDate(JSONFields.string(message, "timestamp")), body: text(of: message))
        }
        let guild = (object["guild"] as? [String: Any]).flatMap { JSONFields.string($0, "name") }
        let channel = object["channel"] as? [String: Any] ?? [:]
        let channelName = JSONFields.string(channel, "name") ?? "channel"
        var notices: [String] = []
        if let stated = JSONFields.int(object, "messageCount"), stated != messages.count {
            notices.append("The export says \(stated) messages; \(messages.count) are in this file.")
        }
        return Discussion(
            title: [guild, "#" + channelName].compactMap { $0 }.joined(separator: " · "),
            sourceID: JSONFields.string(channel, "id"), article: JSONFields.string(channel, "topic"), format: .discord,
            comments: FlatRecords.comments(records, keyPrefix: "discord:"), notices: notices)
    }

    /// The message's words, a system message's kind, then its attachments and embeds by address.
    private func text(of message: [String: Any]) -> String {
        var parts: [String] = []
        let type = JSONFields.string(message, "type") ?? "Default"
        if type != "Default" && type != "Reply" { parts.append("(\(DiscordImporter.describe(type)))") }
        if let content = JSONFields.string(message, "content"), !content.isEmpty { parts.append(content) }
        for attachment in message["attachments"] as? [[String: Any]] ?? [] {
            parts.append(
                "[attachment: \(JSONFields.string(attachment, "fileName") ?? JSONFields.string(attachment, "url") ?? "")]"
            )
        }
        for embed in message["embeds"] as? [[String: Any]] ?? [] {
            let title = JSONFields.string(embed, "title").map { $0 + " " } ?? ""
            if let url = JSONFields.string(embed, "url") { parts.append("[embed: \(title)\(url)]") }
        }
        if JSONFields.string(message, "timestampEdited") != nil { parts.append("(edited)") }
        return parts.joined(separator: "\n\n")
    }

    /// `GuildMemberJoin` as "guild member join".
    static func describe(_ type: String) -> String {
        var words = ""
        for character in type {
            if character.isUppercase && !words.isEmpty { words.append(" ") }
            words.append(character.lowercased())
        }
        return words
    }
}
