import SpoolCore
import SpoolState
import Testing

@Suite struct InMemoryReadMarkStoreTests {
    @Test func discussionsKeepSeparateMarks() {
        let store = InMemoryReadMarkStore()
        let a = StableKey(rawValue: "h:1")
        store.save([a], in: "one.txt")
        #expect(store.readKeys(in: "one.txt") == [a])
        #expect(store.readKeys(in: "two.txt").isEmpty)
        store.save([], in: "one.txt")
        #expect(store.readKeys(in: "one.txt").isEmpty)
    }
}
