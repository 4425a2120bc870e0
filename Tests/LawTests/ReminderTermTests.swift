import Law
import Money
import Testing

/// Hand-computed 14-day letters. Each comment walks the calendar: "(1)" and "(2)" are the two
/// counting days of the delivery assumption; Sundays, Mondays and holidays are skipped.
@Suite struct ReminderTermTests {
    /// A hand-computed letter: what was posted (and, when known, received) and what must follow.
    struct Letter: Sendable, CustomTestStringConvertible {
        let name: String
        let posted: String
        var actual: String? = nil
        let delivered: String
        let termEnd: String
        let costsDueFrom: String
        var testDescription: String { name }
    }

    /// netherlands-law.md section 1: Sat 8 (1), Sun 9 and Mon 10 skipped, Tue 11 (2).
    @Test func theDomainNotesExample() {
        let term = ReminderTerm.netherlands(posted: day("2025-03-07"))
        #expect(term.delivered == day("2025-03-11"))
        #expect(term.deliveredAssumed)
        #expect(term.termStart == day("2025-03-12"))
        #expect(term.termEnd == day("2025-03-25"))
        #expect(term.costsDueFrom == day("2025-03-26"))
    }

    static let letters: [Letter] = [
        // Thu 17 April 2025: Good Friday 18 skipped, Sat 19 (1), Easter Sunday 20 and Monday 21
        // skipped, Tue 22 (2). Term 23 April to Tue 6 May.
        Letter(
            name: "posted the day before Good Friday", posted: "2025-04-17", delivered: "2025-04-22",
            termEnd: "2025-05-06", costsDueFrom: "2025-05-07"),
        // Wed 16 April 2025: Thu 17 (1), Good Friday 18 skipped, Sat 19 (2). The 14th day is Sat
        // 3 May; Sun 4 May and Liberation Day (Mon 5 May) follow, so the term runs to Tue 6 May.
        Letter(
            name: "term ending on Saturday runs past Sunday and Liberation Day", posted: "2025-04-16",
            delivered: "2025-04-19", termEnd: "2025-05-06", costsDueFrom: "2025-05-07"),
        // Thu 24 April 2025: Fri 25 (1); King's Day is Sat 26 April (27 April 2025 is a Sunday) and is
        // skipped like Sun 27 and Mon 28; Tue 29 (2). 14th day Tue 13 May.
        Letter(
            name: "posted before King's Day on a Saturday", posted: "2025-04-24", delivered: "2025-04-29",
            termEnd: "2025-05-13", costsDueFrom: "2025-05-14"),
        // Wed 28 May 2025: Ascension (Thu 29) skipped, Fri 30 (1), Sat 31 (2). The 14th day is Sat
        // 14 June, so the term runs to Mon 16 June (Whit Monday was 9 June).
        Letter(
            name: "posted before Ascension", posted: "2025-05-28", delivered: "2025-05-31", termEnd: "2025-06-16",
            costsDueFrom: "2025-06-17"),
        // Wed 24 December 2025: Christmas and Boxing Day skipped, Sat 27 (1), Sun 28 and Mon 29
        // skipped, Tue 30 (2). 14th day Tue 13 January 2026.
        Letter(
            name: "posted on Christmas eve", posted: "2025-12-24", delivered: "2025-12-30", termEnd: "2026-01-13",
            costsDueFrom: "2026-01-14"),
        // Tue 30 December 2025: Wed 31 (1), New Year's Day skipped, Fri 2 January 2026 (2).
        Letter(
            name: "posted before New Year", posted: "2025-12-30", delivered: "2026-01-02", termEnd: "2026-01-16",
            costsDueFrom: "2026-01-17"),
        // Tue 9 December 2025: Wed 10 (1), Thu 11 (2). The 14th day is Christmas (Thu 25); Boxing
        // Day, Sat 27 and Sun 28 follow, so the term runs to Mon 29 December.
        Letter(
            name: "term ending on Christmas runs to the next working day", posted: "2025-12-09",
            delivered: "2025-12-11", termEnd: "2025-12-29", costsDueFrom: "2025-12-30"),
        // Tue 28 April 2026: Wed 29 (1), Thu 30 (2). The 14th day is Ascension (Thu 14 May 2026),
        // so the term ends Fri 15 May.
        Letter(
            name: "term ending on Ascension runs to Friday", posted: "2026-04-28", delivered: "2026-04-30",
            termEnd: "2026-05-15", costsDueFrom: "2026-05-16"),
        // Mon 4 May 2026: Liberation Day (Tue 5 May, not a lustrum year) skipped, Wed 6 (1), Thu 7 (2).
        Letter(
            name: "Liberation Day skipped in a non-lustrum year", posted: "2026-05-04", delivered: "2026-05-07",
            termEnd: "2026-05-21", costsDueFrom: "2026-05-22"),
        // Mon 29 April 2013: Queen's Day (Tue 30 April) skipped, Wed 1 May (1), Thu 2 May (2).
        Letter(
            name: "Queen's Day skipped before 2014", posted: "2013-04-29", delivered: "2013-05-02",
            termEnd: "2013-05-16", costsDueFrom: "2013-05-17"),
        // Tracked post delivered on Mon 10 March 2025: the actual day counts even though the
        // assumption would never deliver on a Monday. 14th day Mon 24 March.
        Letter(
            name: "actual delivery replaces the assumption", posted: "2025-03-07", actual: "2025-03-10",
            delivered: "2025-03-10", termEnd: "2025-03-24", costsDueFrom: "2025-03-25"),
        // An e-mail read on Sun 9 March 2025: the 14th day is Sun 23 March, so the term ends Mon 24.
        Letter(
            name: "actual delivery on a Sunday with the term ending on a Sunday", posted: "2025-03-07",
            actual: "2025-03-09", delivered: "2025-03-09", termEnd: "2025-03-24", costsDueFrom: "2025-03-25"),
        // An e-mail sent and received the same day is delivered that day.
        Letter(
            name: "same-day e-mail", posted: "2025-03-04", actual: "2025-03-04", delivered: "2025-03-04",
            termEnd: "2025-03-18", costsDueFrom: "2025-03-19"),
    ]

    @Test(arguments: letters) func handComputed(letter: Letter) {
        let term = ReminderTerm.netherlands(posted: day(letter.posted), delivered: letter.actual.map(day))
        #expect(term.posted == day(letter.posted))
        #expect(term.delivered == day(letter.delivered))
        #expect(term.deliveredAssumed == (letter.actual == nil))
        #expect(term.termStart == day(letter.delivered).adding(days: 1))
        #expect(term.termEnd == day(letter.termEnd))
        #expect(term.costsDueFrom == day(letter.costsDueFrom))
    }
}
