import Domain
import Engine
import Foundation
import Money
import Testing

/// The monitor's signals go out once each, on their day when the daily run runs every day, and on
/// the next run when days were skipped; an arrangement never breaks before its warning had its term.
@Suite struct ArrangementMonitorTests {
    let first = Day(iso: "2025-02-01")!
    var terms: ArrangementTerms {
        ArrangementTerms(total: Money(cents: 30_000), monthlyInstalment: Money(cents: 10_000), months: 3, firstDueDay: first)
    }

    /// Runs the monitor on each of `days` (ISO), remembering what it sent and stopping when the
    /// arrangement ends, as the planner does.
    func run(days: [String], paid: Money = .zero, agreed: String = "2025-01-01") -> [String: [ArrangementSignal]] {
        var sent: [SentSignal] = []
        var seen: [String: [ArrangementSignal]] = [:]
        for text in days {
            let day = Day(iso: text)!
            let signals = ArrangementMonitor.signals(
                terms: terms, paid: paid, on: day, agreedDay: Day(iso: agreed)!, sent: sent)
            for signal in signals {
                switch signal {
                case .remindBeforeDue(let number): sent.append(SentSignal(instalment: number, kind: .reminderBefore, day: day))
                case .remindAfterMissed(let number): sent.append(SentSignal(instalment: number, kind: .reminderAfter, day: day))
                case .warnBeforeBreaking(let number, _): sent.append(SentSignal(instalment: number, kind: .warning, day: day))
                case .broken, .kept: break
                }
            }
            if !signals.isEmpty { seen[text] = signals }
            if signals.contains(where: { $0 == .kept || { if case .broken = $0 { true } else { false } }($0) }) { break }
        }
        return seen
    }

    /// Every day from `from` through `through`, as ISO text.
    func everyDay(from: String, through: String) -> [String] {
        let start = Day(iso: from)!
        return (0...start.days(until: Day(iso: through)!)).map { start.adding(days: $0).description }
    }

    @Test func dailyRunsSendEachSignalOnceOnItsDay() {
        let seen = run(days: everyDay(from: "2025-01-20", through: "2025-03-05"))
        #expect(seen["2025-01-29"] == [.remindBeforeDue(instalment: 1)])
        #expect(seen["2025-02-04"] == [.remindAfterMissed(instalment: 1)])
        #expect(seen["2025-02-15"] == [.warnBeforeBreaking(instalment: 1, breaksOn: Day(iso: "2025-03-01")!)])
        #expect(seen["2025-03-01"] == [.broken(instalment: 1)])
        #expect(seen.count == 5, "and the second instalment's reminder, nothing else: \(seen.keys.sorted())")
        #expect(seen["2025-02-26"] == [.remindBeforeDue(instalment: 2)])
    }

    @Test func aSkippedDayIsCaughtUpOnTheNextRun() {
        // No run on the reminder's, the late reminder's or the warning's day.
        let days = everyDay(from: "2025-01-20", through: "2025-03-20").filter {
            !["2025-01-29", "2025-02-04", "2025-02-15", "2025-02-16"].contains($0)
        }
        let seen = run(days: days)
        #expect(seen["2025-01-30"] == [.remindBeforeDue(instalment: 1)])
        #expect(seen["2025-02-05"] == [.remindAfterMissed(instalment: 1)])
        // The warning two days late gives the debtor its full fortnight: the break moves with it.
        #expect(seen["2025-02-17"] == [.warnBeforeBreaking(instalment: 1, breaksOn: Day(iso: "2025-03-03")!)])
        #expect(seen["2025-03-01"] == nil)
        #expect(seen["2025-03-03"] == [.broken(instalment: 1)])
    }

    @Test func aWarningNeverSentIsSentBeforeTheArrangementBreaks() {
        // The first run after the agreement's first instalment is long overdue.
        let seen = run(days: ["2025-03-10", "2025-03-20", "2025-03-24"])
        #expect(
            seen["2025-03-10"] == [
                .warnBeforeBreaking(instalment: 1, breaksOn: Day(iso: "2025-03-24")!), .remindAfterMissed(instalment: 2),
            ])
        // The second instalment (due 1 March) is now past its own warning day too.
        #expect(seen["2025-03-20"] == [.warnBeforeBreaking(instalment: 2, breaksOn: Day(iso: "2025-04-03")!)])
        #expect(seen["2025-03-24"] == [.broken(instalment: 1)])
    }

    @Test func aReminderBeforeTheAgreementIsNotCaughtUp() {
        // Agreed two days before the first due day: the reminder's day (three days before) had passed.
        #expect(run(days: ["2025-01-30", "2025-01-31"], agreed: "2025-01-30").isEmpty)
    }

    @Test func paymentsSilenceThePaidInstalments() {
        #expect(run(days: everyDay(from: "2025-01-20", through: "2025-02-20"), paid: Money(cents: 10_000)).isEmpty)
        #expect(run(days: ["2025-02-10"], paid: Money(cents: 30_000)) == ["2025-02-10": [.kept]])
    }

    @Test func theNextDayToLookIsTheEarliestSignalDayStillAhead() {
        #expect(ArrangementMonitor.nextDay(terms: terms, paid: .zero, after: Day(iso: "2025-01-20")!) == Day(iso: "2025-01-29")!)
        #expect(ArrangementMonitor.nextDay(terms: terms, paid: .zero, after: Day(iso: "2025-02-15")!) == Day(iso: "2025-02-26")!)
        let lateWarning = [SentSignal(instalment: 3, kind: .warning, day: Day(iso: "2025-05-01")!)]
        #expect(
            ArrangementMonitor.nextDay(
                terms: terms, paid: Money(cents: 20_000), after: Day(iso: "2025-05-01")!, sent: lateWarning)
                == Day(iso: "2025-05-15")!)
        #expect(ArrangementMonitor.nextDay(terms: terms, paid: Money(cents: 30_000), after: first) == nil)
    }

    @Test func aRecordStoredBeforeSignalsWereRememberedBreaksOnItsAnnouncedDay() throws {
        // Warned on 15 February under the exact-day rule, stored without a list of sent signals.
        let stored = try CanonicalJSONEncoder().encode(ArrangementRecord(terms: terms, agreedDay: Day(iso: "2025-01-15")!, paidBefore: .zero))
        let legacy = stored.replacingOccurrences(of: #","sent":[]"#, with: "")
        #expect(legacy != stored)
        var record = try CanonicalJSONDecoder().decode(ArrangementRecord.self, from: legacy)
        #expect(!record.remembersSent)
        record.assumeSentOnTheirDays(before: Day(iso: "2025-03-01")!, paid: .zero, rules: .standard)
        #expect(record.remembersSent)
        #expect(
            ArrangementMonitor.signals(
                terms: terms, paid: .zero, on: Day(iso: "2025-03-01")!, agreedDay: record.agreedDay, sent: record.sent)
                == [.broken(instalment: 1)])
        // Once known, the list is kept even when empty, and a second call adds nothing.
        let known = try CanonicalJSONDecoder().decode(ArrangementRecord.self, from: stored)
        #expect(known.remembersSent && known.sent.isEmpty)
        let count = record.sent.count
        record.assumeSentOnTheirDays(before: Day(iso: "2025-04-01")!, paid: .zero, rules: .standard)
        #expect(record.sent.count == count)
    }
}
