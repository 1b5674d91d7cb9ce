import Foundation
import SpoolCore

/// Reads back what `spool export --format json` wrote, keeping ids, keys and the format,
/// so an export is a faithful copy of any imported discussion.
public struct ExportJSONImporter: Sendable {
    public init() {}

    /// Whether `json` has the export's shape.
    static func matches(_ json: Any) -> Bool {
        guard let root = json as? [String: Any] else { return false }
        return root["format"] is String && root["comments"] is [Any] && root.keys.contains("title")
    }

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(json: JSONFields.parse(bytes, file: file), file: file)
    }

    /// Imports an already parsed JSON value (sniffing parses the file once for every importer).
    func parse(json: Any, file: String) throws -> Discussion {
        guard ExportJSONImporter.matches(json), let root = json as? [String: Any],
            let format = Format(rawValue: JSONFields.string(root, "format") ?? "")
        else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed("is JSON but not a Spool export (expected title, format and comments)."))
        }
        var comments: [Comment] = []
        var stack: [(item: [String: Any], parent: Int?)] = ((root["comments"] as? [[String: Any]]) ?? []).reversed().map
        { ($0, nil) }
        while let (item, parent) = stack.popLast() {
            let id = JSONFields.string(item, "id") ?? String(comments.count + 1)
            var comment = Comment(
                id: id, key: JSONFields.string(item, "key").map(StableKey.init(rawValue:)),
                author: JSONFields.string(item, "author") ?? "",
                date: Self.date(JSONFields.string(item, "date")), subject: JSONFields.string(item, "subject"),
                body: JSONFields.string(item, "body") ?? "", parent: parent,
                isPlaceholder: JSONFields.bool(item, "placeholder"))
            comment.score = JSONFields.int(item, "score")
            comments.append(comment)
            let index = comments.count - 1
            stack.append(contentsOf: ((item["replies"] as? [[String: Any]]) ?? []).reversed().map { ($0, index) })
        }
        return Discussion(
            title: JSONFields.string(root, "title"), article: JSONFields.string(root, "article"), format: format,
            comments: comments)
    }

    /// ISO 8601 as the export writes it, keeping the offset (`Z`, `+01:00`) or its absence.
    static func date(_ text: String?) -> Timestamp? {
        guard let text, var date = JSONFields.isoDate(text) else { return nil }
        let afterTime = text.dropFirst(16)
        if afterTime.hasSuffix("Z") {
            date.utcOffsetMinutes = 0
        } else if let sign = afterTime.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let parts = afterTime[afterTime.index(after: sign)...].split(separator: ":").compactMap { Int($0) }
            let minutes = parts.count == 2 ? parts[0] * 60 + parts[1] : 0
            date.utcOffsetMinutes = afterTime[sign] == "-" ? -minutes : minutes
        } else {
            date.utcOffsetMinutes = nil
        }
        return date
    }
}
