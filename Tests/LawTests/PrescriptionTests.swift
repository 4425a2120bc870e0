import Law
import Money
import Testing

@Suite struct PrescriptionTests {
    func outcome(_ kind: PrescriptionKind, due: String, interruptions: [String] = []) -> PrescriptionOutcome {
        Prescription.lastEnforceableDay(kind: kind, due: day(due), interruptions: interruptions.map(day))
    }

    /// netherlands-law.md section 4: consumer purchase due 2024-03-01, reminder received
    /// 2025-06-10; the new 2-year term runs 2025-06-11 through 2027-06-10.
    @Test func theDomainNotesExample() {
        let result = outcome(.consumerPurchase, due: "2024-03-01", interruptions: ["2025-06-10"])
        #expect(
            result.steps == [
                .started(kind: .consumerPurchase, start: day("2024-03-02"), lastEnforceableDay: day("2026-03-01")),
                .interrupted(
                    received: day("2025-06-10"), newTermStart: day("2025-06-11"), newTermEnd: day("2027-06-10"),
                    lastEnforceableDay: day("2027-06-10")),
            ])
        #expect(result.prescribedAfter == day("2027-06-10"))
        #expect(!result.isPrescribed(on: day("2027-06-10")))
        #expect(result.isPrescribed(on: day("2027-06-11")))
    }

    @Test(arguments: [
        (PrescriptionKind.contract, "2025-06-15"), (.periodic, "2025-06-15"),
        (.consumerPurchase, "2022-06-15"), (.judgment, "2040-06-15"),
    ])
    func eachKindWithoutInterruption(kind: PrescriptionKind, lastDay: String) {
        let result = outcome(kind, due: "2020-06-15")
        #expect(result.prescribedAfter == day(lastDay))
        #expect(result.steps == [.started(kind: kind, start: day("2020-06-16"), lastEnforceableDay: day(lastDay))])
    }

    /// Contract due 2018-01-31 (enforceable through 2023-01-31). Reminder 2021-03-15 gives a term
    /// through 2026-03-15; acknowledgement 2024-05-01 one through 2029-05-01. Passed out of order.
    @Test func multipleInterruptionsInAnyOrder() {
        let result = outcome(.contract, due: "2018-01-31", interruptions: ["2024-05-01", "2021-03-15"])
        #expect(result.prescribedAfter == day("2029-05-01"))
        #expect(result.steps.count == 3)
        #expect(
            result.steps[1]
                == .interrupted(
                    received: day("2021-03-15"), newTermStart: day("2021-03-16"), newTermEnd: day("2026-03-15"),
                    lastEnforceableDay: day("2026-03-15")))
    }

    /// Consumer purchase due 2020-01-10, enforceable through 2022-01-10: a reminder received on
    /// that last day still interrupts; one received the day after changes nothing.
    @Test func interruptionOnTheLastDayCountsTheDayAfterDoesNot() {
        let onLastDay = outcome(.consumerPurchase, due: "2020-01-10", interruptions: ["2022-01-10"])
        #expect(onLastDay.prescribedAfter == day("2024-01-10"))

        let late = outcome(.consumerPurchase, due: "2020-01-10", interruptions: ["2022-01-11", "2023-01-01"])
        #expect(late.prescribedAfter == day("2022-01-10"))
        #expect(
            Array(late.steps.dropFirst()) == [
                .ignoredAfterPrescription(received: day("2022-01-11"), prescribedAfter: day("2022-01-10")),
                .ignoredAfterPrescription(received: day("2023-01-01"), prescribedAfter: day("2022-01-10")),
            ])
        #expect(late.isPrescribed(on: day("2022-01-11")))
    }

    @Test func interruptionBeforeTheTermStartsIsIgnored() {
        let result = outcome(.contract, due: "2024-05-01", interruptions: ["2024-05-01"])
        #expect(result.prescribedAfter == day("2029-05-01"))
        #expect(result.steps.last == .ignoredBeforeStart(received: day("2024-05-01"), termStart: day("2024-05-02")))
    }

    /// Judgment of 2000-09-01, enforceable through 2020-09-01. An interruption in 2010 starts a
    /// 5-year term (art. 3:319) ending 2015, before the 20-year end, which therefore stands. One in
    /// 2019 ends 2024-06-01, later, and takes over; one on that last day adds 5 more years.
    @Test func judgmentInterruptionGivesFiveYearsButNeverLessThanTheTwenty() {
        let result = outcome(.judgment, due: "2000-09-01", interruptions: ["2010-01-01", "2019-06-01", "2024-06-01"])
        #expect(
            Array(result.steps.dropFirst()) == [
                .interrupted(
                    received: day("2010-01-01"), newTermStart: day("2010-01-02"), newTermEnd: day("2015-01-01"),
                    lastEnforceableDay: day("2020-09-01")),
                .interrupted(
                    received: day("2019-06-01"), newTermStart: day("2019-06-02"), newTermEnd: day("2024-06-01"),
                    lastEnforceableDay: day("2024-06-01")),
                .interrupted(
                    received: day("2024-06-01"), newTermStart: day("2024-06-02"), newTermEnd: day("2029-06-01"),
                    lastEnforceableDay: day("2029-06-01")),
            ])
        #expect(result.prescribedAfter == day("2029-06-01"))
    }

    /// Due 2024-02-28, so the term starts on leap day 2024-02-29. Start + 2 years is 28 February 2026
    /// (29 February falls on the 28th in a common year); minus one day the term ends on the 27th.
    @Test func termStartingOnLeapDay() {
        let result = outcome(.consumerPurchase, due: "2024-02-28")
        #expect(
            result.steps.first
                == .started(kind: .consumerPurchase, start: day("2024-02-29"), lastEnforceableDay: day("2026-02-27")))
    }

    /// Due on leap day itself: the term starts 1 March and ends the last day of February.
    @Test func dueOnLeapDay() {
        #expect(outcome(.consumerPurchase, due: "2024-02-29").prescribedAfter == day("2026-02-28"))
        #expect(outcome(.judgment, due: "2024-02-29").prescribedAfter == day("2044-02-29"))
    }

    /// Due 28 February of a common year: the term starts 1 March 2023 and ends 1 March 2028 - 1 day,
    /// which is 29 February in the leap year 2028.
    @Test func dueOn28FebruaryOfACommonYear() {
        #expect(outcome(.contract, due: "2023-02-28").prescribedAfter == day("2028-02-29"))
    }

    /// An interruption received on a leap day starts its new term on 1 March.
    @Test func interruptionReceivedOnLeapDay() {
        let result = outcome(.consumerPurchase, due: "2023-12-01", interruptions: ["2024-02-29"])
        #expect(result.prescribedAfter == day("2026-02-28"))
        #expect(
            result.steps.last?.description
                == "interruption received 2024-02-29: new term from 2024-03-01 through 2026-02-28 (art. 3:319 BW); "
                + "enforceable through 2026-02-28")
    }

    @Test func stepsReadAsSentences() {
        let result = outcome(.judgment, due: "2000-09-01", interruptions: ["1999-01-01", "2010-01-01", "2030-01-01"])
        #expect(
            result.steps.map(\.description) == [
                "20-year term (art. 3:324 BW) starts 2000-09-02; enforceable through 2020-09-01",
                "interruption received 1999-01-01 ignored: before the term started on 2000-09-02",
                "interruption received 2010-01-01: new term from 2010-01-02 through 2015-01-01; "
                    + "the interrupted term ends later and stands (art. 3:319 BW); enforceable through 2020-09-01",
                "interruption received 2030-01-01 ignored: the claim prescribed after 2020-09-01",
            ])
    }
}
