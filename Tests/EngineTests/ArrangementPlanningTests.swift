import Engine
import Money
import PropertyBased
import Testing

@Suite struct ArrangementPlanningTests {
    let first = Day(iso: "2025-02-01")!

    /// 1,000.00 at most 120.00 a month: 9 months needed, spread evenly at 111.12 (the last 111.04).
    @Test func instalmentsAreSpreadEvenlyWithinCapacity() {
        guard case .plan(let terms) = ArrangementPlanner.propose(
            total: Money(cents: 100_000), capacity: Money(cents: 12_000), maxMonths: 12, firstDueDay: first)
        else { Issue.record("expected a plan"); return }
        #expect(terms.months == 9)
        #expect(terms.monthlyInstalment == Money(cents: 11_112))
        #expect(terms.schedule.last?.amount == Money(cents: 11_104))
        #expect(terms.schedule.map(\.dueDay.description).prefix(3) == ["2025-02-01", "2025-03-01", "2025-04-01"])
    }

    @Test func tooLittleCapacityAdvisesDeferralAndHelp() {
        let tooLong = ArrangementPlanner.propose(
            total: Money(cents: 500_000), capacity: Money(cents: 10_000), maxMonths: 12, firstDueDay: first)
        guard case .deferAndRefer = tooLong else { Issue.record("expected deferral"); return }
        let none = ArrangementPlanner.propose(total: Money(cents: 5_000), capacity: .zero, maxMonths: 12, firstDueDay: first)
        guard case .deferAndRefer = none else { Issue.record("expected deferral"); return }
    }

    /// Never above capacity, never longer than the mandate, and the schedule pays exactly the total.
    @Test func plansRespectCapacityAndMandate() async {
        await propertyCheck(
            count: 500, input: Gen.int(in: 100...2_000_000), Gen.int(in: 0...100_000), Gen.int(in: 1...36)
        ) { totalCents, capacityCents, maxMonths in
            let advice = ArrangementPlanner.propose(
                total: Money(cents: Int64(totalCents)), capacity: Money(cents: Int64(capacityCents)), maxMonths: maxMonths,
                firstDueDay: first)
            if case .plan(let terms) = advice {
                #expect(terms.monthlyInstalment <= Money(cents: Int64(capacityCents)))
                #expect(terms.months <= maxMonths)
                #expect(Money.sum(terms.schedule.map(\.amount)) == Money(cents: Int64(totalCents)))
                #expect(terms.schedule.allSatisfy { $0.amount.isPositive })
            }
        }
    }

    /// Remind three days before, three after, warn at 14, break at 28 days after a missed due day.
    @Test func monitoringRemindsWarnsAndBreaks() {
        let terms = ArrangementTerms(total: Money(cents: 30_000), monthlyInstalment: Money(cents: 10_000), months: 3, firstDueDay: first)
        func signals(_ day: String, paid cents: Int64) -> [ArrangementSignal] {
            ArrangementMonitor.signals(terms: terms, paid: Money(cents: cents), on: Day(iso: day)!)
        }
        #expect(signals("2025-01-29", paid: 0) == [.remindBeforeDue(instalment: 1)])
        #expect(signals("2025-02-04", paid: 0) == [.remindAfterMissed(instalment: 1)])
        #expect(signals("2025-02-15", paid: 0) == [.warnBeforeBreaking(instalment: 1, breaksOn: Day(iso: "2025-03-01")!)])
        let warned = [SentSignal(instalment: 1, kind: .warning, day: Day(iso: "2025-02-15")!)]
        #expect(
            ArrangementMonitor.signals(terms: terms, paid: .zero, on: Day(iso: "2025-03-01")!, sent: warned)
                == [.broken(instalment: 1)])
        #expect(signals("2025-03-01", paid: 10_000) == [])
        #expect(signals("2025-02-26", paid: 10_000) == [.remindBeforeDue(instalment: 2)])
        #expect(signals("2025-04-10", paid: 30_000) == [.kept])
    }
}
