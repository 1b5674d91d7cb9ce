import Testing

@testable import SpoolRemote

/// What each kind of address is read as, and what a wrong one is told.
struct RemoteAddressTests {
    @Test(arguments: [
        ("hn:8863", RemoteSource.hn, "8863"),
        ("https://news.ycombinator.com/item?id=8863", .hn, "8863"),
        ("https://hn.algolia.com/api/v1/items/8863", .hn, "8863"),
        ("https://lobste.rs/s/ktew3s/some_title", .lobsters, "ktew3s"),
        ("https://lobste.rs/s/ktew3s.json", .lobsters, "ktew3s"),
        ("https://meta.discourse.org/t/some-topic/12345", .discourse, "12345"),
        ("https://forum.example/t/some-topic/12345/7", .discourse, "12345"),
        ("https://mastodon.social/@Gargron/109294719267373593", .mastodon, "109294719267373593"),
        ("https://github.com/apple/swift/issues/42", .github, "apple/swift/issues/42"),
        ("https://github.com/apple/swift/pull/42/files", .github, "apple/swift/pull/42"),
        ("https://lore.kernel.org/lkml/20240101.abc@kernel.org/", .publicInbox, "lkml/20240101.abc@kernel.org"),
        ("https://lore.kernel.org/lkml/20240101.abc@kernel.org/T/#u", .publicInbox, "lkml/20240101.abc@kernel.org"),
        ("https://old.reddit.com/r/swift/comments/abc123/title/", .reddit, "abc123"),
        ("news://news.example/comp.lang.misc", .nntp, "news.example:119/comp.lang.misc"),
        ("nntp://News.Example:1190/alt.test/", .nntp, "news.example:1190/alt.test"),
    ])
    func addressesNameTheirSourceAndItem(text: String, source: RemoteSource, id: String) throws {
        let address = try RemoteAddress(text)
        #expect(address.source == source)
        #expect(address.id == id)
    }

    @Test func aForcedSourceReadsAnyHost() throws {
        let address = try RemoteAddress("https://inbox.example/list/a@b/", source: .publicInbox)
        #expect(address.source == .publicInbox && address.id == "list/a@b")
    }

    @Test func filesAreNotAddresses() {
        for text in ["thread.json", "./hn:1", "/tmp/x.mbox", "-", "https.txt"] {
            #expect(!RemoteAddress.looksLikeAddress(text), "\(text)")
        }
        for text in ["hn:1", "HTTPS://x.org/t/a/1", "news://h/g", "nntp://h/g"] {
            #expect(RemoteAddress.looksLikeAddress(text), "\(text)")
        }
    }

    @Test func wrongAddressesSayWhatIsExpected() {
        func message(_ text: String) -> String {
            do {
                _ = try RemoteAddress(text)
                return "read"
            } catch {
                return error.description
            }
        }
        #expect(message("hn:abc") == "hn:abc: not an address Spool reads: hn: takes an item number, as in hn:8863.")
        #expect(
            message("https://github.com/apple/swift")
                == "https://github.com/apple/swift: not an address Spool reads: a GitHub address names an issue or a pull request: https://github.com/OWNER/REPO/issues/N."
        )
        #expect(message("https://example.org/page").contains("Say it with --source KIND"))
        #expect(
            message("news://news.example/")
                == "news://news.example/: not an address Spool reads: a news address names a group after the server: news://HOST[:PORT]/GROUP."
        )
        #expect(RemoteAddress.withoutLogin("news://u:p@h:119/g") == "news://h:119/g")
        #expect(message("http://").contains("an address starts with https://"))
    }

    @Test func cacheNamesAreSafeFileNames() {
        #expect(DiscussionCache.fileStem("8863") == "8863")
        #expect(DiscussionCache.fileStem("lkml/a.b@c") == "lkml%2Fa%2Eb%40c")
        #expect(DiscussionCache.fileStem("../../etc") == "%2E%2E%2F%2E%2E%2Fetc")
        let long = DiscussionCache.fileStem(String(repeating: "é", count: 200))
        #expect(long.utf8.count < 200 && long.contains("~"))
    }
}
