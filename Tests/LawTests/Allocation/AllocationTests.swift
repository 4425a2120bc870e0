import Law
import Money
import PropertyBased
import Testing

@Suite struct AllocationTests {
    @Test func theExampleOfTheLawNotes() {
        let balance = DebtBalance(costs: Money(euros: 150), interest: Money(euros: 68), principal: Money(euros: 1000))
        let allocation = Allocation(payment: Money(euros: 300), to: balance)
        #expect(allocation.toCosts == Money(euros: 150))
        #expect(allocation.toInterest == Money(euros: 68))
        #expect(allocation.toPrincipal == Money(euros: 82))
        #expect(allocation.unallocated == .zero)
        #expect(allocation.remaining == DebtBalance(costs: .zero, interest: .zero, principal: Money(euros: 918)))
    }

    @Test func aSmallPaymentPaysCostsOnly() {
        let balance = DebtBalance(costs: Money(euros: 150), interest: Money(euros: 68), principal: Money(euros: 1000))
        let allocation = Allocation(payment: Money(cents: 10_050), to: balance)
        #expect(allocation.toCosts == Money(cents: 10_050))
        #expect(allocation.toInterest == .zero)
        #expect(allocation.remaining.costs == Money(cents: 4_950))
    }

    @Test func anOverpaymentIsLeftUnallocated() {
        let balance = DebtBalance(costs: Money(euros: 10), interest: Money(euros: 2), principal: Money(euros: 100))
        let allocation = Allocation(payment: Money(euros: 150), to: balance)
        #expect(allocation.allocated == Money(euros: 112))
        #expect(allocation.unallocated == Money(euros: 38))
        #expect(allocation.remaining == .zero)
    }

    static let balances = Gen.int(in: 0...500_000).array(of: 3).map { cents in
        DebtBalance(
            costs: Money(cents: Int64(cents[0])), interest: Money(cents: Int64(cents[1])),
            principal: Money(cents: Int64(cents[2])))
    }

    @Test func paymentIsConservedAndNothingGoesNegative() async {
        await propertyCheck(input: Self.balances, Gen.int(in: 0...2_000_000)) { balance, paymentCents in
            let payment = Money(cents: Int64(paymentCents))
            let allocation = Allocation(payment: payment, to: balance)
            #expect(allocation.allocated + allocation.unallocated == payment)
            #expect(allocation.allocated + allocation.remaining.total == balance.total)
            #expect(!allocation.unallocated.isPositive || allocation.remaining == .zero)
            // Art. 6:44: interest is paid only once costs are, principal only once interest is.
            #expect(allocation.toInterest.isZero || allocation.remaining.costs.isZero)
            #expect(allocation.toPrincipal.isZero || allocation.remaining.interest.isZero)
        }
    }
}
