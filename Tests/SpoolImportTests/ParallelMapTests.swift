import Testing

@testable import SpoolImport

@Suite struct ParallelMapTests {
    @Test(arguments: [0, 1, 4095, 4096 * 3 + 7, 100_003])
    func everyIndexIsMappedOnceAndInOrder(count: Int) {
        let mapped = ParallelMap.map(count: count) { "item \($0)" }
        #expect(mapped == (0..<count).map { "item \($0)" })
    }

    @Test func smallPartsStillShareTheWork() {
        let mapped = ParallelMap.map(count: 10, minimumPerPart: 1) { $0 * $0 }
        #expect(mapped == [0, 1, 4, 9, 16, 25, 36, 49, 64, 81])
    }
}
