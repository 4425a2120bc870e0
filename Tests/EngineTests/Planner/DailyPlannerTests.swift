import Domain
import Engine
import Foundation
import Law
import Money
import Testing

@Suite("Daily planner")
struct DailyPlannerTests {
    static let text = """
        scenario: plain
        debtor: consumer
        claim: F-1 due 2026-01-05 amount 450.00
        open: 2026-02-02
        until: 2026-02-02
        """

    @Test("a dossier that is not due, or already stepped today, is unchanged")
    func notDue() {
        let runner = ScenarioRunner.ran(Self.text)
        let snapshot = runner.snapshot
        #expect(snapshot.dossier.nextActionDay == Day(iso: "2026-02-09")!)
        for day in [Day(iso: "2026-02-02")!, Day(iso: "2026-02-05")!, Day(iso: "2026-02-08")!] {
            let step = DailyPlanner.step(snapshot, on: day, context: runner.context)
            #expect(!step.changed && step.events.isEmpty && step.dossier == snapshot.dossier && step.progress == snapshot.progress)
        }
        #expect(DailyPlanner.step(snapshot, on: Day(iso: "2026-02-09")!, context: runner.context).changed)
    }

    @Test("progress survives a JSON round trip unchanged, as the store keeps it")
    func progressIsJSON() throws {
        let runner = ScenarioRunner.ran("""
            scenario: busy
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 900.00
            open: 2026-02-02
            until: 2026-04-10
            2026-03-02 arrangement income=1500.00 household=single fixed=200.00
            """)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(runner.progress)
        #expect(try JSONDecoder().decode(CollectionProgress.self, from: data) == runner.progress)
        #expect(runner.progress.arrangement != nil && runner.progress.openFreeze?.kind == .arrangement)
    }

    @Test("a business pays costs from the demand letter without waiting for the term")
    func businessCosts() {
        let runner = ScenarioRunner.ran("""
            scenario: business
            debtor: business
            claim: F-1 due 2026-01-05 amount 3000.00
            open: 2026-02-02
            until: 2026-02-20
            """)
        let costs = runner.journal.first { $0.type == .costsCharged }
        #expect(costs?.day == Day(iso: "2026-02-10")! && costs?.payload["amount"] == "425.00")
    }

    @Test("a help request pauses contact and sends debt-help information")
    func helpRequest() {
        let runner = ScenarioRunner.ran("""
            scenario: help
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 450.00
            open: 2026-02-02
            until: 2026-03-31
            2026-02-26 help
            """)
        let contacts = runner.journal.filter { $0.type == .contactPlanned }
        #expect(contacts.contains { $0.day == Day(iso: "2026-02-26")! && $0.payload["template"] == "debt-help" })
        #expect(!contacts.contains { $0.day > Day(iso: "2026-02-26")! && $0.day < Day(iso: "2026-03-12")! })
    }

    @Test("a deferral waits and then resumes collection after the 14-day letter")
    func deferral() {
        let runner = ScenarioRunner.ran("""
            scenario: deferral
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 450.00
            open: 2026-02-02
            until: 2026-04-30
            2026-03-02 deferral 30
            """)
        let types = runner.journal.filter { $0.day >= Day(iso: "2026-03-02")! }.map { "\($0.day) \($0.type.rawValue)" }
        #expect(types.contains("2026-03-02 deferralAgreed"))
        #expect(types.contains("2026-04-01 stateChanged"))
        #expect(!types.contains { $0.hasSuffix("contactPlanned") && $0 < "2026-04-01" })
        #expect(types.contains("2026-04-01 contactPlanned"))
    }

    @Test("a client's withdrawal closes the dossier")
    func withdrawal() {
        let runner = ScenarioRunner.ran("""
            scenario: withdrawn
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 450.00
            open: 2026-02-02
            until: 2026-02-20
            2026-02-10 withdrawn
            """)
        #expect(runner.dossier.state == .closed && runner.dossier.closure?.reason == .withdrawn)
        #expect(!runner.journal.contains { $0.day > Day(iso: "2026-02-10")! })
    }
}

@Suite("Daily planner: outcomes of responses")
struct ResponseOutcomeTests {
    @Test("an upheld dispute writes the claim off")
    func upheldDispute() {
        let runner = ScenarioRunner.ran("""
            scenario: upheld
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 450.00
            open: 2026-02-02
            until: 2026-03-31
            2026-02-12 dispute wrong
            2026-02-20 dispute-resolved upheld
            """)
        #expect(runner.dossier.closure?.reason == .writtenOff)
        #expect(runner.journal.contains { $0.type == .freezeEnded && $0.day == Day(iso: "2026-02-20")! })
    }

    @Test("without payment capacity an arrangement request defers and refers to debt help")
    func noCapacity() {
        let runner = ScenarioRunner.ran("""
            scenario: no capacity
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 450.00
            open: 2026-02-02
            until: 2026-03-10
            2026-03-02 arrangement income=1000.00 household=single fixed=100.00
            """)
        #expect(runner.dossier.state == .deferred)
        #expect(runner.journal.contains { $0.type == .deferralAgreed && $0.payload["until"] == "2026-05-31" })
        #expect(runner.outbox.contains { $0.template == "debt-help" })
        #expect(!runner.journal.contains { $0.type == .arrangementAgreed })
    }
}

@Suite("Daily planner: costs and arrangements")
struct CostsAndArrangementTests {
    @Test("a consumer who agrees a plan within the letter's term and keeps it pays no costs")
    func keptPlanWithinTheTerm() {
        let runner = ScenarioRunner.ran("""
            scenario: plan within the term
            debtor: consumer
            mandate: freeze=no
            claim: F-1 due 2026-01-05 amount 300.00
            open: 2026-02-02
            until: 2026-08-31
            2026-02-16 arrangement income=1300.00 household=single fixed=100.00
            2026-03-02 pay 50.05
            2026-04-02 pay 50.05
            2026-05-01 pay 50.05
            2026-06-02 pay 50.05
            2026-07-02 pay 50.05
            2026-08-03 pay all
            """)
        #expect(!runner.journal.contains { $0.type == .costsCharged })
        // Capacity 232.10, a quarter 58.02: 300.26 in six months of 50.05.
        #expect(runner.journal.contains {
            $0.type == .arrangementAgreed && $0.payload["months"] == "6" && $0.payload["monthlyInstalment"] == "50.05"
        })
        #expect(runner.dossier.closure?.reason == .paid)
    }

    @Test("a warning put off to the next permitted day gives the debtor its full term before the plan breaks")
    func deferredWarningMovesTheBreak() {
        // Agreed on a Sunday: the first instalment is due a Sunday, and so is its warning day
        // (14 days late), when nothing is sent; the warning goes on Monday and the break follows it.
        let runner = ScenarioRunner.ran("""
            scenario: warning on a Sunday
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 900.00
            open: 2026-02-02
            until: 2026-04-30
            2026-02-15 arrangement income=1300.00 household=single fixed=100.00
            """)
        let warning = runner.journal.first { $0.type == .contactPlanned && $0.payload["template"] == "arrangement-warning" }
        let signal = runner.journal.first { $0.type == .arrangementSignalled && $0.payload["signal"] == "arrangement-warning" }
        let broken = runner.journal.first { $0.type == .arrangementBroken }
        #expect(signal?.day == Day(iso: "2026-03-15")!)
        #expect(warning?.payload["plannedDay"] == "2026-03-16")
        #expect(signal?.payload["breaksOn"] == "2026-03-30")
        #expect(warning?.payload["deadline"] == "2026-03-30")
        #expect(broken?.day == Day(iso: "2026-03-30")!)
    }

    @Test("instalments that fall in a dispute are not missed: the rest of the plan starts again after it")
    func disputeDuringArrangement() {
        let runner = ScenarioRunner.ran("""
            scenario: dispute during a plan
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 900.00
            open: 2026-02-02
            until: 2026-07-31
            2026-03-02 arrangement income=1500.00 household=single fixed=200.00
            2026-03-16 pay 86.44
            2026-04-01 dispute wrong
            2026-05-20 dispute-resolved rejected
            """)
        #expect(!runner.journal.contains { $0.type == .arrangementBroken && $0.day <= Day(iso: "2026-06-03")! })
        let rescheduled = runner.journal.first { $0.type == .arrangementSignalled && $0.payload["signal"] == "rescheduled" }
        #expect(rescheduled?.day == Day(iso: "2026-05-20")! && rescheduled?.payload["firstDueDay"] == "2026-06-03")
        #expect(rescheduled?.payload["total"] == "950.73" && rescheduled?.payload["monthlyInstalment"] == "86.44")
        let freezes = runner.journal.filter { $0.type == .freezeStarted }.map { $0.payload["kind"] ?? "" }
        #expect(freezes == ["arrangement", "dispute", "arrangement"])
    }

    @Test("a strategy step whose wait ends on a Sunday or holiday is taken on the next contact day, not withheld on it")
    func stepsWaitForContactDays() {
        // Opened on each of 21 days around Easter and King's Day 2026, so the waits end on every weekday and holiday.
        var opened = Day(iso: "2026-03-30")!
        var templates: Set<[String]> = []
        for _ in 0..<21 {
            let runner = ScenarioRunner.ran("""
                scenario: opened \(opened)
                debtor: consumer
                claim: F-1 due 2026-03-02 amount 450.00
                open: \(opened)
                until: \(opened.adding(days: 150))
                """)
            let planned = runner.journal.filter { $0.type == .contactPlanned }
            #expect(!runner.journal.contains { $0.type == .contactWithheld }, "opened \(opened): \(runner.journalText)")
            #expect(planned.allSatisfy { ContactPolicy.isContactDay($0.day) }, "opened \(opened)")
            #expect(planned.contains { $0.payload["template"] == "letter-14" }, "opened \(opened): the 14-day letter went")
            templates.insert(planned.map { $0.payload["template"] ?? "" })
            opened = opened.adding(days: 1)
        }
        #expect(templates.count == 1, "the weekday a dossier opens on changes no step: \(templates)")
    }
}
