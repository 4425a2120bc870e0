public import Money

/// Prescription (verjaring) of a claim, with interruptions (stuiting), art. 3:306-3:325 BW.
///
/// Counting, as the project reads it (docs/law-conventions.md):
/// - `due` is the day the claim fell due (opeisbaar werd); for a judgment, the day it was given.
///   The term starts on the next day (art. 3:307 lid 1, 3:324 lid 1 BW: "na de aanvang van de dag,
///   volgende op die ...").
/// - A term of N years starting on `start` ends with the day before the same day N years later:
///   `start.adding(years: N).adding(days: -1)`, literally "start + N years - 1 day" of
///   netherlands-law.md section 4. A start on 29 February reaches 28 February of a common year (the
///   project's anniversary rule), so due 2024-02-28 (start 2024-02-29) with 2 years ends 2026-02-27;
///   due 2023-02-28 (start 2023-03-01) with 5 years ends 2028-02-29.
/// - An interruption takes effect on the day it is received (a written reminder or reservation,
///   art. 3:317; an acknowledgement, 3:318; for a lawsuit, 3:316, pass the day the proceedings
///   ended). A new term starts the next day, as long as the original but at most 5 years, and never
///   ending before the term it interrupts would have (art. 3:319 lid 1 BW).
/// - An interruption received after the last enforceable day changes nothing; one received on or
///   before `due` has no running term to interrupt. Interruptions are taken earliest first,
///   whatever order they are passed in.
/// - No weekend or holiday extension applies: the Algemene termijnenwet is not applied to
///   prescription here, the earlier end being the cautious one for the debtor.
public enum Prescription {
    /// The last day `kind` of claim that fell due on `due` is enforceable, given the days
    /// `interruptions` were received, with the steps that lead there.
    public static func lastEnforceableDay(
        kind: PrescriptionKind, due: Day, interruptions: [Day]
    ) -> PrescriptionOutcome {
        let start = due.adding(days: 1)
        var lastEnforceableDay = termEnd(start: start, years: kind.years)
        var steps: [PrescriptionOutcome.Step] = [
            .started(kind: kind, start: start, lastEnforceableDay: lastEnforceableDay)
        ]
        for received in interruptions.sorted() {
            if received < start {
                steps.append(.ignoredBeforeStart(received: received, termStart: start))
            } else if received > lastEnforceableDay {
                steps.append(.ignoredAfterPrescription(received: received, prescribedAfter: lastEnforceableDay))
            } else {
                let newTermEnd = termEnd(start: received.adding(days: 1), years: kind.yearsAfterInterruption)
                lastEnforceableDay = max(lastEnforceableDay, newTermEnd)
                steps.append(
                    .interrupted(
                        received: received, newTermStart: received.adding(days: 1),
                        newTermEnd: newTermEnd, lastEnforceableDay: lastEnforceableDay))
            }
        }
        return PrescriptionOutcome(kind: kind, due: due, steps: steps, prescribedAfter: lastEnforceableDay)
    }

    /// The last day of a term of `years` years that starts on `start`: start + N years - 1 day.
    static func termEnd(start: Day, years: Int) -> Day {
        start.adding(years: years).adding(days: -1)
    }
}
