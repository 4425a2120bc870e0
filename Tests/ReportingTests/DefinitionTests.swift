import Domain
import Law
import Money
import Reporting
import Testing

/// Every definition of the report pinned on a small journal. The period is the second quarter of
/// 2024 (1 April through 30 June) unless a test says otherwise.
@Suite struct DefinitionTests {
    typealias J = Journal

    /// Dossiers handled are those open at any moment in the period: one open across the period's
    /// start counts, as do one closed on the first day and one opened on the last; one closed the day
    /// before the period and one opened the day after do not.
    @Test func dossierOpenAcrossThePeriodStartCountsAsHandled() {
        let report = J.report([
            J.opened("A#1", "2024-03-10"),
            J.opened("B#1", "2024-01-05"), J.closed("B#1", "2024-03-31", .writtenOff),
            J.opened("C#1", "2024-02-01"), J.closed("C#1", "2024-04-01", .writtenOff),
            J.opened("D#1", "2024-06-30"),
            J.opened("E#1", "2024-07-01"),
        ])
        #expect(report.dossiersHandled == 3)
    }

    /// Amount collected is the sum of payments received in the period, gross; before and after do not count.
    @Test func amountCollectedSumsPaymentsInThePeriod() {
        let report = J.report([
            J.opened("A#1", "2024-03-01"),
            J.paid("A#1", "2024-03-31", "100.00"), J.paid("A#1", "2024-04-01", "12.34"),
            J.paid("A#1", "2024-06-30", "0.66"), J.paid("A#1", "2024-07-01", "50.00"),
        ])
        #expect(report.amountCollected == Money(cents: 1_300))
    }

    /// A person with two dossiers is debt-free only when the last one closes: the first closing
    /// (one dossier still open) does not count; the second, in the next quarter, does. Both at one
    /// client, and at two (ACME and BETA each know Jan as a debtor of their own): debt-free is per
    /// person across clients, and the journal holds no names, so the fold takes the closing's count
    /// as the counters do.
    @Test(arguments: [("JAN#1", "JAN#2"), ("ACME/JAN#1", "BETA/JAN#1")])
    func aPersonWithTwoDossiersIsDebtFreeOnlyWhenTheLastCloses(first: String, second: String) {
        let journal = [
            J.opened(first, "2024-01-10"), J.opened(second, "2024-02-10"),
            J.closed(first, "2024-05-01", .paid, stillOpen: 1),
            J.closed(second, "2024-08-01", .settled, stillOpen: 0),
        ]
        #expect(J.report(journal).debtorsDebtFree.consumer == 0)
        let thirdQuarter = ReportPeriod(from: J.day("2024-07-01"), through: J.day("2024-09-30"))
        #expect(J.report(journal, thirdQuarter).debtorsDebtFree.consumer == 1)
    }

    /// Only paid or settled makes debt-free: a last dossier written off or handed to court does
    /// not; businesses are counted apart from consumers.
    @Test func debtFreeNeedsPaidOrSettledAndSplitsByKind() {
        let report = J.report([
            J.opened("A#1", "2024-01-10"), J.closed("A#1", "2024-04-10", .writtenOff),
            J.opened("B#1", "2024-01-10"), J.closed("B#1", "2024-04-10", .handedToCourt),
            J.opened("C#1", "2024-01-10", kind: .business), J.closed("C#1", "2024-04-10", .settled, kind: .business),
            J.opened("D#1", "2024-01-10"), J.closed("D#1", "2024-04-10", .paid),
        ])
        #expect(report.debtorsDebtFree.consumer == 1)
        #expect(report.debtorsDebtFree.business == 1)
    }

    /// Messages count deliveries by channel (not phone or portal deliveries); calls count by
    /// direction; portal logins count; all only inside the period.
    @Test func messagesCallsAndLoginsCountInThePeriod() {
        let report = J.report([
            J.opened("A#1", "2024-03-01"),
            J.delivered("A#1", "2024-03-31", .email),
            J.delivered("A#1", "2024-04-02", .email), J.delivered("A#1", "2024-04-02", .letter),
            J.delivered("A#1", "2024-05-02", .sms), J.delivered("A#1", "2024-05-02", .sms),
            J.delivered("A#1", "2024-05-03", .phone), J.delivered("A#1", "2024-05-03", .portal),
            J.call("A#1", "2024-04-03", .outbound), J.call("A#1", "2024-04-04", .outbound),
            J.call("A#1", "2024-06-04", .inbound),
            J.login("A#1", "2024-04-05"), J.login("A#1", "2024-07-05"),
        ])
        #expect((report.messages.email, report.messages.letter, report.messages.sms) == (1, 1, 2))
        #expect((report.calls.outbound, report.calls.inbound) == (2, 1))
        #expect(report.portalLogins == 1)
        // April: an e-mail, a letter, two calls out; May: two SMS; June: a call in.
        #expect(report.monthly.map(\.messages.total) == [2, 2, 0])
        #expect(report.monthly.map(\.calls.outbound) == [2, 0, 0])
        #expect(report.monthly.map(\.calls.inbound) == [0, 0, 1])
    }

    /// Arrangements agreed in the period; mean months to one decimal and mean instalment to the
    /// cent, both half up: (6 + 7 + 9) / 3 = 7.33 -> 7.3; (100.00 + 117.00 + 120.01) / 3 = 112.336... -> 112.34.
    @Test func arrangementsAndTheirMeans() {
        let report = J.report([
            J.opened("A#1", "2024-01-01"),
            J.arrangement("A#1", "2024-03-31", months: 24, instalment: "5.00"),
            J.arrangement("A#1", "2024-04-10", months: 6, instalment: "100.00"),
            J.arrangement("A#1", "2024-05-10", months: 7, instalment: "117.00"),
            J.arrangement("A#1", "2024-06-10", months: 9, instalment: "120.01"),
        ])
        #expect(report.arrangements.count == 3)
        #expect(report.arrangements.meanMonths.decimalText(decimals: 1) == "7.3")
        #expect(report.arrangements.meanMonthlyInstalment == Money(cents: 11_234))
        #expect(report.monthly.map(\.arrangements) == [1, 1, 1])
    }

    /// A mean of exactly half a cent rounds up: (100.00 + 100.01) / 2 = 100.005 -> 100.01; and with
    /// no arrangement the means are undefined (JSON null), not zero.
    @Test func meansRoundHalfUpAndAreUndefinedWithoutArrangements() {
        let report = J.report([
            J.opened("A#1", "2024-04-01"),
            J.arrangement("A#1", "2024-04-10", months: 3, instalment: "100.00"),
            J.arrangement("A#1", "2024-04-11", months: 4, instalment: "100.01"),
        ])
        #expect(report.arrangements.meanMonthlyInstalment == Money(cents: 10_001))
        #expect(report.arrangements.meanMonths.decimalText(decimals: 1) == "3.5")
        #expect(J.report([]).arrangements.meanMonths.isUndefined)
    }

    /// A freeze begun before the period and ended inside it counts, with all the interest it
    /// avoided; one ended before the period does not; one still running at the end counts as a
    /// dossier, its interest not yet (it is counted in the period it ends).
    @Test func freezeBegunBeforeThePeriodAndEndedInsideCounts() {
        let report = J.report([
            J.opened("A#1", "2024-01-01"), J.freeze("A#1", "2024-02-01"),
            J.unfreeze("A#1", "2024-05-10", avoided: "12.34"),
            J.opened("B#1", "2024-01-01"), J.freeze("B#1", "2024-02-01"),
            J.unfreeze("B#1", "2024-03-31", avoided: "99.00"),
            J.opened("C#1", "2024-01-01"), J.freeze("C#1", "2024-06-30"),
        ])
        #expect(report.interestFrozen.dossiers == 2)
        #expect(report.interestFrozen.amountNotCharged == Money(cents: 1_234))
        #expect(report.monthly.map(\.freezesEnded) == [0, 1, 0])
        #expect(report.monthly.map(\.freezesStarted) == [0, 0, 1])
    }

    /// A client's waiver of interest is journalled as a freeze of kind `waived` from the dossier's
    /// first step: the report counts it like any freeze, the dossier once, the interest when it ends.
    @Test func aWaiverOfInterestCountsAsAFreeze() {
        let report = J.report([
            J.opened("A#1", "2024-03-01"), J.freeze("A#1", "2024-03-01", .waived),
            J.unfreeze("A#1", "2024-05-10", avoided: "7.21", .waived),
            J.opened("B#1", "2024-06-03"), J.freeze("B#1", "2024-06-03", .waived),
        ])
        #expect(report.interestFrozen.dossiers == 2)
        #expect(report.interestFrozen.amountNotCharged == Money(cents: 721))
    }

    /// A dossier frozen twice in the period is one dossier, also when the first freeze began before
    /// the period; a refreeze whose gap began before the period does not merge with anything.
    @Test func dossierFrozenTwiceCountsOnce() {
        let report = J.report([
            J.opened("A#1", "2024-01-01"),
            J.freeze("A#1", "2024-03-01"), J.unfreeze("A#1", "2024-04-10", avoided: "1.00"),
            J.freeze("A#1", "2024-05-01", after: "2024-04-10"), J.unfreeze("A#1", "2024-05-20", avoided: "2.00"),
            J.freeze("A#1", "2024-06-01", after: "2024-05-20"),
            J.opened("B#1", "2024-01-01"),
            J.freeze("B#1", "2024-01-10"), J.unfreeze("B#1", "2024-02-10", avoided: "5.00"),
            J.freeze("B#1", "2024-04-15", after: "2024-02-10"), J.unfreeze("B#1", "2024-04-20", avoided: "0.50"),
        ])
        #expect(report.interestFrozen.dossiers == 2)
        #expect(report.interestFrozen.amountNotCharged == Money(cents: 350))
    }

    /// Screened negative counts recovery investigations in the period that advised against a
    /// lawsuit; a positive screening does not count, nor a negative one before the period.
    @Test func screenedNegativeCountsNegativeScreeningsInThePeriod() {
        let report = J.report([
            J.opened("A#1", "2024-01-01"), J.screened("A#1", "2024-04-02", .negative),
            J.opened("B#1", "2024-01-01"), J.screened("B#1", "2024-04-02", .positive),
            J.opened("C#1", "2024-01-01"), J.screened("C#1", "2024-03-02", .negative),
        ])
        #expect(report.screenedNegative == 1)
    }

    /// Legal costs saved count amicable closings (paid, settled) in the period only for mandates
    /// allowing court: two here, at the default EUR 1,500 and at a configured EUR 1,000.
    @Test func legalCostsSavedOnlyForMandatesAllowingCourt() {
        let journal = [
            J.opened("A#1", "2024-01-01"), J.closed("A#1", "2024-04-02", .paid, mayGoToCourt: true),
            J.opened("B#1", "2024-01-01"), J.closed("B#1", "2024-04-02", .settled, mayGoToCourt: true),
            J.opened("C#1", "2024-01-01"), J.closed("C#1", "2024-04-02", .paid, mayGoToCourt: false),
            J.opened("D#1", "2024-01-01"), J.closed("D#1", "2024-04-02", .handedToCourt, mayGoToCourt: true),
            J.opened("E#1", "2024-01-01"), J.closed("E#1", "2024-03-29", .paid, mayGoToCourt: true),
        ]
        #expect(J.report(journal).legalCostsSaved == Money(euros: 3_000))
        let cheaper = SocialReportSettings(averageProcedureCost: Money(euros: 1_000))
        #expect(J.report(journal, settings: cheaper).legalCostsSaved == Money(euros: 2_000))
    }

    /// Debt counselling counts dossiers under counselling at any moment in the period: referred
    /// before it and still open; referred before and closed inside; referred inside. Not: referred
    /// and closed before the period.
    @Test func debtCounsellingAtAnyMomentInThePeriod() {
        let report = J.report([
            J.opened("A#1", "2024-01-01"), J.counselling("A#1", "2024-02-01"),
            J.opened("B#1", "2024-01-01"), J.counselling("B#1", "2024-02-01"),
            J.closed("B#1", "2024-04-01", .settled, inDebtCounselling: true),
            J.opened("C#1", "2024-01-01"), J.counselling("C#1", "2024-06-30"),
            J.opened("D#1", "2024-01-01"), J.counselling("D#1", "2024-02-01"),
            J.closed("D#1", "2024-03-01", .settled, inDebtCounselling: true),
        ])
        #expect(report.debtCounselling == 3)
    }

    /// International: dossiers referred abroad in the period, and their share of the dossiers
    /// handled (1 of 4 = 0.2500).
    @Test func internationalCountsReferralsAndTheirShare() {
        let report = J.report([
            J.opened("A#1", "2024-01-01"), J.abroad("A#1", "2024-04-20", "BE"),
            J.closed("A#1", "2024-04-20", .referred),
            J.opened("B#1", "2024-01-01"), J.abroad("B#1", "2024-03-20", "DE"),
            J.closed("B#1", "2024-04-01", .referred),
            J.opened("C#1", "2024-04-01"), J.opened("D#1", "2024-05-01"),
        ])
        #expect(report.internationalDossiers == 1)
        #expect(report.internationalShare.decimalText(decimals: 4) == "0.2500")
    }

    /// CSAT is the share of answers of 4 or 5: a 3 is not satisfied. 5, 4, 3, 1 -> 2 of 4.
    @Test func csatThreeIsNotSatisfied() {
        let report = J.report([
            J.opened("A#1", "2024-01-01"),
            J.survey("A#1", "2024-04-01", 5), J.survey("A#1", "2024-04-02", 4),
            J.survey("A#1", "2024-04-03", 3), J.survey("A#1", "2024-04-04", 1),
            J.survey("A#1", "2024-03-04", 5),
        ])
        #expect(report.surveys.answers == 4)
        #expect(report.csat.decimalText(decimals: 4) == "0.5000")
        #expect(
            J.report([J.opened("A#1", "2024-01-01"), J.survey("A#1", "2024-04-03", 3)]).csat.decimalText(decimals: 4)
                == "0.0000")
    }

    /// A client's report holds only that client's dossiers; the agency's holds all.
    @Test func clientReportHoldsOnlyThatClient() {
        let journal = [
            J.opened("ACME/A#1", "2024-04-01"), J.paid("ACME/A#1", "2024-04-02", "10.00"),
            J.opened("BOLT/A#1", "2024-04-01"), J.paid("BOLT/A#1", "2024-04-02", "20.00"),
        ]
        let acme = J.report(journal, client: Client.ID("ACME"))
        #expect(acme.dossiersHandled == 1 && acme.amountCollected == Money(cents: 1_000))
        #expect(J.report(journal).amountCollected == Money(cents: 3_000))
    }

    /// Events the report does not read, and events that break the payload contract, are ignored.
    @Test func foreignAndMalformedEventsAreIgnored() {
        let malformed = JournalEvent(
            dossierID: J.dossier("A#1"), day: J.day("2024-04-02"), type: .paymentReceived,
            payload: JournalPayload(["client": "ACME", "cents": "500"]))
        let foreign = JournalEvent(dossierID: J.dossier("A#1"), day: J.day("2024-04-02"), type: .interestAccrued)
        let report = J.report([J.opened("A#1", "2024-04-01"), malformed, foreign])
        #expect(report.amountCollected == .zero && report.dossiersHandled == 1)
    }
}
