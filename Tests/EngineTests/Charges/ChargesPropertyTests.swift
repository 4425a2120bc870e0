import Domain
import Engine
import Law
import Money
import PropertyBased
import Testing

@Suite("Interest, costs and freezes")
struct ChargesPropertyTests {
    static let law = ScenarioRunner.law
    static let start = Day(iso: "2024-01-01")!

    static func claims(_ amounts: [Int64], dueOffsets: [Int]) -> [Claim] {
        amounts.enumerated().map { index, cents in
            let due = start.adding(days: dueOffsets[index % dueOffsets.count])
            return Claim(clientID: Client.ID("ACME"), dossierID: Dossier.ID("ACME/D1#1"), invoiceNumber: "F-\(index)",
                         invoiceDay: due, dueDay: due, principal: Money(cents: cents), description: "x")
        }
    }

    @Test("the public example: interest on 1,000.00 from 2024-03-15 through 2026-03-14 is 127.80")
    func publicExample() throws {
        let claim = Claim(clientID: Client.ID("ACME"), dossierID: Dossier.ID("ACME/D1#1"), invoiceNumber: "F-1",
                          invoiceDay: Day(iso: "2024-03-14")!, dueDay: Day(iso: "2024-03-14")!, principal: Money(euros: 1000),
                          description: "x")
        let accrual = try InterestAccrual.compute(claims: [claim], kind: .consumer, collectionStart: Day(iso: "2024-03-15")!,
                                                  freezes: [], through: Day(iso: "2026-03-14")!, law: Self.law)
        #expect(accrual.chargeable == Money(cents: 12_780))
    }

    @Test("property: interest on a repaid part stops after the repayment day; the rest runs on")
    func repaymentsStopInterest() async {
        await propertyCheck(count: 60, input: Gen.int64(in: 100_00...50_000_00), Gen.int(in: 1...99), Gen.int(in: 1...400),
                            Gen<DebtorKind>.case) { cents, percent, offset, kind in
            let claim = Self.claims([cents], dueOffsets: [0])[0]
            let collectionStart = Self.start.adding(days: 1)
            let repaidDay = collectionStart.adding(days: offset)
            let part = Money(cents: cents * Int64(percent) / 100)
            guard part.isPositive else { return }
            let repayment = PrincipalRepayment(claimID: claim.id, day: repaidDay, amount: part)
            let later = repaidDay.adding(days: 200)
            func interest(_ principal: Money, _ repayments: [PrincipalRepayment], through day: Day) -> Money {
                let subject = Claim(clientID: claim.clientID, dossierID: claim.dossierID, invoiceNumber: claim.invoiceNumber,
                                    invoiceDay: claim.invoiceDay, dueDay: claim.dueDay, principal: principal, description: "x")
                return try! InterestAccrual.compute(claims: [subject], kind: kind, collectionStart: collectionStart, freezes: [],
                                                    repayments: repayments, through: day, law: Self.law).chargeable
            }
            // Up to the repayment day nothing changes.
            #expect(interest(claim.principal, [repayment], through: repaidDay) == interest(claim.principal, [], through: repaidDay))
            // After it: the repaid part's interest up to its day plus the rest's interest, within a
            // cent per rounded sub-period (the calculation rounds each sub-period of each amount).
            let rest = claim.principal - part
            let expected = (rest.isPositive ? interest(rest, [], through: later) : .zero) + interest(part, [], through: repaidDay)
            #expect(abs(interest(claim.principal, [repayment], through: later).cents - expected.cents) <= 4)
            #expect(interest(claim.principal, [repayment], through: later) <= interest(claim.principal, [], through: later))
        }
    }

    @Test("property: no interest accrues on a frozen day, and chargeable plus avoided is the statutory interest")
    func noInterestDuringAFreeze() async throws {
        let amounts = Gen.int64(in: 1_00...50_000_00).array(of: 1...3)
        await propertyCheck(count: 60, input: amounts, Gen.int(in: 0...200), Gen.int(in: 1...300), Gen.int(in: 0...60),
                            Gen<DebtorKind>.case) { amounts, freezeOffset, freezeDays, dueOffset, kind in
            let claims = Self.claims(amounts, dueOffsets: [dueOffset])
            let collectionStart = Self.start.adding(days: 30)
            let from = collectionStart.adding(days: freezeOffset)
            let freeze = Freeze(kind: .dispute, from: from, through: from.adding(days: freezeDays - 1))
            func accrual(_ day: Day) -> InterestAccrual {
                try! InterestAccrual.compute(claims: claims, kind: kind, collectionStart: collectionStart, freezes: [freeze],
                                             through: day, law: Self.law)
            }
            let before = accrual(from.adding(days: -1)).chargeable
            for day in [from, from.adding(days: freezeDays / 2), from.adding(days: freezeDays - 1)] {
                #expect(accrual(day).chargeable == before)
            }
            let unfrozen = try! InterestAccrual.compute(claims: claims, kind: kind, collectionStart: collectionStart, freezes: [],
                                                        through: from.adding(days: freezeDays + 30), law: Self.law)
            let frozen = accrual(from.adding(days: freezeDays + 30))
            #expect(frozen.chargeable + frozen.avoided == unfrozen.chargeable)
            #expect(!frozen.avoided.isNegative)
        }
    }

    @Test("property: costs are charged only after the term, never above the statutory amount, and only once")
    func costsNeverExceedTheStatutoryAmount() async {
        let amounts = Gen.int64(in: 1_00...2_000_000_00).array(of: 1...4)
        await propertyCheck(count: 200, input: amounts, Gen.int(in: -20...40), Gen<DebtorKind>.case,
                            Gen.int64(in: 0...200_00)) { amounts, dayOffset, kind, earlierCents in
            let claims = Self.claims(amounts, dueOffsets: [0])
            let sent = Day(iso: "2026-03-06")!
            let term = try! Self.law.reminderTerm(posted: sent, delivered: nil)
            let letter = ReminderLetterRecord(sentDay: sent, channel: .post, costsDueFrom: term.costsDueFrom)
            let day = term.costsDueFrom.adding(days: dayOffset)
            let earlier = earlierCents > 0 ? [CostCharge(day: day.adding(days: -30), amount: Money(cents: earlierCents))] : []
            let due = try! CostCharging.due(claims: claims, kind: kind, letter: letter, alreadyCharged: false, frozen: false,
                                            earlierCharges: earlier, on: day, law: Self.law)
            let statutory = try! CostCharging.statutoryAmount(claims: claims, kind: kind, on: day, law: Self.law)
            if let due { #expect(due <= statutory && due.isPositive) }
            if kind == .consumer && day < term.costsDueFrom { #expect(due == nil) }
            #expect(try! CostCharging.due(claims: claims, kind: kind, letter: letter, alreadyCharged: true, frozen: false,
                                          earlierCharges: earlier, on: day, law: Self.law) == nil)
        }
    }
}
