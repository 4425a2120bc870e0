import Law
import Money
import PropertyBased
import Testing

@Suite struct PrescriptionPropertyTests {
    /// Interruptions somewhere from 3 years before to 30 years after the due day.
    static let offsetsDays = Gen.int(in: -1_000...11_000).array(of: 0...6)

    @Test func anotherInterruptionNeverMakesTheEndEarlier() async {
        await propertyCheck(
            count: 500, input: Gen<PrescriptionKind>.case, daysFrom2000To2040, Self.offsetsDays,
            Gen.int(in: -1_000...11_000)
        ) { kind, due, offsets, extraOffset in
            let interruptions = offsets.map { due.adding(days: $0) }
            let before = Prescription.lastEnforceableDay(kind: kind, due: due, interruptions: interruptions)
            let after = Prescription.lastEnforceableDay(
                kind: kind, due: due, interruptions: interruptions + [due.adding(days: extraOffset)])
            #expect(after.prescribedAfter >= before.prescribedAfter)
        }
    }

    @Test func theOrderOfInterruptionsDoesNotMatter() async {
        await propertyCheck(count: 300, input: Gen<PrescriptionKind>.case, daysFrom2000To2040, Self.offsetsDays) {
            kind, due, offsets in
            let interruptions = offsets.map { due.adding(days: $0) }
            let forward = Prescription.lastEnforceableDay(kind: kind, due: due, interruptions: interruptions)
            let backward = Prescription.lastEnforceableDay(
                kind: kind, due: due, interruptions: interruptions.reversed())
            #expect(forward == backward)
        }
    }

    /// Without interruptions the last day is start + N years - 1 day (the definition, see
    /// `Prescription`); away from the end of February that is also the anniversary of the due day.
    @Test func withoutInterruptionsTheLastDayIsStartPlusTheTermMinusOneDay() async {
        await propertyCheck(count: 500, input: Gen<PrescriptionKind>.case, daysFrom2000To2040) { kind, due in
            let result = Prescription.lastEnforceableDay(kind: kind, due: due, interruptions: [])
            let start = due.adding(days: 1)
            #expect(result.prescribedAfter == start.adding(years: kind.years).adding(days: -1))
            if due.month != 2 || due.dayOfMonth < 28 {
                #expect(result.prescribedAfter == due.adding(years: kind.years))
            }
        }
    }

    /// An interruption can give at most 5 years from the day after it was received, unless the
    /// term it interrupted ran longer.
    @Test func neverMoreThanFiveYearsPastTheLastCountedInterruption() async {
        await propertyCheck(count: 500, input: Gen<PrescriptionKind>.case, daysFrom2000To2040, Self.offsetsDays) {
            kind, due, offsets in
            let result = Prescription.lastEnforceableDay(
                kind: kind, due: due, interruptions: offsets.map { due.adding(days: $0) })
            let latest = result.steps.compactMap { step -> Day? in
                if case .interrupted(let received, _, _, _) = step { return received } else { return nil }
            }.max()
            func end(from start: Day, years: Int) -> Day { start.adding(years: years).adding(days: -1) }
            let bound = max(
                end(from: due.adding(days: 1), years: kind.years),
                latest.map { end(from: $0.adding(days: 1), years: 5) } ?? due)
            #expect(result.prescribedAfter <= bound)
        }
    }
}
