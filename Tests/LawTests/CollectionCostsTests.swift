import Law
import Money
import PropertyBased
import Testing

@Suite struct CollectionCostsTests {
    let netherlands = Shipped.netherlands
    let today = day("2025-06-01")

    func costs(_ principals: String..., vat: Bool = false) -> CollectionCosts {
        try! netherlands.collectionCosts(principals: principals.map(euros), debtor: .consumer, addVAT: vat, on: today)
    }

    /// netherlands-law.md section 1, the public examples.
    @Test(arguments: [
        ("100.00", "40.00"), ("2500.00", "375.00"), ("3000.00", "425.00"), ("10000.00", "875.00"),
        ("250000.00", "3025.00"), ("1000000.00", "6775.00"), ("5000000.00", "6775.00"),
    ])
    func publicExamples(principal: String, expected: String) {
        #expect(costs(principal).costs == euros(expected))
    }

    @Test func vatIsAddedOnTop() {
        let result = costs("100.00", vat: true)
        #expect(result.vat == euros("8.40"))
        #expect(result.costsIncludingVAT == euros("48.40"))
        #expect(result.limitApplied == .minimum)
    }

    /// Lid 7: one fee over the sum of the invoices, not one per invoice.
    @Test func invoicesOfOneCreditorAreAggregated() {
        let result = costs("100.00", "150.00", "200.00")
        #expect(result.principal == euros("450.00"))
        #expect(result.costs == euros("67.50"))
    }

    /// Rounding happens once over the exact sum of slices: 2,500.03 gives 375.00 + 0.003 -> 375.00.
    @Test func slicesAreRoundedOnce() {
        #expect(costs("2500.03").costs == euros("375.00"))
        #expect(costs("2500.05").costs == euros("375.01"))  // 375.005 half-up
        #expect(costs("333.37").costs == euros("50.01"))  // 50.0055 -> 50.01
    }

    @Test func costsAreMonotoneAndBounded() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...200_000_000_00), Gen.int(in: 0...1_000_000)) {
            cents, step in
            let lower = costs(Money(cents: Int64(cents)).description).costs
            let higher = costs(Money(cents: Int64(cents + step)).description).costs
            #expect(lower <= higher)
            #expect(lower >= euros("40.00") && lower <= euros("6775.00"))
        }
    }

    @Test func noRulesBeforeTheBesluit() {
        #expect(throws: LawError.noRulesInForce(day("2012-06-30"))) {
            try netherlands.collectionCosts(
                principals: [euros("1.00")], debtor: .consumer, addVAT: false, on: day("2012-06-30"))
        }
    }

    /// The Wki cap: EUR 140 per rolling six months for claims with a monthly amount below 266.67.
    @Test func smallRecurringClaimsAreCapped() throws {
        let rules = try netherlands.costRules(on: day("2025-01-10"))
        let earlier = [
            CostCharge(day: day("2024-10-15"), amount: euros("40.00")),
            CostCharge(day: day("2024-12-01"), amount: euros("80.00")),
        ]
        let allowed = SmallRecurringClaimCap.allowed(
            proposed: euros("40.00"), monthlyAmount: euros("50.00"), earlierCharges: earlier, on: day("2025-01-10"),
            rules: rules)
        #expect(allowed == euros("20.00"))
        // Six months after the first charge it has left the window.
        let later = SmallRecurringClaimCap.allowed(
            proposed: euros("40.00"), monthlyAmount: euros("50.00"), earlierCharges: earlier, on: day("2025-04-15"),
            rules: rules)
        #expect(later == euros("40.00"))
        // A monthly amount at the threshold is not capped.
        let large = SmallRecurringClaimCap.allowed(
            proposed: euros("40.00"), monthlyAmount: euros("266.67"), earlierCharges: earlier, on: day("2025-01-10"),
            rules: rules)
        #expect(large == euros("40.00"))
        // Before the Wki the cap does not exist.
        let before = SmallRecurringClaimCap.allowed(
            proposed: euros("40.00"), monthlyAmount: euros("50.00"), earlierCharges: earlier, on: day("2024-09-30"),
            rules: try netherlands.costRules(on: day("2024-09-30")))
        #expect(before == euros("40.00"))
    }
}
