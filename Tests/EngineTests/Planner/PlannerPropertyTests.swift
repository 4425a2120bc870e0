import Domain
import Engine
import Law
import Money
import PropertyBased
import Testing

@Suite("Daily planner properties")
struct PlannerPropertyTests {
    static let entries = [
        "pay 50.00", "pay all", "dispute", "dispute-resolved rejected", "help", "replied",
        "arrangement income=1800.00 household=single fixed=100.00", "deferral 30", "counselling Gemeente",
        "counselling-ended", "vulnerable", "reviewed allowed", "reviewed refused", "dispute-resolved upheld",
        "counselling Gemeente no-consent", "deferral 200", "withdrawn", "pay 300.00",
        "arrangement income=4000.00 household=couple fixed=300.00",
    ]

    /// A random scenario: one to three claims, a consumer or a business, a few responses on random days.
    static func scenario(amounts: [Int64], kind: DebtorKind, events: [(Int, Int)]) -> Scenario {
        var text = "scenario: random\ndebtor: \(kind.rawValue)\nopen: 2026-02-02\nuntil: 2026-07-31\n"
        for (index, cents) in amounts.enumerated() {
            text += "claim: F-\(index) due 2026-01-\(10 + index) amount \(Money(cents: cents))\n"
        }
        for (offset, entry) in events {
            text += "\(Day(iso: "2026-02-02")!.adding(days: offset)) \(entries[entry])\n"
        }
        return Scenario(text)
    }

    @Test("property: across random histories, contacts keep the cap and the calendar, costs stay lawful, freezes hold")
    func randomHistories() async {
        let amounts = Gen.int64(in: 20_00...20_000_00).array(of: 1...3)
        let events = zip(Gen.int(in: 0...170), Gen.int(in: 0...(Self.entries.count - 1))).array(of: 0...8)
        await propertyCheck(count: 80, input: amounts, Gen<DebtorKind>.case, events) { amounts, kind, events in
            var runner = ScenarioRunner(Self.scenario(amounts: amounts, kind: kind, events: events))
            runner.run()
            let policy = ContactPolicy.standard
            for message in runner.outbox {
                #expect(ContactPolicy.isContactDay(message.plannedDay), "\(message.plannedDay) is a Sunday or holiday")
                if let window = policy.windows[message.channel] { #expect(window.contains(message.window)) }
            }
            for record in runner.history {
                for end in 0..<7 {
                    #expect(ContactPolicy.contactsInWeek(endingOn: record.day.adding(days: end), history: runner.history)
                            <= policy.contactsPerWeekMax)
                }
            }
            // Every event the social report reads keeps its payload contract (docs/journal-payloads.md),
            // and freezes alternate start, end, start, ... without overlapping.
            let reportTypes: Set<JournalEventType> = [.arrangementAgreed, .freezeStarted, .freezeEnded, .screened, .referred, .closed]
            for event in runner.journal where reportTypes.contains(event.type) {
                #expect(throws: Never.self) { _ = try ReportEvent(validating: event) }
            }
            let freezeEvents = runner.journal.filter { $0.type == .freezeStarted || $0.type == .freezeEnded }.map(\.type)
            #expect(zip(freezeEvents, freezeEvents.dropFirst()).allSatisfy { $0 != $1 })
            #expect(freezeEvents.first.map { $0 == .freezeStarted } ?? true)
            if runner.dossier.state == .closed { #expect(freezeEvents.last.map { $0 == .freezeEnded } ?? true) }
            #expect(runner.journal.filter { $0.type == .closed }.count <= 1)
            #expect(runner.journal.filter { $0.type == .referred && $0.payload["kind"] == "debtCounselling" }.count <= 1)
            // The lifecycle holds: a closure exactly when closed, nothing after closing, the ledger balances.
            #expect((runner.dossier.state == .closed) == (runner.dossier.closure != nil))
            if let closure = runner.dossier.closure { #expect(!runner.journal.contains { $0.day > closure.day }) }
            #expect(runner.balances.total.isZero)
            let costs = -runner.balances[.costs]
            let statutory = try! CostCharging.statutoryAmount(claims: runner.claims, kind: kind, on: Day(iso: "2026-07-31")!,
                                                              law: ScenarioRunner.law)
            #expect(costs <= statutory)
            #expect(runner.journal.filter { $0.type == .costsCharged }.count <= 1)
            // Interest booked equals the statutory interest less what the freezes avoided, through the last booked day.
            if let start = runner.progress.collectionStartDay, let through = runner.progress.interestBookedThrough {
                let accrual = try! InterestAccrual.compute(claims: runner.claims, kind: kind, collectionStart: start,
                                                           freezes: runner.progress.freezes, repayments: runner.progress.repayments,
                                                           through: through, law: ScenarioRunner.law)
                #expect(-runner.balances[.interest] == accrual.chargeable)
            }
        }
    }
}
