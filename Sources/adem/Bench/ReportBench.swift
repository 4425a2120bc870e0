import ArgumentParser
import Domain
import Foundation
import Money
import Operations
import Reporting
import Store

/// `adem bench report`: a year's social report over report counters at the reference scale.
///
/// The counters are generated, not simulated: for every client and day, each counter is a Poisson
/// draw whose mean spreads the reference year's total (`shared/domain/social-collection.md`) evenly
/// over 5,217 clients x 366 days, and only non-zero cells are stored. Spreading evenly is the worst
/// case for the table's size (a real portfolio concentrates its events on fewer client-days): some
/// 8 million rows. The report is then timed as `adem report` does it: catch the projection up (here
/// a no-op), read the grouped sums, compute, render the HTML page.
struct ReportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "A year's social report over reference-scale counters (median of runs).")

    @Option(help: "Clients.") var clients = 5_217
    @Option(help: "The year whose every day gets counters.") var year = 2024
    @Option(help: "Repetitions (the median is reported).") var runs = 3
    @Option(help: "Seed of the generated counters.") var seed: UInt64 = 2024
    @OptionGroup var storeOptions: StoreOptions

    /// The reference year's totals per counter; amounts follow from counts below.
    static let yearTotals: [(ReportCounter, Double)] = [
        (.dossiersOpened, 783_180), (.dossiersClosed, 700_000), (.amountCollectedCents, 1_000_000),
        (.debtFreeConsumers, 134_443), (.debtFreeBusinesses, 14_938),
        (.emailsDelivered, 2_787_862), (.lettersDelivered, 724_953), (.smsDelivered, 482_927),
        (.callsOutbound, 1_300_000), (.callsInbound, 188_344), (.portalLogins, 86_904),
        (.arrangementsAgreed, 128_693), (.freezesStarted, 677_423), (.freezesEnded, 640_000),
        (.screenedNegative, 15_887), (.amicableClosingsCourtAllowed, 198_947),
        (.debtCounsellingStarted, 27_758), (.debtCounsellingEnded, 20_000), (.referredAbroad, 93_982),
        (.surveyAnswers, 60_000),
    ]

    func run() async throws {
        guard (1...1_000_000).contains(clients) else { throw ValidationError("--clients: expected 1 to 1000000") }
        guard (1...99).contains(runs) else { throw ValidationError("--runs: expected 1 to 99") }
        let period = ReportPeriod.year(year)
        let clock = ContinuousClock()
        try await storeOptions.withStore { store in
            guard let reportStore = store as? any ReportCounterStore else {
                throw ValidationError("this store keeps no report counters")
            }
            let existing = try await reportStore.reportCounters(for: period, client: nil)
            if existing.rows.isEmpty {
                let start = clock.now
                let rows = try await generate(reportStore, period: period)
                print("generated \(rows) counter rows (\(clients) clients x \(period.months.count) months of days) in \(Self.text(clock.now - start)) s")
            } else {
                print("counters of \(year) present in \(storeOptions.location): timing the report only")
            }
            var agency: [Double] = []
            var single: [Double] = []
            for run in 1...runs {
                let start = clock.now
                _ = try await ReportProjection.catchUp(reportStore)
                let counters = try await reportStore.reportCounters(for: period, client: nil)
                let report = SocialReport.compute(counters: counters, period: period)
                let html = SocialReportRenderer.html(report, reference: .reference2024)
                agency.append((clock.now - start).inSeconds)
                let clientStart = clock.now
                let client = Client.ID("C\(String(format: "%05d", run * 7 % clients))")
                let clientReport = SocialReport.compute(
                    counters: try await reportStore.reportCounters(for: period, client: client), period: period,
                    client: client)
                _ = SocialReportRenderer.json(clientReport)
                single.append((clock.now - clientStart).inSeconds)
                print(
                    "run \(run): agency year \(String(format: "%.2f", agency.last!)) s (\(report.dossiersHandled) dossiers handled, \(html.utf8.count / 1024) KiB HTML), one client \(String(format: "%.3f", single.last!)) s"
                )
            }
            print(
                "median: agency year report \(String(format: "%.2f", agency.sorted()[runs / 2])) s, one client \(String(format: "%.3f", single.sorted()[runs / 2])) s (engine \(store.engineName))"
            )
        }
    }

    /// Writes the counters day by day, one transaction per day; returns the rows written.
    private func generate(_ store: any ReportCounterStore, period: ReportPeriod) async throws -> Int {
        var random = CounterRandom(seed: seed)
        let cells = Double(clients) * Double(period.months.reduce(0) { $0 + $1.days.dayCount })
        let limits = Self.yearTotals.map { (counter: $0.0, limit: exp(-$0.1 / cells)) }
        let watermark = try await store.reportWatermark()
        var written = 0
        var day = period.from
        while day <= period.through {
            var rows: [ReportCounterKey: Int64] = [:]
            var restarts: [FreezeRestartKey: Int64] = [:]
            for index in 0..<clients {
                let client = Client.ID("C\(String(format: "%05d", index))")
                func put(_ counter: ReportCounter, _ value: Int64) {
                    if value != 0 { rows[ReportCounterKey(day: day, client: client, counter: counter)] = value }
                }
                for (counter, limit) in limits {
                    let count = random.poisson(limit: limit)
                    guard count > 0 else { continue }
                    switch counter {
                    case .amountCollectedCents:
                        put(counter, Int64(count) * Int64(2_000 + random.next() % 12_000))
                    case .arrangementsAgreed:
                        put(counter, Int64(count))
                        put(.arrangementMonths, Int64(count) * Int64(3 + random.next() % 9))
                        put(.arrangementInstalmentCents, Int64(count) * Int64(5_000 + random.next() % 13_400))
                    case .freezesEnded:
                        put(counter, Int64(count))
                        put(.interestAvoidedCents, Int64(count) * Int64(1_000 + random.next() % 12_600))
                    case .freezesStarted:
                        put(counter, Int64(count))
                        if random.next() % 50 == 0 {
                            restarts[FreezeRestartKey(day: day, client: client, previousEnd: day.adding(days: -Int(random.next() % 60)))] = 1
                        }
                    case .surveyAnswers:
                        put(counter, Int64(count))
                        put(.surveysSatisfied, Int64((0..<count).count { _ in random.next() % 5 != 0 }))
                    default:
                        put(counter, Int64(count))
                    }
                }
            }
            try await store.addReportCounts(
                ReportCounters(rows: rows, freezeRestarts: restarts), advancing: watermark, to: watermark)
            written += rows.count
            day = day.adding(days: 1)
        }
        return written
    }

    static func text(_ duration: Duration) -> String { String(format: "%.1f", duration.inSeconds) }
}

extension ReportPeriod {
    /// The number of days, both ends included.
    fileprivate var dayCount: Int { through.daysSinceEpoch - from.daysSinceEpoch + 1 }
}

/// A small seeded generator (SplitMix64) for the bench's counters: deterministic for a seed.
private struct CounterRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A Poisson draw (Knuth) with mean -ln(`limit`); fine for the small means used here.
    mutating func poisson(limit: Double) -> Int {
        var count = 0
        var product = unit()
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }
}
