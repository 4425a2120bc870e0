import Money
import PropertyBased
import Testing

@Suite struct MoneySplitTests {
    /// The parts of `cents` split over weights given in cents, as cents.
    static func split(_ cents: Int64, over weightCents: [Int64]) -> [Int64] {
        Money(cents: cents).split(proportionalTo: weightCents.map { Money(cents: $0) }).map(\.cents)
    }

    @Test func splitsByLargestRemainder() {
        #expect(Self.split(100, over: [1, 1, 1]) == [34, 33, 33])
        #expect(Self.split(10_000, over: [0, 300, 0, 100]) == [0, 7_500, 0, 2_500])
        // 101 over 1:2:3 is 16.83, 33.67, 50.5: the two largest remainders take the two spare cents.
        #expect(Self.split(101, over: [1, 2, 3]) == [17, 34, 50])
    }

    /// Regression: a negative amount was split into truncated parts and the leftover cents were
    /// dropped, so -100 over 1:1:1 gave -33, -33, -33 (summing to -99).
    @Test func negativeAmountSplitStillAddsUp() {
        #expect(Self.split(-100, over: [1, 1, 1]) == [-34, -33, -33])
    }

    @Test func withoutAnyWeightEveryPartIsZero() {
        #expect(Money(cents: 500).split(proportionalTo: [.zero, .zero]) == [.zero, .zero])
        #expect(Money(cents: 500).split(proportionalTo: []) == [])
    }

    @Test func splitProperties() async {
        let amounts = Gen.int64(in: -1_000_000_000_000...1_000_000_000_000)
        let weights = Gen.int64(in: 0...1_000_000_000).array(of: 1...12)
        await propertyCheck(count: 500, input: amounts, weights) { cents, weightCents in
            let total = weightCents.reduce(Int128(0)) { $0 + Int128($1) }
            let parts = Money(cents: cents).split(proportionalTo: weightCents.map { Money(cents: $0) })
            #expect(parts.count == weightCents.count)
            if total == 0 {
                #expect(parts.allSatisfy { $0.isZero })
                return
            }
            #expect(Money.sum(parts) == Money(cents: cents), "parts add up to the whole")
            for (part, weight) in zip(parts, weightCents) {
                // The exact share is cents x weight / total; a part is less than one cent from it.
                let error = Int128(part.cents) * total - Int128(cents) * Int128(weight)
                #expect(error.magnitude < total.magnitude, "part \(part.cents) for weight \(weight)")
                if weight == 0 { #expect(part.isZero) }
            }
        }
    }

    /// Many zero weights next to a few small ones: zero weights still get nothing.
    @Test func zeroWeightsGetZero() async {
        let weights = Gen.int64(in: 0...3).array(of: 1...20)
        await propertyCheck(count: 500, input: Gen.int64(in: -10_000...10_000), weights) { cents, weightCents in
            for (part, weight) in zip(Self.split(cents, over: weightCents), weightCents) where weight == 0 {
                #expect(part == 0)
            }
        }
    }
}
