import Foundation

/// A scripted news server (RFC 3977) on 127.0.0.1 for tests: one group of articles,
/// CAPABILITIES, MODE READER, AUTHINFO, GROUP, OVER, ARTICLE and QUIT, dot-stuffing, and the
/// 411, 423, 480 and 481 refusals. Every command is recorded.
public final class LoopbackNNTPServer: @unchecked Sendable {
    /// One article: its number, Message-ID and whole text (header, blank line, body; LF lines).
    public struct Article: Sendable {
        public let number: Int
        public let messageID: String
        public let text: String

        public init(number: Int, messageID: String, text: String) {
            self.number = number
            self.messageID = messageID
            self.text = text
        }
    }

    private let listener: LoopbackListener
    private let group: String
    private let lock = NSLock()
    private var articles: [Article]
    private var received: [String] = []
    /// The login asked for before GROUP, if any.
    private let login: (user: String, password: String)?

    public init(group: String, articles: [Article], login: (user: String, password: String)? = nil) throws {
        self.group = group
        self.articles = articles
        self.login = login
        listener = try LoopbackListener()
        listener.start { [weak self] connection in self?.converse(connection) }
    }

    public var port: UInt16 { listener.port }

    /// Commands received so far (a password shows as `AUTHINFO PASS …`).
    public var commands: [String] { lock.withLock { received } }

    /// Adds an article (a group that grows between two visits).
    public func post(_ article: Article) { lock.withLock { articles.append(article) } }

    public func stop() { listener.stop() }

    private func converse(_ connection: Int32) {
        let input = FileHandle(fileDescriptor: connection, closeOnDealloc: false)
        var pending: [UInt8] = []
        var user: String?
        var authenticated = login == nil
        func say(_ text: String) { LoopbackListener.write(connection, Array((text + "\r\n").utf8)) }
        say("200 spool test news server ready, posting allowed")
        while true {
            guard let end = pending.firstIndex(of: 0x0A) else {
                let chunk = input.availableData
                if chunk.isEmpty { return }
                pending += chunk
                continue
            }
            let line = String(decoding: pending[..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            pending.removeFirst(end + 1)
            lock.withLock { received.append(line.hasPrefix("AUTHINFO PASS") ? "AUTHINFO PASS …" : line) }
            let words = line.split(separator: " ").map(String.init)
            let verb = words.first?.uppercased() ?? ""
            let (first, last, all) = lock.withLock {
                (articles.map(\.number).min() ?? 0, articles.map(\.number).max() ?? 0, articles)
            }
            switch verb {
            case "CAPABILITIES":
                say("101 Capability list:")
                for capability in ["VERSION 2", "MODE-READER", "OVER", "AUTHINFO USER"] { say(capability) }
                say(".")
            case "MODE": say("200 reader mode")
            case "AUTHINFO" where words.count >= 3 && words[1].uppercased() == "USER":
                user = words[2]
                say("381 password please")
            case "AUTHINFO" where words.count >= 3 && words[1].uppercased() == "PASS":
                if let login, user == login.user, words[2] == login.password {
                    authenticated = true
                    say("281 welcome")
                } else {
                    say("481 no")
                }
            case _ where !authenticated && verb != "QUIT": say("480 authentication required")
            case "GROUP":
                if words.count > 1 && words[1] == group {
                    say("211 \(all.count) \(first) \(last) \(group)")
                } else {
                    say("411 no such group")
                }
            case "OVER", "XOVER":
                let bounds = (words.count > 1 ? words[1] : "").split(separator: "-").compactMap { Int($0) }
                let range = (bounds.first ?? first)...(bounds.count > 1 ? bounds[1] : last)
                let inRange = all.filter { range.contains($0.number) }
                guard !inRange.isEmpty else {
                    say("423 no articles in that range")
                    continue
                }
                say("224 overview follows")
                for article in inRange { say("\(article.number)\tsubject\tfrom\tdate\t\(article.messageID)\t\t100\t3") }
                say(".")
            case "ARTICLE":
                guard let number = words.count > 1 ? Int(words[1]) : nil,
                    let article = all.first(where: { $0.number == number })
                else {
                    say("423 no such article")
                    continue
                }
                say("220 \(article.number) \(article.messageID)")
                for line in article.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    say(line.hasPrefix(".") ? "." + line : String(line))
                }
                say(".")
            case "QUIT":
                say("205 bye")
                return
            default: say("500 unknown command")
            }
        }
    }
}
