import Testing

@testable import Operations

/// The Bloom filter an import keeps of the ids it has met (`SeenIDs`): never a false "not seen",
/// and few false "may have seen".
@Suite struct SeenIDsTests {
    @Test(arguments: [1, 1_000, 200_000])
    func everyInsertedIDIsSeenAndFewOthersAre(expected: Int) {
        var seen = SeenIDs(expected: expected)
        var generator = SystemRandomNumberGenerator()
        let inserted = (0..<expected).map { "ACME/INV-\($0)-\(generator.next() % 1_000_000)" }
        for id in inserted { seen.insert(id) }
        #expect(inserted.allSatisfy(seen.mayContain))
        let others = (0..<100_000).map { "ACME/OTHER-\($0)" }
        let falsePositives = others.filter(seen.mayContain).count
        // About 1 % expected at ten bits an id; the filter is never smaller than 65,536 bits.
        #expect(falsePositives < 3_000, "\(falsePositives) of 100,000 ids never inserted answered true")
    }

    @Test func anOverfullFilterStillSeesEveryInsertedID() {
        var seen = SeenIDs(expected: 10)
        let inserted = (0..<50_000).map { "D-\($0)" }
        for id in inserted { seen.insert(id) }
        #expect(inserted.allSatisfy(seen.mayContain))
    }
}
