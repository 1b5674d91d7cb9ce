import Foundation
import SpoolCore
import SpoolImport
import SpoolTestSupport
import Testing

@testable import SpoolRemote

/// News addresses against a scripted news server on loopback.
@Suite(.serialized) struct NewsGroupTests {
    let cacheFolder = Scratch.folder.appendingPathComponent("spool-news-\(UUID().uuidString)")

    private func article(_ number: Int, replyTo: Int? = nil, body: String) -> LoopbackNNTPServer.Article {
        let id = "<\(number)@news.example>"
        let references = replyTo.map { "References: <\($0)@news.example>\n" } ?? ""
        return .init(
            number: number, messageID: id,
            text: """
                From: Poster \(number) <p\(number)@example.org>
                Newsgroups: comp.lang.test
                Subject: \(replyTo == nil ? "" : "Re: ")Topic \(replyTo ?? number)
                Date: Mon, 0\(number) Jan 2024 10:00:00 +0000
                Message-ID: \(id)
                \(references)
                \(body)
                """)
    }

    private func opener(articles: Int = 3, login: NewsCredentials? = nil) -> RemoteOpener {
        RemoteOpener(
            fetcher: RemoteFetcher(
                client: HTTPClient(version: "9.9", timeout: 10), newsArticles: articles, newsCredentials: login),
            cache: DiscussionCache(folder: cacheFolder))
    }

    private func failure(_ opener: RemoteOpener, _ address: String) -> String {
        do {
            _ = try opener.open(address, offline: false)
            return "opened"
        } catch {
            return "\(error)"
        }
    }

    @Test func theNewestArticlesAreThreadedLikeMail() throws {
        let server = try LoopbackNNTPServer(
            group: "comp.lang.test",
            articles: [
                article(1, body: "old"), article(2, body: "older reply"),
                article(3, body: "A topic."),
                article(4, replyTo: 3, body: "Quoting:\n.. two dots\n. one dot\nFrom the start of a line"),
                article(5, replyTo: 4, body: "Agreed."),
            ])
        let address = "news://127.0.0.1:\(server.port)/comp.lang.test"
        let opening = try opener().open(address, offline: false)
        #expect(opening.file.lastPathComponent == "127%2E0%2E0%2E1%3A\(server.port)%2Fcomp%2Elang%2Etest.mbox")
        let discussion = try DiscussionFile.load(path: DiskPath(opening.file.path))
        #expect(discussion.format == .mbox)
        #expect(discussion.comments.map(\.author) == ["Poster 3", "Poster 4", "Poster 5"])
        #expect(discussion.comments.map(\.parent) == [nil, 0, 1])
        let body = discussion.comments[1].body.textOnce
        #expect(body.contains("Quoting:\n.. two dots\n. one dot\nFrom the start of a line"), "\(body)")
        #expect(server.commands.prefix(3) == ["CAPABILITIES", "MODE READER", "GROUP comp.lang.test"])
        #expect(server.commands.contains("OVER 3-5") && server.commands.contains("ARTICLE 5"))
        #expect(!server.commands.contains("ARTICLE 2"))
        let commandsBefore = server.commands.count
        #expect(try opener().open(address, offline: true).file == opening.file)
        #expect(server.commands.count == commandsBefore, "offline asks the server nothing")

        // The group grows; fetched again, the same articles keep their keys (read marks stay).
        server.post(article(6, replyTo: 3, body: "Late reply."))
        let again = try DiscussionFile.load(
            path: DiskPath(try opener(articles: 4).open(address, offline: false).file.path))
        #expect(again.comments.count == 4)
        #expect(Set(discussion.comments.map(\.key)).isSubset(of: Set(again.comments.map(\.key))))
    }

    @Test func refusalsAreNamed() throws {
        let server = try LoopbackNNTPServer(
            group: "alt.test", articles: [article(1, body: "x")], login: ("reader", "s3cret"))
        let base = "news://127.0.0.1:\(server.port)"
        #expect(
            failure(opener(), "\(base)/alt.test")
                == "\(base) asks for a login (480): set news_user and news_password in the config file, or give news://USER:PASSWORD@HOST/GROUP."
        )
        #expect(
            failure(opener(login: NewsCredentials(user: "reader", password: "wrong")), "\(base)/alt.test")
                == "\(base) did not accept the user and password (481).")
        let opening = try opener(login: NewsCredentials(user: "reader", password: "s3cret")).open(
            "\(base)/alt.test", offline: false)
        #expect(try DiscussionFile.load(path: DiskPath(opening.file.path)).comments.count == 1)
        #expect(server.commands.contains("AUTHINFO PASS …"))

        let inline = try opener().open("news://reader:s3cret@127.0.0.1:\(server.port)/alt.test", offline: false)
        #expect(inline.address == "\(base)/alt.test", "the password is neither shown nor kept")
        let kept = try String(contentsOfFile: inline.file.path + ".address", encoding: .utf8)
        #expect(!kept.contains("s3cret"))

        #expect(
            failure(opener(login: NewsCredentials(user: "reader", password: "s3cret")), "\(base)/no.such")
                == "\(base) has no group no.such (411). Check the name; `spool` reads one group at a time.")
        server.stop()
        let fallback = try opener().open("\(base)/alt.test", offline: false)
        #expect(fallback.notice?.hasPrefix("\(base): could not be reached (the connection was refused).") == true)
        #expect(
            failure(opener(), "\(base)/other.group").hasPrefix(
                "\(base): could not be reached (the connection was refused)"))
    }
}
