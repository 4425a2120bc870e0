public import Money

/// Prescription (verjaring) of a claim, with interruptions (stuiting), art. 3:306-3:325 BW.
///
/// Counting, as the project reads it (docs/law-conventions.md):
/// - `due` is the day the claim fell due (opeisbaar werd); for a judgment, the day it was given.
///   The term starts on the next day (art. 3:307 lid 1, 3:324 lid 1 BW: "na de aanvang van de dag,
///   volgende op die ...").
/// - A term of N years starting the day after `due` ends at the end of the day N years after `due`:
///   `due.adding(years: N)`, which is start + N years - 1 day. When that day does not exist the term
///   ends on the last day of February (the counting of Regulation 1182/71 art. 3 lid 2 sub c).
///   So due 2024-02-28 (start 2024-02-29) with 2 years ends 2026-02-28, not 2026-02-27 (which a
///   naive "29 February + 2 years = 28 February, minus 1 day" would give); due 2023-02-28 with
///   5 years ends 2028-02-28, not the 29th.
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
        var lastEnforceableDay = due.adding(years: kind.years)
        var steps: [PrescriptionOutcome.Step] = [
            .started(kind: kind, start: start, lastEnforceableDay: lastEnforceableDay)
        ]
        for received in interruptions.sorted() {
            if received < start {
                steps.append(.ignoredBeforeStart(received: received, termStart: start))
            } else if received > lastEnforceableDay {
                steps.append(.ignoredAfterPrescription(received: received, prescribedAfter: lastEnforceableDay))
            } else {
                let newTermEnd = received.adding(years: kind.yearsAfterInterruption)
                lastEnforceableDay = max(lastEnforceableDay, newTermEnd)
                steps.append(
                    .interrupted(
                        received: received, newTermStart: received.adding(days: 1),
                        newTermEnd: newTermEnd, lastEnforceableDay: lastEnforceableDay))
            }
        }
        return PrescriptionOutcome(kind: kind, due: due, steps: steps, prescribedAfter: lastEnforceableDay)
    }
}
