import Domain
import Money
import PropertyBased
import Reporting
import Testing

/// The counters path and the direct fold give the same report on random journals, for random
/// periods, for the agency and for one client; so do the compacted counters the store would read.
@Suite struct CountersPropertyTests {
    @Test func countersAndFoldAgreeOnRandomJournals() async {
        await propertyCheck(count: 300, input: Gen.int64(in: 0...Int64.max)) { seed in
            var random = RandomJournal(seed: UInt64(seed))
            let journal = random.journal()
            let counters = ReportCounters(journal: journal)
            for _ in 0..<4 {
                let period = random.period()
                let client: Client.ID? = random.chance(50) ? nil : Client.ID("C\(random.int(1...3))")
                let folded = SocialReport.fold(journal: journal, period: period, client: client)
                #expect(
                    SocialReport.compute(counters: counters, period: period, client: client) == folded, "seed \(seed)")
                let compacted = counters.compacted(for: period, client: client)
                #expect(
                    SocialReport.compute(counters: compacted, period: period, client: client) == folded, "seed \(seed)")
            }
        }
    }

    /// Counters of two halves of a journal, recorded apart and merged, equal those of the whole:
    /// the store may update them event by event, in any grouping of transactions.
    @Test func countersAreAdditive() async {
        await propertyCheck(count: 100, input: Gen.int64(in: 0...Int64.max)) { seed in
            var random = RandomJournal(seed: UInt64(seed))
            let journal = random.journal()
            let cut = random.int(0...journal.count)
            var merged = ReportCounters(journal: journal[..<cut])
            merged.merge(ReportCounters(journal: journal[cut...]))
            #expect(merged == ReportCounters(journal: journal))
        }
    }

    /// The random journals do exercise every figure (a guard against a generator that makes the
    /// property vacuous).
    @Test func randomJournalsCoverEveryFigure() {
        var random = RandomJournal(seed: 42)
        var seen = Set<String>()
        for _ in 0..<50 {
            let journal = random.journal()
            let report = SocialReport.fold(journal: journal, period: ReportPeriod.year(2024))
            for figure in report.figures
            where figure.value.plainText.map({ !["0", "0.00", "0.0000"].contains($0) }) ?? false {
                seen.insert(figure.key)
            }
        }
        #expect(seen == Set(SocialReport(period: .year(2024), client: nil, settings: .reference).figures.map(\.key)))
    }
}
