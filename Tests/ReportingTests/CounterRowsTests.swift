import Domain
import Law
import Money
import Reporting
import Testing

/// What the store persists per event, and the small arithmetic the figures rest on.
@Suite struct CounterRowsTests {
    typealias J = Journal

    /// A paid closing of the debtor's last dossier, with court allowed and under counselling, adds
    /// one to each of five counters on its day and client; nothing else.
    @Test func closingAddsItsRows() throws {
        let event = try ReportEvent(
            validating: J.closed("A#1", "2024-04-02", .paid, mayGoToCourt: true, inDebtCounselling: true))
        let update = ReportCounters.update(for: event)
        let rows = Dictionary(uniqueKeysWithValues: update.rows.map { ($0.0.counter, $0.1) })
        #expect(
            rows == [
                .dossiersClosed: 1, .debtFreeConsumers: 1, .amicableClosingsCourtAllowed: 1, .debtCounsellingEnded: 1,
            ])
        #expect(update.rows.allSatisfy { $0.0.day == J.day("2024-04-02") && $0.0.client == Client.ID("ACME") })
        #expect(update.freezeRestart == nil)
    }

    /// A payment adds its cents; an arrangement its count, months and instalment cents; a refreeze
    /// also adds a restart row with the previous end day.
    @Test func amountsAndRestartsAddTheirRows() throws {
        let payment = ReportCounters.update(for: try ReportEvent(validating: J.paid("A#1", "2024-04-02", "12.34")))
        #expect(payment.rows.map(\.0.counter) == [.amountCollectedCents] && payment.rows.map(\.1) == [1_234])
        let arrangement = ReportCounters.update(
            for: try ReportEvent(validating: J.arrangement("A#1", "2024-04-02", months: 7, instalment: "117.00")))
        #expect(arrangement.rows.map(\.1) == [1, 7, 11_700])
        let refreeze = ReportCounters.update(
            for: try ReportEvent(validating: J.freeze("A#1", "2024-04-02", after: "2024-03-01")))
        #expect(refreeze.rows.map(\.0.counter) == [.freezesStarted])
        #expect(refreeze.freezeRestart?.previousEnd == J.day("2024-03-01"))
    }

    /// Raw values are the store's column values and must never change.
    @Test func counterNamesAreStable() {
        #expect(ReportCounter.allCases.count == 24)
        #expect(ReportCounter.amountCollectedCents.rawValue == "amountCollectedCents")
        #expect(ReportCounter.debtCounsellingEnded.rawValue == "debtCounsellingEnded")
    }

    /// Months are cut to the period, also across a year's end.
    @Test func monthsAreCutToThePeriod() {
        let months = ReportPeriod(from: J.day("2023-12-15"), through: J.day("2024-02-10")).months
        #expect(months.map { "\($0.year)-\($0.month)" } == ["2023-12", "2024-1", "2024-2"])
        #expect(months.first?.days.from == J.day("2023-12-15") && months.last?.days.through == J.day("2024-02-10"))
        #expect(ReportPeriod.year(2024).months.count == 12)
    }

    /// Ratios round half up once; deviations round half away from zero.
    @Test func roundingOfRatiosAndDeviations() {
        #expect(Ratio(1, over: 8).decimalText(decimals: 2) == "0.13")
        #expect(Ratio(1, over: 3).decimalText(decimals: 4) == "0.3333")
        #expect(Ratio(2, over: 3).decimalText(decimals: 1) == "0.7")
        #expect(Ratio(5, over: 0).decimalText(decimals: 1) == nil)
        // 95.05 against 100: -4.95% -> -5.0 (half away from zero); 104.95: +4.95% -> 5.0.
        #expect(
            FigureValue.money(Money(cents: 9_505)).deviationTenthsOfPercent(from: .money(Money(cents: 10_000))) == -50)
        #expect(
            FigureValue.money(Money(cents: 10_495)).deviationTenthsOfPercent(from: .money(Money(cents: 10_000))) == 50)
        #expect(FigureValue.count(5).deviationTenthsOfPercent(from: .count(0)) == nil)
    }
}
