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
        let result = try belgium.collectionCosts(
            principals: [euros(balance)], debtor: .consumer, addVAT: false, on: day("2025-01-01"))
        #expect(result.costs == euros(expected))
    }

    @Test func businessClaimsAndInterestAreNotCovered() {
        #expect(throws: LawError.self) {
            try belgium.collectionCosts(
                principals: [euros("100.00")], debtor: .business, addVAT: false, on: day("2025-01-01"))
        }
        #expect(throws: LawError.self) {
            try belgium.statutoryInterest(
                kind: .consumer, principal: euros("1.00"), from: day("2025-01-01"), through: day("2025-02-01"))
        }
    }

    /// Both countries answer through the same protocol.
    @Test func jurisdictionsAreInterchangeable() throws {
        let jurisdictions: [any Jurisdiction] = [Shipped.netherlands, belgium]
        let fees = try jurisdictions.map {
            try $0.collectionCosts(
                principals: [euros("1000.00")], debtor: .consumer, addVAT: false, on: day("2025-01-01")
            ).costs
        }
        #expect(fees == [euros("150.00"), euros("90.00")])
    }

    /// Art. XIX.2: the first reminder free; regular supply three free, then at most 7.50 + postage.
    @Test func remindersAreFreeAsBookXIXSays() {
        let fees = belgium.reminderFees
        #expect(fees.maximumFee(reminder: 1, contract: .standard) == .zero)
        #expect(fees.maximumFee(reminder: 2, contract: .standard) == .zero)
        #expect(fees.maximumFee(reminder: 3, contract: .regularSupply) == .zero)
        #expect(fees.maximumFee(reminder: 4, contract: .regularSupply) == euros("7.50"))
    }

    /// Book XIX art. XIX.2: after a first reminder by post the waiting period starts on the third
    /// working day; damages only after 14 days. Sent Monday 2025-03-03: working days Tue 4, Wed 5,
    /// Thu 6 -> waiting 6..19 March (Wednesday), damages from 20 March.
    @Test func damagesOnlyAfterTheWaitingPeriod() throws {
        let first = try belgium.firstDayCostsMayBeCharged(reminderSent: day("2025-03-03"), by: .post, delivered: nil)
        #expect(first == day("2025-03-20"))
        let byEmail = try belgium.firstDayCostsMayBeCharged(reminderSent: day("2025-03-03"), by: .email, delivered: nil)
        #expect(byEmail == day("2025-03-18"))
    }
}
