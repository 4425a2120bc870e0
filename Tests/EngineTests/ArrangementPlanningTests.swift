import Engine
import Money
import PropertyBased
import Testing

@Suite struct ArrangementPlanningTests {
    let first = Day(iso: "2025-02-01")!

    /// The plan proposed for `totalCents` within `capacityCents` a month, or nil (recorded) without one.
    func plan(_ totalCents: Int64, capacity capacityCents: Int64, maxMonths: Int = 12,
              sourceLocation: SourceLocation = #_sourceLocation) -> ArrangementTerms? {
        let advice = ArrangementPlanner.propose(
            total: Money(cents: totalCents), capacity: Money(cents: capacityCents), maxMonths: maxMonths, firstDueDay: first)
        guard case .plan(let terms) = advice else {
            Issue.record("expected a plan, got \(advice)", sourceLocation: sourceLocation)
            return nil
        }
        return terms
    }

    /// 1,000.00 with 480.00 of capacity: the sustainable quarter is 120.00, so 9 months, spread evenly
    /// at 111.12 (the last 111.04); the other 360.00 a month stays with the debtor.
    @Test func instalmentsAreSpreadEvenlyAtTheSustainableShare() {
        guard let terms = plan(100_000, capacity: 48_000) else { return }
        #expect(ArrangementPlanner.sustainableInstalment(capacity: Money(cents: 48_000)) == Money(cents: 12_000))
        #expect(terms.months == 9)
        #expect(terms.monthlyInstalment == Money(cents: 11_112))
        #expect(terms.schedule.last?.amount == Money(cents: 11_104))
        #expect(terms.schedule.map(\.dueDay.description).prefix(3) == ["2025-02-01", "2025-03-01", "2025-04-01"])
    }

    /// 1,000.00 with 120.00 of capacity: 30.00 a month would take 34 months, more than the mandate's 12,
    /// so the plan takes the 12 months at the lowest even instalment, 83.34 (the last 83.26), within capacity.
    @Test func theMandatesMonthsRaiseTheInstalmentTowardsCapacity() {
        guard let terms = plan(100_000, capacity: 12_000) else { return }
        #expect(terms.months == 12)
        #expect(terms.monthlyInstalment == Money(cents: 8_334))
        #expect(terms.schedule.last?.amount == Money(cents: 8_326))
    }

    /// A small claim is not stretched below the minimum instalment: 25.00 with 20.00 of capacity
    /// (sustainable 5.00) pays 10.00, 10.00 and 5.00.
    @Test func theMinimumInstalmentBoundsTheSustainableShare() {
        guard let terms = plan(2_500, capacity: 2_000) else { return }
        #expect(terms.months == 3)
        #expect(terms.monthlyInstalment == Money(cents: 1_000))
        #expect(terms.schedule.map(\.amount) == [Money(cents: 1_000), Money(cents: 1_000), Money(cents: 500)])
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

    /// When the sustainable share pays the total within the mandate's months, the instalment stays
    /// within it (or at the minimum instalment); when it does not, the plan asks no more than the
    /// lowest even instalment that pays within the mandate. A plan is refused only when even the
    /// full capacity would take longer than the mandate allows.
    @Test func plansKeepToTheSustainableShareWhenItFits() async {
        await propertyCheck(
            count: 500, input: Gen.int(in: 100...2_000_000), Gen.int(in: 1_000...100_000), Gen.int(in: 1...36)
        ) { totalCents, capacityCents, maxMonths in
            let total = Money(cents: Int64(totalCents))
            let capacity = Money(cents: Int64(capacityCents))
            let floor = Money.min(ArrangementPlanner.minimumInstalment, total)
            let target = Money.max(ArrangementPlanner.sustainableInstalment(capacity: capacity), floor)
            func months(at instalment: Money) -> Int { Int((total.cents + instalment.cents - 1) / instalment.cents) }
            let advice = ArrangementPlanner.propose(total: total, capacity: capacity, maxMonths: maxMonths, firstDueDay: first)
            guard case .plan(let terms) = advice else {
                #expect(months(at: capacity) > maxMonths)
                return
            }
            if months(at: target) <= maxMonths {
                #expect(terms.monthlyInstalment <= target)
            } else {
                let lowestWithinMandate = Money(cents: (total.cents + Int64(maxMonths) - 1) / Int64(maxMonths))
                #expect(terms.monthlyInstalment == Money.max(lowestWithinMandate, floor))
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
