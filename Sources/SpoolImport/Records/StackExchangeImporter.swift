import SpoolCore

/// Imports Stack Exchange (`--from stackexchange`): a data-dump folder (`Posts.xml`, with
/// `Comments.xml` beside it when present) as a forest of questions, each with its answers
/// and comments, comments on an answer under it; or API JSON (`/questions?filter=withbody`,
/// answers and comments nested in each question). One question opens as the discussion.
public struct StackExchangeImporter: Sendable {
    public init() {}

    /// Whether the folder at `path` is a data dump (it has `Posts.xml`).
    static func isDump(_ path: DiskPath) -> Bool { path.appending("Posts.xml").kind == .regular }

    /// Whether `json` is an API response with questions.
    static func matches(_ json: Any) -> Bool {
        guard let object = json as? [String: Any], let items = object["items"] as? [[String: Any]] else { return false }
        return items.first?["question_id"] != nil
    }

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        try parse(json: JSONFields.parse(bytes, file: file), file: file)
    }

    func parse(json: Any, file: String) throws -> Discussion {
        guard StackExchangeImporter.matches(json), let object = json as? [String: Any],
            let questions = object["items"] as? [[String: Any]]
        else {
            throw ImportError(
                file: file, line: 1,
                reason: .malformed(
                    "is JSON but not Stack Exchange questions: expected `items` with `question_id`, as /questions?filter=withbody gives."
                ))
        }
        var records: [FlatRecord] = []
        for question in questions {
            let id = "q" + (JSONFields.string(question, "question_id") ?? "?")
            records.append(apiRecord(question, id: id, parent: nil, subject: JSONFields.string(question, "title")))
            records += apiComments(question, parent: id)
            for answer in question["answers"] as? [[String: Any]] ?? [] {
                let answerID = "a" + (JSONFields.string(answer, "answer_id") ?? "?")
                var record = apiRecord(answer, id: answerID, parent: id, subject: nil)
                record.context = answerLine(score: record.score, accepted: JSONFields.bool(answer, "is_accepted"))
                records.append(record)
                records += apiComments(answer, parent: answerID)
            }
        }
        return forest(records, title: "Stack Exchange questions")
    }

    private func apiRecord(_ post: [String: Any], id: String, parent: String?, subject: String?) -> FlatRecord {
        let owner = post["owner"] as? [String: Any] ?? [:]
        let body =
            JSONFields.string(post, "body").map(HTMLText.plainText)
            ?? JSONFields.string(post, "body_markdown").map { MarkdownBody.plainText(HTMLText.plainTextEntities($0)) }
            ?? ""
        return FlatRecord(
            id: id, parentID: parent,
            author: JSONFields.string(owner, "display_name").map(HTMLText.plainTextEntities) ?? "(deleted user)",
            date: JSONFields.unixDate(post, "creation_date"), body: body,
            subject: subject.map(HTMLText.plainTextEntities), score: JSONFields.int(post, "score"))
    }

    private func apiComments(_ post: [String: Any], parent: String) -> [FlatRecord] {
        (post["comments"] as? [[String: Any]] ?? []).map { comment in
            apiRecord(
                comment, id: "c" + (JSONFields.string(comment, "comment_id") ?? "?"), parent: parent, subject: nil)
        }
    }

    /// Loads the dump in `folder`.
    func loadDump(_ folder: DiskPath) throws -> Discussion {
        let postsFile = folder.appending("Posts.xml")
        let posts = try XMLElement.parse(try bytes(of: postsFile), file: postsFile.description)
        let commentsFile = folder.appending("Comments.xml")
        let comments =
            commentsFile.kind == .regular
            ? try XMLElement.parse(try bytes(of: commentsFile), file: commentsFile.description) : nil
        var kindOfPost: [String: String] = [:]
        var accepted: Set<String> = []
        for row in posts.children where row.name == "row" {
            guard let id = row.attributes["Id"] else { continue }
            switch row.attributes["PostTypeId"] {
            case "1":
                kindOfPost[id] = "q"
                if let answer = row.attributes["AcceptedAnswerId"] { accepted.insert(answer) }
            case "2": kindOfPost[id] = "a"
            default: break
            }
        }
        var commentsOn: [String: [XMLElement]] = [:]
        for row in comments?.children ?? [] where row.name == "row" {
            if let post = row.attributes["PostId"], kindOfPost[post] != nil {
                commentsOn[post, default: []].append(row)
            }
        }
        var records: [FlatRecord] = []
        for row in posts.children where row.name == "row" {
            guard let id = row.attributes["Id"], let kind = kindOfPost[id] else { continue }
            var record = FlatRecord(
                id: kind + id, parentID: kind == "a" ? row.attributes["ParentId"].map { "q" + $0 } : nil,
                author: person(row.attributes["OwnerDisplayName"], row.attributes["OwnerUserId"]),
                date: JSONFields.isoDate(row.attributes["CreationDate"]),
                body: HTMLText.plainText(row.attributes["Body"] ?? ""),
                subject: kind == "q" ? row.attributes["Title"] : nil)
            record.score = row.attributes["Score"].flatMap { Int($0) }
            if kind == "a" { record.context = answerLine(score: record.score, accepted: accepted.contains(id)) }
            records.append(record)
            for comment in commentsOn[id] ?? [] {
                records.append(
                    FlatRecord(
                        id: "c" + (comment.attributes["Id"] ?? "?"), parentID: kind + id,
                        author: person(comment.attributes["UserDisplayName"], comment.attributes["UserId"]),
                        date: JSONFields.isoDate(comment.attributes["CreationDate"]),
                        body: comment.attributes["Text"] ?? ""))
            }
        }
        var discussion = forest(records, title: "Stack Exchange dump: " + folder.lastComponent.description)
        discussion.sourceName = folder.lastComponent.description
        return discussion
    }

    /// One question as the discussion (its text the article), or a forest of questions.
    private func forest(_ records: [FlatRecord], title: String) -> Discussion {
        let questions = records.filter { $0.parentID == nil }
        if questions.count == 1, let question = questions.first {
            let rest = records.filter { $0.id != question.id }.map { record -> FlatRecord in
                var record = record
                if record.parentID == question.id { record.parentID = nil }
                return record
            }
            return Discussion(
                title: question.subject, sourceID: "stackexchange:" + question.id, article: question.body,
                articleAuthor: question.author, articleDate: question.date, format: .stackexchange,
                comments: FlatRecords.comments(rest, keyPrefix: "stackexchange:"))
        }
        return Discussion(
            title: title, article: nil, format: .stackexchange,
            comments: FlatRecords.comments(records, keyPrefix: "stackexchange:"), isArchive: true)
    }

    private func answerLine(score: Int?, accepted: Bool) -> String {
        "Answer" + (score.map { " · score \($0)" } ?? "") + (accepted ? " · accepted" : "")
    }

    /// A display name, else the user's number, else a deleted user.
    private func person(_ name: String?, _ userID: String?) -> String {
        if let name, !name.isEmpty { return name }
        return userID.map { "user \($0)" } ?? "(deleted user)"
    }

    private func bytes(of path: DiskPath) throws -> [UInt8] {
        switch path.contents() {
        case .success(let bytes): return bytes
        case .failure: throw ImportError(file: path.description, reason: .unreadable("read error"))
        }
    }
}
