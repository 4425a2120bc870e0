import Law
import Money
import Testing

@Suite struct BelgiumTests {
    let belgium = Shipped.belgium

    /// netherlands-law.md section 7: the brackets of art. XIX.4 WER.
    @Test(arguments: [
        ("100.00", "20.00"), ("150.00", "20.00"), ("150.01", "30.00"), ("200.00", "35.00"), ("500.00", "65.00"),
        ("500.01", "65.00"), ("1000.00", "90.00"), ("10000.00", "540.00"), ("100000.00", "2000.00"),
    ])
    func flatDamageCaps(balance: String, expected: String) throws {
        let result = try belgium.collectionCosts(principals: [euros(balance)], debtor: .consumer, addVAT: false, on: day("2025-01-01"))
        #expect(result.costs == euros(expected))
    }

    @Test func businessClaimsAndInterestAreNotCovered() {
        #expect(throws: LawError.self) {
            try belgium.collectionCosts(principals: [euros("100.00")], debtor: .business, addVAT: false, on: day("2025-01-01"))
        }
        #expect(throws: LawError.self) {
            try belgium.statutoryInterest(kind: .consumer, principal: euros("1.00"), from: day("2025-01-01"), through: day("2025-02-01"))
        }
    }

    /// Both countries answer through the same protocol.
    @Test func jurisdictionsAreInterchangeable() throws {
        let jurisdictions: [any Jurisdiction] = [Shipped.netherlands, belgium]
        let fees = try jurisdictions.map {
            try $0.collectionCosts(principals: [euros("1000.00")], debtor: .consumer, addVAT: false, on: day("2025-01-01")).costs
        }
        #expect(fees == [euros("150.00"), euros("90.00")])
    }
}
