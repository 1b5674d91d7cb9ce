import Foundation

/// A discussion as fetched: the bytes Spool's importers read, and the file name ending
/// that tells them apart in the cache (`json`, `mbox.gz`, `mbox`).
public struct FetchedDiscussion: Sendable {
    public let bytes: [UInt8]
    public let fileExtension: String
}

/// Fetches one discussion by its address, in as few requests as its source allows.
///
/// Each source's answer is kept in the form its importer already reads: the Algolia item
/// for Hacker News, the thread's `t.mbox.gz` for public-inbox, the story JSON for Lobsters,
/// a Discourse topic with every page of posts merged in, and for Mastodon and GitHub one
/// object of the few answers (`status`/`ancestors`/`descendants`;
/// `issue`/`issue_comments`/`review_comments`).
public struct RemoteFetcher: Sendable {
    let client: HTTPClient
    let environment: [String: String]
    /// News groups: how many of the newest articles to read.
    let newsArticles: Int
    /// News servers that ask for a login (a news address's own `USER:PASSWORD@` goes first).
    let newsCredentials: NewsCredentials?

    /// `environment`: `SPOOL_HN_API` (default `https://hn.algolia.com/api/v1`),
    /// `SPOOL_GITHUB_API` (default `https://api.github.com`), `GITHUB_TOKEN`.
    public init(
        client: HTTPClient, environment: [String: String] = ProcessInfo.processInfo.environment,
        newsArticles: Int = 1000, newsCredentials: NewsCredentials? = nil
    ) {
        self.client = client
        self.environment = environment
        self.newsArticles = newsArticles
        self.newsCredentials = newsCredentials
    }

    /// Posts a Discourse topic page asks for at once.
    static let discoursePostsPerRequest = 20
    /// GitHub's largest page, and the most pages read of one list (10,000 comments).
    static let gitHubPerPage = 100
    static let gitHubMaximumPages = 100

    public func fetch(_ address: RemoteAddress) throws(RemoteError) -> FetchedDiscussion {
        switch address.source {
        case .hn:
            let base = environment["SPOOL_HN_API"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://hn.algolia.com/api/v1"
            return try json(url(base.trimmingSlash + "/items/" + address.id))
        case .lobsters:
            return try json(url(origin(address) + "/s/" + address.id + ".json"))
        case .publicInbox:
            return try publicInbox(address)
        case .discourse:
            return try discourse(address)
        case .mastodon:
            return try mastodon(address)
        case .github:
            return try gitHub(address)
        case .nntp:
            return try newsGroup(address)
        case .reddit:
            throw .unsupported(
                address.url.absoluteString,
                "Reddit refuses unauthenticated reading since mid-2026. In a browser where you are logged in, add .json to the post's address, save the page (e.g. post.json) and open that file: spool post.json."
            )
        }
    }

    // MARK: Sources

    private func publicInbox(_ address: RemoteAddress) throws(RemoteError) -> FetchedDiscussion {
        let target = try url(origin(address) + "/" + address.id + "/t.mbox.gz")
        let bytes = try client.get(target)
        if bytes.starts(with: [0x1F, 0x8B]) { return FetchedDiscussion(bytes: bytes, fileExtension: "mbox.gz") }
        // Some proxies undo the gzip in transit.
        if bytes.starts(with: Array("From ".utf8)) { return FetchedDiscussion(bytes: bytes, fileExtension: "mbox") }
        throw .unexpected(url: target.absoluteString, expected: "a gzipped mbox", got: Self.describe(bytes))
    }

    private func discourse(_ address: RemoteAddress) throws(RemoteError) -> FetchedDiscussion {
        let base = origin(address)
        let topicURL = try url(base + "/t/" + address.id + ".json")
        var topic = try object(topicURL)
        guard var stream = topic["post_stream"] as? [String: Any], var posts = stream["posts"] as? [[String: Any]]
        else {
            throw .unexpected(url: topicURL.absoluteString, expected: "a Discourse topic", got: "other JSON")
        }
        let have = Set(posts.compactMap { ($0["id"] as? NSNumber)?.intValue })
        let missing = (stream["stream"] as? [NSNumber] ?? []).map(\.intValue).filter { !have.contains($0) }
        var start = 0
        while start < missing.count {
            let chunk = missing[start..<min(start + Self.discoursePostsPerRequest, missing.count)]
            start = chunk.endIndex
            let query = chunk.map { "post_ids%5B%5D=\($0)" }.joined(separator: "&")
            let pageURL = try url(base + "/t/" + address.id + "/posts.json?" + query)
            let page = try object(pageURL)
            posts += (page["post_stream"] as? [String: Any])?["posts"] as? [[String: Any]] ?? []
        }
        stream["posts"] = posts
        topic["post_stream"] = stream
        return try encoded(topic, from: topicURL)
    }

    private func mastodon(_ address: RemoteAddress) throws(RemoteError) -> FetchedDiscussion {
        let base = origin(address) + "/api/v1/statuses/" + address.id
        let statusURL = try url(base)
        let status = try object(statusURL)
        var context = try object(url(base + "/context"))
        context["status"] = status
        return try encoded(context, from: statusURL)
    }

    private func gitHub(_ address: RemoteAddress) throws(RemoteError) -> FetchedDiscussion {
        let parts = address.id.split(separator: "/").map(String.init)  // owner, repo, issues|pull, N
        let api =
            (environment["SPOOL_GITHUB_API"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.github.com")
            .trimmingSlash
        let repository = api + "/repos/" + parts[0] + "/" + parts[1]
        var headers = ["Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"]
        if let token = environment["GITHUB_TOKEN"], !token.isEmpty { headers["Authorization"] = "Bearer " + token }
        let issueURL = try url(repository + "/issues/" + parts[3])
        let issue = try object(issueURL, headers: headers)
        var combined: [String: Any] = ["issue": issue]
        combined["issue_comments"] = try pages(repository + "/issues/" + parts[3] + "/comments", headers: headers)
        if issue["pull_request"] != nil {
            combined["review_comments"] = try pages(repository + "/pulls/" + parts[3] + "/comments", headers: headers)
        }
        return try encoded(combined, from: issueURL)
    }

    private func newsGroup(_ address: RemoteAddress) throws(RemoteError) -> FetchedDiscussion {
        let url = address.url
        let inline = url.user.map { NewsCredentials(user: $0, password: url.password ?? "") }
        let group = String(address.id.split(separator: "/", maxSplits: 1).last ?? "")
        client.report { $0.current = RemoteAddress.withoutLogin(address.url.absoluteString) }
        let fetcher = NewsGroupFetcher(
            host: url.host ?? "", port: url.port ?? 119, group: group, newest: max(1, newsArticles),
            credentials: inline ?? newsCredentials, timeout: client.timeout
        ) { articles, bytes in
            client.report {
                $0.requests = articles
                $0.bytes = bytes
            }
        }
        return FetchedDiscussion(bytes: try fetcher.fetch(), fileExtension: "mbox")
    }

    /// Every page of a GitHub list, until a page comes back short.
    private func pages(_ address: String, headers: [String: String]) throws(RemoteError) -> [Any] {
        var all: [Any] = []
        var page = 1
        while true {
            let pageURL = try url(address + "?per_page=\(Self.gitHubPerPage)&page=\(page)")
            let bytes = try client.get(pageURL, headers: headers)
            guard let list = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [Any] else {
                throw .unexpected(url: pageURL.absoluteString, expected: "a JSON list", got: Self.describe(bytes))
            }
            all += list
            if list.count < Self.gitHubPerPage { return all }
            // A server that never gives a short page must not keep Spool asking.
            guard page < Self.gitHubMaximumPages else {
                throw .unexpected(
                    url: pageURL.absoluteString, expected: "a list that ends",
                    got: "more than \(Self.gitHubMaximumPages) full pages")
            }
            page += 1
        }
    }

    // MARK: Helpers

    /// `scheme://host[:port]` of the address.
    private func origin(_ address: RemoteAddress) -> String {
        var components = URLComponents()
        components.scheme = address.url.scheme
        components.host = address.url.host
        components.port = address.url.port
        return components.string ?? ""
    }

    private func url(_ text: String) throws(RemoteError) -> URL {
        guard let url = URL(string: text) else { throw .badAddress(text, "it does not make a valid URL.") }
        return url
    }

    private func json(_ url: URL) throws(RemoteError) -> FetchedDiscussion {
        let bytes = try client.get(url, headers: ["Accept": "application/json"])
        guard Self.isJSON(bytes) else {
            throw .unexpected(url: url.absoluteString, expected: "JSON", got: Self.describe(bytes))
        }
        return FetchedDiscussion(bytes: bytes, fileExtension: "json")
    }

    private func object(_ url: URL, headers: [String: String] = ["Accept": "application/json"]) throws(RemoteError)
        -> [String: Any]
    {
        let bytes = try client.get(url, headers: headers)
        guard Self.isJSON(bytes), let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        else {
            throw .unexpected(url: url.absoluteString, expected: "a JSON object", got: Self.describe(bytes))
        }
        return object
    }

    private func encoded(_ object: [String: Any], from url: URL) throws(RemoteError) -> FetchedDiscussion {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            throw .unexpected(url: url.absoluteString, expected: "JSON Spool can store", got: "values it cannot")
        }
        return FetchedDiscussion(bytes: Array(data), fileExtension: "json")
    }

    static func isJSON(_ bytes: [UInt8]) -> Bool {
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == 0x7B || first == 0x5B
    }

    /// What an unexpected answer looks like, in a few words.
    static func describe(_ bytes: [UInt8]) -> String {
        let start = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        if bytes.isEmpty { return "an empty answer" }
        if start.contains("<html") || start.contains("<!doctype html") {
            let challenge = ["captcha", "challenge", "cloudflare", "just a moment", "verify you are human", "anubis"]
                .contains { start.contains($0) }
            return challenge ? "a bot-check page (HTML)" : "an HTML page"
        }
        return "\(bytes.count) bytes of something else"
    }
}

extension String {
    fileprivate var trimmingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
