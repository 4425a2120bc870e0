import Money
import PropertyBased

/// The day of an ISO literal in a test; a typo stops the test at once.
func day(_ iso: String) -> Day {
    guard let parsed = Day(iso: iso) else { preconditionFailure("not a day: \(iso)") }
    return parsed
}

/// Random days from 2000-01-01 through 2040-12-31, the range the property tests cover.
let daysFrom2000To2040 = Gen.int(in: day("2000-01-01").daysSinceEpoch...day("2040-12-31").daysSinceEpoch)
    .map { Day(daysSinceEpoch: $0) }
