import Domain
import Engine
import Money
import Testing

/// The scenario fixtures of issue 4: a dossier's claims, a calendar of responses, and the journal
/// expected day by day (the format is in docs/engine.md).
@Suite("Scenarios")
struct ScenarioTests {
    func run(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioRunner {
        var runner = ScenarioRunner(Scenario(text))
        runner.run()
        runner.verify(sourceLocation: sourceLocation)
        return runner
    }

    @Test("a consumer who pays after the 14-day letter pays no costs")
    func consumerPaysWithinTheLetterTerm() {
        _ = run("""
            scenario: consumer pays after the 14-day letter
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 450.00
            open: 2026-02-02
            until: 2026-03-31
            2026-02-16 pay all
            expect:
            2026-02-02 contactPlanned template=pre-reminder channel=email
            2026-02-02 stateChanged to=preCollection
            2026-02-09 contactPlanned template=letter-14 channel=letter deadline=2026-02-25
            2026-02-09 stateChanged to=reminderLetter
            2026-02-16 correctionBooked writtenOff=0.39
            2026-02-16 closed reason=paid
            never: costsCharged
            final: state=closed reason=paid costs=0.00
            """)
    }

    @Test("a consumer who does not pay is charged costs once, the day after the letter's term")
    func consumerChargedAfterTheTerm() {
        _ = run("""
            scenario: consumer charged after the term
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 450.00
            open: 2026-02-02
            until: 2026-03-31
            expect:
            2026-02-09 contactPlanned template=letter-14 deadline=2026-02-25
            2026-02-26 stateChanged to=collecting
            2026-02-26 costsCharged amount=67.50
            2026-02-26 contactPlanned template=reminder
            2026-03-03 contactPlanned template=reminder-sms
            final: costs=67.50
            """)
    }

    @Test("a partial payment goes to costs, then interest, then principal, and lowers the interest from the next day")
    func partialPayment() {
        let runner = run("""
            scenario: partial payment
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 1000.00
            open: 2026-02-02
            until: 2026-03-31
            2026-03-02 pay 500.00
            expect:
            2026-02-26 costsCharged amount=150.00
            2026-03-02 interestAccrued through=2026-03-02
            2026-03-02 paymentAllocated costs=150.00 interest=2.41 principal=347.59 unallocated=0.00
            """)
        #expect(runner.progress.repayments == [PrincipalRepayment(claimID: runner.claims[0].id, day: Day(iso: "2026-03-02")!,
                                                                  amount: Money(cents: 347_59))])
    }

    @Test("a client's own strategy: the 14-day letter by e-mail runs from the day it is sent, by post from delivery")
    func ownStrategyLetterByEmail() {
        let strategy = """
            strategy:
            name: digital
            steps:
              - id: letter-14
                action: reminderLetter
                channel: email
                fallback: letter
                template: letter-14-email
                wait: 3
            screening:
              afterDays: 14
              minimumAmount: "250.00"
            closing:
              afterDays: 30
              reason: writtenOff
            end strategy
            """
        _ = run(strategy + """

            scenario: letter by e-mail
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 450.00
            open: 2026-02-06
            until: 2026-03-31
            expect:
            2026-02-09 contactPlanned channel=email template=letter-14-email deadline=2026-02-23
            2026-02-24 costsCharged amount=67.50
            """)
        _ = run(strategy + """

            scenario: letter by post when there is no e-mail address
            debtor: consumer
            email: none
            claim: F-1 due 2026-01-05 amount 450.00
            open: 2026-02-06
            until: 2026-03-31
            expect:
            2026-02-09 contactWithheld channel=email reason="no email address known"
            2026-02-09 contactPlanned channel=letter template=letter-14-email deadline=2026-02-25
            2026-02-26 costsCharged amount=67.50
            """)
    }

    static func oneFile(mandate: String) -> String {
        """
        scenario: interest waived or not
        debtor: consumer
        mandate: \(mandate)
        claim: F-1 due 2026-01-05 amount 1000.00
        open: 2026-02-02
        until: 2026-05-31
        2026-05-04 withdrawn

        """
    }

    @Test("a client that waives interest: none accrues, the file is frozen from its first step to its closing")
    func waivedInterestIsAFreezeFromTheStart() {
        let runner = run(Self.oneFile(mandate: "interest=waived") + """
            expect:
            2026-02-02 freezeStarted kind=waived from=2026-02-02
            2026-02-26 costsCharged amount=150.00
            2026-05-04 freezeEnded kind=waived through=2026-05-04
            2026-05-04 closed reason=withdrawn
            never: interestAccrued
            never: freezeStarted kind=arrangement
            final: state=closed reason=withdrawn costs=150.00
            """)
        // The interest avoided is exactly what the same file charges when the client does not waive it.
        let charging = ScenarioRunner.ran(Self.oneFile(mandate: "interest=charged"))
        let charged = Money.sum(
            charging.journal.filter { $0.type == .interestAccrued }.compactMap { $0.payload["amount"].flatMap { try? Money(parsing: $0) } })
        let ended = runner.journal.first { $0.type == .freezeEnded }
        #expect(charged.isPositive)
        #expect(ended.flatMap { ReportEvent($0) }?.fact == .freezeEnded(kind: .waived, interestAvoided: charged))
        let started = runner.journal.first { $0.type == .freezeStarted }
        #expect(started.flatMap { ReportEvent($0) }?.fact == .freezeStarted(kind: .waived, previousFreezeEnded: nil))
    }

    @Test("a waiver ends when the debtor moves abroad: the partner office's period is not ours to count")
    func waiverEndsWhenReferredAbroad() {
        _ = run("""
            scenario: waived, then abroad
            debtor: consumer
            mandate: interest=waived
            claim: F-1 due 2026-01-05 amount 1000.00
            open: 2026-02-02
            until: 2026-05-31
            2026-03-10 moves BE
            2026-05-04 withdrawn
            expect:
            2026-02-02 freezeStarted kind=waived from=2026-02-02
            2026-03-10 freezeEnded kind=waived
            2026-03-10 referred
            never: freezeStarted kind=dispute
            never: interestAccrued
            """)
    }

    @Test("under a waiver a dispute or an arrangement keeps the one freeze; the waiver outlives them")
    func waiverOutlivesOtherFreezes() {
        _ = run("""
            scenario: dispute and plan under a waiver
            debtor: consumer
            mandate: interest=waived
            claim: F-1 due 2026-01-05 amount 1000.00
            open: 2026-02-02
            until: 2026-06-30
            2026-03-02 dispute wrong
            2026-03-20 dispute-resolved rejected
            2026-04-01 arrangement income=1500.00 household=single fixed=200.00
            expect:
            2026-02-02 freezeStarted kind=waived
            2026-03-02 stateChanged to=disputed
            2026-03-20 disputeClosed upheld=false
            2026-04-01 arrangementAgreed
            never: freezeEnded
            never: freezeStarted kind=dispute
            never: freezeStarted kind=arrangement
            never: interestAccrued
            """)
    }

    @Test("a client that charges interest again: the waiver ends and the running plan's freeze takes over")
    func waiverEndsWhenTheMandateChanges() {
        let runner = run("""
            scenario: waiver withdrawn during a plan
            debtor: consumer
            mandate: interest=waived
            claim: F-1 due 2026-01-05 amount 1000.00
            open: 2026-02-02
            until: 2026-06-30
            2026-04-01 arrangement income=1500.00 household=single fixed=200.00
            2026-04-06 mandate interest=charged
            expect:
            2026-02-02 freezeStarted kind=waived
            2026-04-01 arrangementAgreed
            2026-04-12 freezeEnded kind=waived through=2026-04-12
            2026-04-12 freezeStarted kind=arrangement from=2026-04-13
            """)
        let broken = runner.journal.first { $0.type == .arrangementBroken }?.day ?? Day(iso: "2026-06-30")!
        #expect(runner.journal.contains { $0.type == .freezeEnded && $0.payload["kind"] == "arrangement" && $0.day == broken })
        #expect(!runner.journal.contains { $0.type == .interestAccrued && $0.day <= broken })
        #expect(runner.journal.contains { $0.type == .interestAccrued && $0.day > broken })
    }

    @Test("a dispute freezes interest and stops contact until it is resolved")
    func disputeFreezesAndStopsContact() {
        let runner = run("""
            scenario: dispute
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 1000.00
            open: 2026-02-02
            until: 2026-05-31
            2026-03-02 dispute "never received"
            2026-04-01 dispute-resolved rejected
            expect:
            2026-03-02 disputeOpened reason="never received"
            2026-03-02 stateChanged to=disputed
            2026-03-02 freezeStarted kind=dispute from=2026-03-03
            2026-04-01 disputeClosed upheld=false
            2026-04-01 freezeEnded kind=dispute through=2026-04-01
            2026-04-01 stateChanged from=disputed
            """)
        let frozen = runner.journal.filter { (Day(iso: "2026-03-03")!..<Day(iso: "2026-04-01")!).contains($0.day) }
        #expect(!frozen.contains { $0.type == .contactPlanned || $0.type == .interestAccrued })
        let ended = runner.journal.first { $0.type == .freezeEnded }
        #expect(ended?.payload["avoidedInterest"] != "0.00")
    }

    @Test("a broken arrangement resumes collection")
    func brokenArrangementResumesCollection() {
        _ = run("""
            scenario: broken arrangement
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 900.00
            open: 2026-02-02
            until: 2026-06-30
            2026-03-02 arrangement income=1500.00 household=single fixed=200.00
            2026-03-16 pay 86.44
            expect:
            2026-03-02 stateChanged from=collecting to=arrangement
            2026-03-02 arrangementAgreed capacity=332.10 monthlyInstalment=86.44 months=12 firstDueDay=2026-03-16
            2026-03-02 freezeStarted kind=arrangement from=2026-03-03
            2026-03-13 arrangementSignalled signal=arrangement-reminder-before instalment=1
            2026-04-13 arrangementSignalled signal=arrangement-reminder-before instalment=2
            2026-04-19 arrangementSignalled signal=arrangement-reminder-after instalment=2
            2026-04-19 contactPlanned template=arrangement-reminder-after plannedDay=2026-04-20
            2026-04-30 arrangementSignalled signal=arrangement-warning instalment=2
            2026-05-14 arrangementBroken instalment=2
            2026-05-14 freezeEnded kind=arrangement
            2026-05-14 stateChanged from=arrangement to=collecting
            2026-05-15 contactPlanned template=reminder
            """)
    }

    @Test("a vulnerable flag stops all contact until a person has reviewed it")
    func vulnerableFlagStopsContact() {
        let runner = run("""
            scenario: vulnerable
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 300.00
            open: 2026-02-02
            until: 2026-04-30
            2026-02-05 vulnerable "mentions illness"
            2026-03-16 reviewed allowed
            expect:
            2026-02-02 contactPlanned template=pre-reminder
            2026-02-05 flagsChanged added=vulnerable
            2026-02-05 stateChanged to=onHold
            2026-03-16 flagsChanged reviewed=vulnerable contactAllowed=true
            2026-03-16 stateChanged from=onHold to=preCollection
            2026-03-16 contactPlanned template=letter-14 deadline=2026-04-01
            """)
        let held = runner.journal.filter { (Day(iso: "2026-02-05")!..<Day(iso: "2026-03-16")!).contains($0.day) }
        #expect(!held.contains { $0.type == .contactPlanned })
    }

    @Test("a dossier flagged vulnerable from the start is never contacted without review")
    func vulnerableFromTheStart() {
        _ = run("""
            scenario: vulnerable from the start
            debtor: consumer
            flags: vulnerable
            claim: F-1 due 2026-01-05 amount 300.00
            open: 2026-02-02
            until: 2026-04-30
            expect:
            2026-02-02 stateChanged from=new to=onHold
            never: contactPlanned
            final: state=onHold
            """)
    }

    @Test("a prescribed claim stops collection and is flagged")
    func prescribedClaimStops() {
        _ = run("""
            scenario: prescribed
            debtor: consumer
            claim: F-1 due 2023-06-01 amount 300.00
            open: 2026-02-02
            until: 2026-02-28
            expect:
            2026-02-02 flagsChanged added=prescribed claims=F-1
            2026-02-02 closed reason=prescribed
            never: contactPlanned
            final: state=closed reason=prescribed
            """)
    }

    @Test("debt counselling with consent freezes collection and states the claim")
    func debtCounsellingReferral() {
        let runner = run("""
            scenario: debt counselling
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 800.00
            claim: F-2 due 2026-01-20 amount 200.00
            open: 2026-02-02
            until: 2026-04-30
            2026-03-10 counselling "Gemeente Ergens"
            expect:
            2026-03-10 stateChanged to=inDebtCounselling
            2026-03-10 freezeStarted kind=debtCounselling
            2026-03-10 referred kind=debtCounselling to="Gemeente Ergens" claims=2 principal=1000.00
            final: state=inDebtCounselling
            """)
        let after = runner.journal.filter { $0.day > Day(iso: "2026-03-10")! }
        #expect(after.isEmpty)
    }

    @Test("a debtor abroad is referred to the partner office of that country")
    func debtorAbroad() {
        _ = run("""
            scenario: abroad
            debtor: consumer
            country: BE
            claim: F-1 due 2026-01-05 amount 800.00
            open: 2026-02-02
            until: 2026-02-28
            expect:
            2026-02-02 stateChanged to=referredAbroad
            2026-02-02 referred kind=abroad country=BE to="Partner Brussel"
            never: contactPlanned
            final: state=referredAbroad
            """)
    }

    @Test("without a court mandate the screening is negative and the dossier closes after the wait")
    func screeningNegativeThenClosing() {
        _ = run("""
            scenario: screening negative
            debtor: consumer
            claim: F-1 due 2026-01-05 amount 600.00
            open: 2026-02-02
            until: 2026-08-31
            expect:
            2026-03-19 contactPlanned template=final-reminder
            2026-04-02 screened outcome=negative
            2026-07-01 closed reason=writtenOff
            final: state=closed reason=writtenOff
            """)
    }
}
