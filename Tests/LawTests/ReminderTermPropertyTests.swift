import Law
import Money
import PropertyBased
import Testing

/// The invariants of the cautious reading, over random posting days and over every posting day
/// from 2000 through 2040.
@Suite struct ReminderTermPropertyTests {
    /// Every invariant the doc's reading promises, for a letter posted on `posted`.
    func expectInvariants(posted: Day) {
        let term = ReminderTerm.netherlands(posted: posted)
        #expect(term.delivered.weekday != .sunday, "posted \(posted)")
        #expect(term.delivered.weekday != .monday, "posted \(posted)")
        #expect(!DutchHolidays.isHoliday(term.delivered), "posted \(posted)")
        #expect(term.delivered >= posted.adding(days: 2), "posted \(posted)")
        #expect(term.termStart == term.delivered.adding(days: 1), "posted \(posted)")
        #expect(DutchHolidays.isWorkingDay(term.termEnd), "posted \(posted)")
        #expect(term.termStart.days(until: term.termEnd) >= 13, "posted \(posted)")
        #expect(term.costsDueFrom == term.termEnd.adding(days: 1), "posted \(posted)")
        #expect(term.costsDueFrom >= posted.adding(days: 17), "posted \(posted)")
    }

    @Test func randomPostingDays() async {
        await propertyCheck(count: 1000, input: daysFrom2000To2040) { posted in
            expectInvariants(posted: posted)
        }
    }

    /// About 15,000 days; cheap enough to leave no posting day of the range unchecked.
    @Test func everyPostingDayFrom2000To2040() {
        for posted in day("2000-01-01")...day("2040-12-31") {
            expectInvariants(posted: posted)
        }
    }

    /// Actual delivery on any day from the posting day on gives a term of at least 14 days that
    /// ends on a working day.
    @Test func actualDeliveryOnAnyDay() async {
        await propertyCheck(count: 500, input: daysFrom2000To2040, Gen.int(in: 0...30)) { posted, delay in
            let term = ReminderTerm.netherlands(posted: posted, delivered: posted.adding(days: delay))
            #expect(!term.deliveredAssumed)
            #expect(term.delivered == posted.adding(days: delay))
            #expect(DutchHolidays.isWorkingDay(term.termEnd))
            #expect(term.termStart.days(until: term.termEnd) >= 13)
        }
    }
}
