import Testing

@testable import SpoolImport

/// The recent bodies a deferred source keeps (mail archives and web pages alike).
@Suite struct RecentTextsTests {
    @Test func aTextIsMadeOnceWhileKeptAndTheOldestGoesFirst() {
        let recent = RecentTexts(keeping: 2)
        var made = 0
        func text(_ key: Int) -> String {
            recent.text(for: key) {
                made += 1
                return "body \(key)"
            }
        }
        #expect(text(1) == "body 1")
        #expect(text(1) == "body 1")
        #expect(made == 1)
        #expect(recent.kept(for: 2) == nil)
        _ = text(2)
        _ = text(3)
        #expect(made == 3)
        #expect(recent.kept(for: 1) == nil, "the oldest went when a third came")
        #expect(recent.kept(for: 3) == "body 3")
    }
}
