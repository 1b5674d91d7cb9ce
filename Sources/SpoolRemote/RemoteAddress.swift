import Foundation

/// Where a discussion given by its address lives, and how it is fetched.
public enum RemoteSource: String, CaseIterable, Sendable {
    case hn
    case publicInbox = "public-inbox"
    case discourse
    case lobsters
    case mastodon
    case github
    case reddit
    case nntp

    /// One line for `--source`'s help and its errors.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A discussion's address as typed: `hn:8863`, `https://news.ycombinator.com/item?id=8863`,
/// `https://lore.kernel.org/list/<message-id>/`, a Discourse topic (`/t/slug/ID`), a Lobsters
/// story (`/s/ID`), a Mastodon status (`/@user/ID`), a GitHub issue or pull request, a news
/// group (`news://HOST[:PORT]/GROUP`).
public struct RemoteAddress: Hashable, Sendable {
    public let source: RemoteSource
    /// The address as given (an `hn:N` address as its news.ycombinator.com form).
    public let url: URL
    /// What names the discussion within its source: the item, story, topic or status number,
    /// `owner/repo/N`, or the list and Message-ID.
    public let id: String

    /// Whether `text` is an address rather than a file name (a URL scheme or `hn:`).
    public static func looksLikeAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("hn:")
            || lower.hasPrefix("news://") || lower.hasPrefix("nntp://")
    }

    /// `text` without a `USER:PASSWORD@` part, for showing and keeping.
    public static func withoutLogin(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.user != nil || components.password != nil
        else { return text }
        components.user = nil
        components.password = nil
        return components.string ?? text
    }

    /// Reads an address; `source` forces how (for mirrors and self-hosted instances).
    public init(_ text: String, source forced: RemoteSource? = nil) throws(RemoteError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("hn:") {
            let number = trimmed.dropFirst(3)
            guard !number.isEmpty, number.allSatisfy(\.isASCII), let id = Int(number), id > 0 else {
                throw .badAddress(text, "hn: takes an item number, as in hn:8863.")
            }
            self.init(source: .hn, url: URL(string: "https://news.ycombinator.com/item?id=\(id)")!, id: String(id))
            return
        }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("news://") || lower.hasPrefix("nntp://") {
            guard let url = URL(string: trimmed), let host = url.host, !host.isEmpty else {
                throw .badAddress(text, "a news address names a server and a group: news://HOST[:PORT]/GROUP.")
            }
            let group = url.path.split(separator: "/").first.map(String.init) ?? ""
            guard !group.isEmpty, group.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "*" }) else {
                throw .badAddress(text, "a news address names a group after the server: news://HOST[:PORT]/GROUP.")
            }
            self.init(source: .nntp, url: url, id: "\(host.lowercased()):\(url.port ?? 119)/\(group)")
            return
        }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https",
            let host = url.host?.lowercased(), !host.isEmpty
        else {
            throw .badAddress(text, "an address starts with https:// (or http://) and names a host.")
        }
        let parts = url.path.split(separator: "/").map(String.init)
        let source: RemoteSource
        if let forced {
            source = forced
        } else {
            source = try RemoteAddress.source(host: host, parts: parts, address: text)
        }
        guard let id = RemoteAddress.id(source: source, url: url, parts: parts) else {
            throw .badAddress(text, RemoteAddress.expected[source]!)
        }
        self.init(source: source, url: url, id: id)
    }

    private init(source: RemoteSource, url: URL, id: String) {
        self.source = source
        self.url = url
        self.id = id
    }

    /// The source a host and path suggest; unknown hosts need `--source`.
    private static func source(host: String, parts: [String], address: String) throws(RemoteError) -> RemoteSource {
        switch host {
        case "news.ycombinator.com", "hn.algolia.com": return .hn
        case "lobste.rs": return .lobsters
        case "github.com", "www.github.com": return .github
        case "lore.kernel.org", "public-inbox.org", "inbox.sourceware.org", "lore.gnuweeb.org": return .publicInbox
        case "reddit.com", "www.reddit.com", "old.reddit.com", "np.reddit.com", "new.reddit.com": return .reddit
        default: break
        }
        // Paths that name a kind of site wherever it is hosted.
        if parts.count >= 2, parts[0] == "t" { return .discourse }
        if parts.count >= 2, parts[0].hasPrefix("@"), Int(parts[1]) != nil { return .mastodon }
        if parts.count >= 2, parts[0] == "s", parts[1].count >= 5 { return .lobsters }
        throw .badAddress(
            address,
            "Spool does not know what \(host) serves. Say it with --source KIND (\(RemoteSource.names)), as for a self-hosted Discourse, Mastodon or public-inbox."
        )
    }

    private static func id(source: RemoteSource, url: URL, parts: [String]) -> String? {
        switch source {
        case .hn:
            let item = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "id" }
            let number = item?.value ?? (parts.last == "items" ? nil : parts.last)
            return number.flatMap { Int($0) }.map(String.init)
        case .lobsters:
            guard let s = parts.firstIndex(of: "s"), s + 1 < parts.count else { return nil }
            let id = parts[s + 1].replacingOccurrences(of: ".json", with: "")
            return id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && !id.isEmpty ? id : nil
        case .discourse:
            // /t/slug/ID, /t/ID, /t/slug/ID/POST
            guard let t = parts.firstIndex(of: "t") else { return nil }
            let after = parts[(t + 1)...].map { $0.replacingOccurrences(of: ".json", with: "") }
            return after.prefix(2).last { Int($0) != nil } ?? after.first { Int($0) != nil }
        case .mastodon:
            // /@user/ID, /users/user/statuses/ID, /@user@host/ID
            return parts.last { Int($0) != nil }
        case .github:
            // /owner/repo/issues/N, /owner/repo/pull/N
            guard parts.count >= 4, ["issues", "pull", "pulls"].contains(parts[2]), Int(parts[3]) != nil else {
                return nil
            }
            return "\(parts[0])/\(parts[1])/\(parts[2] == "issues" ? "issues" : "pull")/\(parts[3])"
        case .publicInbox:
            // /LIST/MESSAGE-ID/ (any trailing /t/, /T/, /raw, /t.mbox.gz is the same thread)
            guard parts.count >= 2 else { return nil }
            return parts[0] + "/" + parts[1]
        case .reddit:
            guard let comments = parts.firstIndex(of: "comments"), comments + 1 < parts.count else { return nil }
            return parts[comments + 1]
        case .nntp:
            return nil  // news:// and nntp:// addresses are read above
        }
    }

    private static let expected: [RemoteSource: String] = [
        .hn: "a Hacker News address names an item: https://news.ycombinator.com/item?id=8863 or hn:8863.",
        .lobsters: "a Lobsters address names a story: https://lobste.rs/s/ID.",
        .discourse: "a Discourse address names a topic: https://HOST/t/slug/ID.",
        .mastodon: "a Mastodon address names a status: https://HOST/@user/ID.",
        .github: "a GitHub address names an issue or a pull request: https://github.com/OWNER/REPO/issues/N.",
        .publicInbox: "a public-inbox address names a message: https://lore.kernel.org/LIST/MESSAGE-ID/.",
        .reddit: "a Reddit address names a post: https://www.reddit.com/r/SUB/comments/ID/.",
        .nntp: "a news address is news://HOST[:PORT]/GROUP or nntp://HOST[:PORT]/GROUP.",
    ]
}
