import SpoolCore

/// Imports a Slack export (`--from slack`): a workspace folder (`channels.json`, `users.json`
/// and a folder of day files per channel) or one channel's folder of `YYYY-MM-DD.json`
/// files. A reply hangs under the message its `thread_ts` names, whichever day's file that
/// is in; people are named from `users.json` or the profile in each message; mentions and
/// links are written out; joins and deleted messages read as such. Several channels are a
/// forest, one channel is the discussion.
public struct SlackImporter: Sendable {
    public init() {}

    /// Whether `path` is a Slack workspace export or one channel's folder of day files.
    static func isExport(_ path: DiskPath) -> Bool {
        path.appending("channels.json").kind == .regular || !dayFiles(in: path).isEmpty
    }

    /// The `YYYY-MM-DD.json` files of a channel folder, in date order.
    private static func dayFiles(in folder: DiskPath) -> [DiskPath] {
        (folder.entries() ?? []).filter { file in
            let name = file.lastComponent.description
            return file.kind == .regular && name.count == 15 && name.hasSuffix(".json")
                && name.prefix(10).wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil
        }.sorted { $0.lastComponent.description < $1.lastComponent.description }
    }

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        throw ImportError(
            file: file, line: 1,
            reason: .unsupportedFormat(
                "is one file; a Slack export is a folder (channels.json and a folder of day files per channel): open the folder."
            ))
    }

    /// Loads the export in `folder`.
    func load(_ folder: DiskPath) throws -> Discussion {
        var names: [String: String] = [:]
        if case .success(let bytes) = folder.appending("users.json").contents(),
            let users = try? JSONFields.parse(bytes, file: "users.json") as? [[String: Any]]
        {
            for user in users {
                guard let id = JSONFields.string(user, "id") else { continue }
                let profile = user["profile"] as? [String: Any] ?? [:]
                names[id] =
                    [
                        JSONFields.string(profile, "display_name"), JSONFields.string(user, "real_name"),
                        JSONFields.string(user, "name"),
                    ]
                    .compactMap { $0 }.first { !$0.isEmpty }
            }
        }
        var channels: [(name: String, folder: DiskPath)] = []
        if !SlackImporter.dayFiles(in: folder).isEmpty {
            channels = [(folder.lastComponent.description, folder)]
        } else if case .success(let bytes) = folder.appending("channels.json").contents(),
            let list = try? JSONFields.parse(bytes, file: "channels.json") as? [[String: Any]]
        {
            channels = list.compactMap { channel in
                guard let name = JSONFields.string(channel, "name") else { return nil }
                return (name, folder.appending(name))
            }.filter { $0.folder.kind == .directory }
        }
        var perChannel: [(name: String, records: [FlatRecord])] = []
        for channel in channels {
            var records: [FlatRecord] = []
            for day in SlackImporter.dayFiles(in: channel.folder) {
                guard case .success(let bytes) = day.contents() else { continue }
                let messages = try JSONFields.parse(bytes, file: day.description) as? [[String: Any]] ?? []
                records += messages.map { record(of: $0, channel: channel.name, names: names) }
            }
            if !records.isEmpty { perChannel.append((channel.name, records)) }
        }
        guard !perChannel.isEmpty else {
            throw ImportError(file: folder.description, reason: .empty)
        }
        if perChannel.count == 1, let only = perChannel.first {
            var discussion = Discussion(
                title: "#" + only.name, article: nil, format: .slack,
                comments: FlatRecords.comments(only.records, keyPrefix: "slack:"))
            discussion.sourceName = folder.lastComponent.description
            return discussion
        }
        var records: [FlatRecord] = []
        for channel in perChannel {
            let node = "channel:" + channel.name
            records.append(
                FlatRecord(
                    id: node, author: "", date: channel.records.first?.date, body: "", subject: "#" + channel.name))
            records += channel.records.map { record in
                var record = record
                if record.parentID == nil { record.parentID = node }
                return record
            }
        }
        var discussion = Discussion(
            title: "Slack export: " + folder.lastComponent.description, article: nil, format: .slack,
            comments: FlatRecords.comments(records, keyPrefix: "slack:"), isArchive: true)
        discussion.sourceName = folder.lastComponent.description
        return discussion
    }

    private func record(of message: [String: Any], channel: String, names: [String: String]) -> FlatRecord {
        let ts = JSONFields.string(message, "ts") ?? "?"
        let thread = JSONFields.string(message, "thread_ts")
        let profile = message["user_profile"] as? [String: Any] ?? [:]
        let user = JSONFields.string(message, "user")
        let author =
            user.flatMap { names[$0] }
            ?? [JSONFields.string(profile, "display_name"), JSONFields.string(profile, "real_name")].compactMap { $0 }
            .first { !$0.isEmpty } ?? user ?? JSONFields.string(message, "username") ?? "(unknown)"
        var body = SlackImporter.plainText(JSONFields.string(message, "text") ?? "", names: names)
        switch JSONFields.string(message, "subtype") {
        case "channel_join": body = "(joined the channel)"
        case "tombstone": body = "(deleted)"
        case .some(let subtype) where body.isEmpty: body = "(\(subtype.replacingOccurrences(of: "_", with: " ")))"
        default: break
        }
        for file in message["files"] as? [[String: Any]] ?? [] {
            body += "\n\n[file: \(JSONFields.string(file, "name") ?? JSONFields.string(file, "title") ?? "")]"
        }
        // Message ids are channel-scoped timestamps.
        return FlatRecord(
            id: channel + "/" + ts, parentID: thread.flatMap { $0 == ts ? nil : channel + "/" + $0 }, author: author,
            date: JSONFields.unixDate(message, "ts"), body: body)
    }

    /// Slack's markup as text: `<@U123>` as `@name`, `<url|label>` as `label (url)`,
    /// `<#C1|general>` as `#general`, and its three escaped characters.
    static func plainText(_ text: String, names: [String: String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            out += rest[..<open]
            let inner = rest[rest.index(after: open)..<close]
            let parts = inner.split(separator: "|", maxSplits: 1).map(String.init)
            if inner.hasPrefix("@") {
                let id = String(parts[0].dropFirst())
                out += "@" + (parts.count > 1 ? parts[1] : names[id] ?? id)
            } else if inner.hasPrefix("#") {
                out += "#" + (parts.count > 1 ? parts[1] : String(parts[0].dropFirst()))
            } else if inner.hasPrefix("!") {
                out += "@" + (parts.count > 1 ? parts[1] : String(parts[0].dropFirst()))
            } else {
                out += parts.count > 1 ? "\(parts[1]) (\(parts[0]))" : parts.first ?? ""
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
