import Law
import Money
import PropertyBased
import Testing

@Suite struct PaymentAllocationTests {
    static let payday = Day(iso: "2025-06-01")!

    static func debt(
        _ id: String, due: String, principal: Int64, interest: Int64 = 0, costs: Int64 = 0,
        kind: RunningInterest = .consumer
    ) -> OutstandingDebt {
        OutstandingDebt(
            id: id, due: Day(iso: due)!,
            balance: DebtBalance(
                costs: Money(euros: costs), interest: Money(euros: interest), principal: Money(euros: principal)),
            interestKind: kind)
    }

    func paid(_ result: PaymentAllocation) -> [String: Money] {
        Dictionary(uniqueKeysWithValues: result.debts.map { ($0.id, $0.allocated) })
    }

    @Test func aDesignatedDebtComesFirstEvenWhenNotDue() throws {
        let debts = [
            Self.debt("INV-1", due: "2024-01-31", principal: 1000, interest: 68, costs: 150, kind: .commercial),
            Self.debt("INV-2", due: "2025-09-01", principal: 200),
        ]
        let result = try PaymentAllocation.allocate(
            Money(euros: 300), on: Self.payday, to: debts, designatedDebt: "INV-2")
        #expect(result.order == ["INV-2", "INV-1"])
        #expect(paid(result) == ["INV-2": Money(euros: 200), "INV-1": Money(euros: 100)])
        #expect(result.debts[0].toCosts == Money(euros: 100))
    }

    @Test func dueDebtsComeBeforeDebtsNotYetDue() throws {
        let debts = [
            Self.debt("LATER", due: "2025-07-01", principal: 500, costs: 40, kind: .commercial),
            Self.debt("NOW", due: "2025-06-01", principal: 100, kind: .none),
        ]
        let result = try PaymentAllocation.allocate(Money(euros: 120), on: Self.payday, to: debts)
        #expect(result.order == ["NOW", "LATER"])
        #expect(paid(result) == ["NOW": Money(euros: 100), "LATER": Money(euros: 20)])
    }

    @Test func theMostOnerousDueDebtComesFirst() throws {
        let debts = [
            Self.debt("OLD-NONE", due: "2023-01-01", principal: 100, kind: .none),
            Self.debt("CONSUMER-NO-COSTS", due: "2024-01-01", principal: 100, kind: .consumer),
            Self.debt("CONSUMER-COSTS", due: "2025-01-01", principal: 100, costs: 15, kind: .consumer),
            Self.debt("COMMERCIAL", due: "2025-05-01", principal: 100, kind: .commercial),
        ]
        let result = try PaymentAllocation.allocate(Money(euros: 250), on: Self.payday, to: debts)
        #expect(result.order == ["COMMERCIAL", "CONSUMER-COSTS", "CONSUMER-NO-COSTS", "OLD-NONE"])
        #expect(
            paid(result) == [
                "COMMERCIAL": Money(euros: 100), "CONSUMER-COSTS": Money(euros: 115),
                "CONSUMER-NO-COSTS": Money(euros: 35),
                "OLD-NONE": .zero,
            ])
    }

    @Test func equallyOnerousDebtsGoOldestFirst() throws {
        let debts = [
            Self.debt("B", due: "2024-03-01", principal: 100),
            Self.debt("A", due: "2024-02-01", principal: 100),
        ]
        let result = try PaymentAllocation.allocate(Money(euros: 150), on: Self.payday, to: debts)
        #expect(result.order == ["A", "B"])
        #expect(paid(result) == ["A": Money(euros: 100), "B": Money(euros: 50)])
        #expect(result.debts.map(\.id) == ["B", "A"])  // debts keep the input order
    }

    @Test func tiedDebtsShareProRataExactToTheCent() throws {
        // Totals 100, 200 and 300 share 100.00: 16.666..., 33.333..., 50.00; the cent goes by largest remainder.
        let debts = [
            Self.debt("X", due: "2024-01-01", principal: 100),
            Self.debt("Y", due: "2024-01-01", principal: 200),
            Self.debt("Z", due: "2024-01-01", principal: 300),
        ]
        let result = try PaymentAllocation.allocate(Money(euros: 100), on: Self.payday, to: debts)
        #expect(result.order == ["X", "Y", "Z"])
        #expect(paid(result) == ["X": Money(cents: 1_667), "Y": Money(cents: 3_333), "Z": Money(euros: 50)])
        #expect(result.unallocated == .zero)
    }

    @Test func aProRataShareIsAppliedCostsFirstWithinEachDebt() throws {
        let debts = [
            Self.debt("P", due: "2024-01-01", principal: 90, costs: 10),
            Self.debt("Q", due: "2024-01-01", principal: 90, costs: 10),
        ]
        let result = try PaymentAllocation.allocate(Money(euros: 30), on: Self.payday, to: debts)
        #expect(result.debts.map(\.toCosts) == [Money(euros: 10), Money(euros: 10)])
        #expect(result.debts.map(\.toPrincipal) == [Money(euros: 5), Money(euros: 5)])
    }

    @Test func anOverpaymentIsLeftUnallocated() throws {
        let debts = [Self.debt("A", due: "2024-01-01", principal: 100, interest: 5)]
        let result = try PaymentAllocation.allocate(Money(euros: 120), on: Self.payday, to: debts)
        #expect(result.unallocated == Money(euros: 15))
        #expect(result.debts[0].remaining == .zero)
    }

    @Test func badRequestsSayWhy() {
        let debts = [
            Self.debt("A", due: "2024-01-01", principal: 100), Self.debt("A", due: "2024-02-01", principal: 5),
        ]
        #expect(throws: AllocationError.duplicateDebtID("A")) {
            try PaymentAllocation.allocate(Money(euros: 1), on: Self.payday, to: debts)
        }
        #expect(throws: AllocationError.unknownDesignatedDebt("B")) {
            try PaymentAllocation.allocate(Money(euros: 1), on: Self.payday, to: [debts[0]], designatedDebt: "B")
        }
    }

    static let debtLists = Gen.int(in: 0...4).array(of: 6).array(of: 0...6).map { rows in
        rows.enumerated().map { index, row in
            OutstandingDebt(
                id: "D\(index)", due: payday.adding(days: (row[0] - 2) * 30),
                balance: DebtBalance(
                    costs: Money(cents: Int64(row[1] * row[5] * 1_237)), interest: Money(cents: Int64(row[2] * 991)),
                    principal: Money(cents: Int64(row[3] * 25_013 + row[5]))),
                interestKind: RunningInterest.allCases[row[4] % 3])
        }
    }

    @Test func paymentsAreConservedAndNothingGoesNegative() async {
        await propertyCheck(input: Self.debtLists, Gen.int(in: 0...300_000), Gen.int(in: -1...6)) {
            debts, cents, designated in
            let payment = Money(cents: Int64(cents))
            let designatedDebt = designated >= 0 && designated < debts.count ? "D\(designated)" : nil
            let result = try PaymentAllocation.allocate(
                payment, on: Self.payday, to: debts, designatedDebt: designatedDebt)
            let allocated = Money.sum(result.debts.map(\.allocated))
            #expect(allocated <= payment)
            #expect(allocated + result.unallocated == payment)
            #expect(Set(result.order) == Set(debts.map(\.id)) && result.order.count == debts.count)
            for (debt, share) in zip(debts, result.debts) {
                #expect(share.id == debt.id)
                #expect(share.allocated + share.remaining.total == debt.balance.total)
                for part in [share.toCosts, share.toInterest, share.toPrincipal] { #expect(!part.isNegative) }
                #expect(
                    share.remaining.costs <= debt.balance.costs && share.remaining.interest <= debt.balance.interest)
            }
            // Money is left over only when every debt is paid in full.
            #expect(result.unallocated.isZero || result.debts.allSatisfy { $0.remaining == .zero })
        }
    }
}
