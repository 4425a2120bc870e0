import ArgumentParser
import Domain
import Engine
import Foundation
import Money
import Operations
import Reporting
import Simulation
import Store

#if canImport(Glibc)
    import Glibc
#endif

/// `adem simulate`: a synthetic agency year through the real import, daily run and payment intake.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a collection year: a synthetic portfolio and debtors who respond, through the real daily run.",
        discussion: """
            Generates clients and their monthly hand-overs, imports them on their days, and runs every day of \
            the year with simulated deliveries, payments, arrangements, disputes and requests for help. The \
            same seed gives the same `adem state digest`. Needs an empty store; a stopped simulation goes on \
            with the same arguments and --resume. docs/simulation.md explains the behaviour model.
            """
    )

    /// The reference agency year of docs (5,217 clients, 783,180 dossiers).
    enum Preset: String, ExpressibleByArgument, CaseIterable {
        case reference2024 = "reference-2024"
    }

    @Option(name: .long, help: "The year to simulate.")
    var year: Int = 2024

    @Option(name: .long, help: "Dossiers handed over in the year.")
    var dossiers: Int?

    @Option(name: .long, help: "Clients (creditors).")
    var clients: Int?

    @Option(name: .long, help: "The seed of the portfolio and the debtors' behaviour.")
    var seed: UInt64 = 2024

    @Option(name: .long, help: "A strategy file (YAML) every simulated client uses instead of the standard one.")
    var strategy: String?

    @Option(name: .customLong("partner-offices"), help: "The partner offices abroad, as a table file (default: a synthetic office per country).")
    var partnerOffices: String?

    @Option(name: .long, help: "Size the run like a known portfolio: reference-2024.")
    var preset: Preset?

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Print the summary as one JSON object.")
    var json = false

    @Flag(name: .long, help: "Go on with a simulation stopped on this store (the same arguments), from its first unfinished day.")
    var resume = false

    /// The default portfolio: finishes in a few minutes on two cores in a release build.
    static let defaultDossiers = 2_000
    static let defaultClients = 40

    func validate() throws {
        guard (1900...2200).contains(year) else { throw ValidationError("--year: expected 1900 to 2200") }
        if let dossiers, !(1...10_000_000).contains(dossiers) {
            throw ValidationError("--dossiers: expected 1 to 10000000")
        }
        if let clients, !(1...100_000).contains(clients) { throw ValidationError("--clients: expected 1 to 100000") }
    }

    func run() async throws {
        let size: (clients: Int, dossiers: Int) =
            switch preset {
            case .reference2024: (clients ?? 5_217, dossiers ?? 783_180)
            case nil: (clients ?? Self.defaultClients, dossiers ?? Self.defaultDossiers)
            }
        guard size.dossiers >= size.clients else { throw ValidationError("--dossiers: at least one per client (--clients)") }
        let spec = PortfolioSpec(year: year, clients: size.clients, dossiers: size.dossiers, seed: seed)
        let (context, strategyReference) = try engineContext()
        let showProgress = isatty(STDERR_FILENO) == 1 && !json
        let started = Date()
        let (summary, report) = try await storeOptions.withStore { store in
            guard let simulationStore = store as? any SimulationStore else { throw ValidationError("this store cannot simulate") }
            let dossiersStored = try await store.counts().dossiers
            guard resume || dossiersStored == 0 else {
                throw ValidationError(
                    "the store already holds dossiers: simulate into a new --db (or an empty database), or --resume a stopped simulation")
            }
            let simulator = Simulator(
                spec: spec, store: simulationStore, context: context, strategy: strategyReference,
                clientMix: preset == .reference2024 ? .reference2024 : .standard, setup: try setupSignature(),
                clock: { Date().ISO8601Format() })
            var daysBefore: Int?
            var summary: SimulationSummary
            do {
                summary = try await simulator.run(resume: resume) { progress in
                    guard showProgress else { return }
                    let before = daysBefore ?? (progress.daysDone - 1)
                    daysBefore = before
                    let elapsed = Date().timeIntervalSince(started)
                    let fraction = Double(progress.daysDone) / Double(progress.daysTotal)
                    let done = Double(progress.daysDone - before) / Double(progress.daysTotal - before)
                    let remaining = done > 0 ? elapsed / done - elapsed : 0
                    ProgressBar.draw(
                        fraction: fraction,
                        detail: "\(progress.day)  \(progress.dossiers) dossiers  \(progress.events) events  "
                            + "\(Self.duration(elapsed)) elapsed, ETA \(Self.duration(remaining))")
                }
            } catch let error as SimulationError {
                throw Shell.fail(error.description)
            }
            let report = try await Self.yearReport(store, year: spec.year)
            // A resumed process saw only its part of the payments; the year's report has them all.
            if summary.resumedOn != nil { summary.collected = report.amountCollected }
            return (summary, report)
        }
        if showProgress { ProgressBar.clear() }
        let elapsed = Date().timeIntervalSince(started)
        // The year's report next to the reference agency year, sized to this portfolio (rates per dossier).
        let reference = ReferenceFigures.reference2024.scaled(toDossiers: report.dossiersHandled)
        print(
            render(
                summary, spec: spec, elapsed: elapsed, comparison: reference?.compare(report) ?? [],
                scaledTo: report.dossiersHandled))
    }

    /// The engine's context and the strategy the simulated clients use. Kept out of the async `run`:
    /// the Swift 6.3 release compiler crashed (signal 11, "while splitting coroutine") building it inline.
    private func engineContext() throws -> (EngineContext, StrategyReference) {
        // The reference preset's clients follow the reference agency's strategy unless --strategy says otherwise.
        let presetStrategy = preset == .reference2024 && strategy == nil ? try StrategyParser.parse(ReferenceAgencyStrategy.yaml) : nil
        var context = try EngineContextLoader.load(
            strategyFiles: strategy.map { [$0] } ?? [], partnerOfficesFile: partnerOffices, builtIn: presetStrategy.map { [$0] } ?? [])
        if partnerOffices == nil { context.partnerOffices = SyntheticPartnerOffices.table }
        if let presetStrategy { return (context, StrategyReference(name: presetStrategy.name)) }
        guard let strategy else { return (context, .standard) }
        let text = try String(contentsOfFile: strategy, encoding: .utf8)
        return (context, StrategyReference(name: try StrategyParser.parse(text).name))
    }

    /// The files that shape the engine, for the simulation's signature: a resume with an edited
    /// strategy or partner-office table is refused, as with other arguments.
    private func setupSignature() throws -> String {
        try [("strategy file", strategy), ("partner offices", partnerOffices)].compactMap { label, path in
            try path.map { "\(label) \(StableHash.of(try String(contentsOfFile: $0, encoding: .utf8)))" }
        }.joined(separator: ", ")
    }

    /// The social report of `year` for the agency, from the report counters the simulation kept current.
    static func yearReport(_ store: any CaseStore, year: Int) async throws -> SocialReport {
        guard let reportStore = store as? any ReportCounterStore else { throw ValidationError("this store keeps no report counters") }
        _ = try await ReportProjection.catchUp(reportStore) { _ in }
        let period = ReportPeriod.year(year)
        let counters = try await reportStore.reportCounters(for: period, client: nil)
        return SocialReport.compute(counters: counters, period: period, client: nil, settings: SocialReportSettings())
    }

    /// Figures within this share of the (scaled) reference count as calibrated.
    static let calibrationTolerancePercent: Int64 = 15

    private func render(
        _ summary: SimulationSummary, spec: PortfolioSpec, elapsed: TimeInterval, comparison: [ReferenceFigures.Comparison],
        scaledTo dossiers: Int64
    ) -> String {
        let compared = comparison.filter { $0.reference != nil && $0.key != "dossiersHandled" }
        let within = compared.filter { $0.isWithin(tolerancePercent: Self.calibrationTolerancePercent) == true }
        let events = summary.eventsByType.sorted { $0.key.rawValue < $1.key.rawValue }
        if json {
            return JSONOutput.object([
                ("year", .number(spec.year)), ("seed", .string(String(spec.seed))), ("clients", .number(spec.clients)),
                ("dossiers", .number(summary.dossiers)), ("rejectedRows", .number(summary.rejectedRows)),
                ("events", .number(summary.events)),
                ("eventsByType", .object(events.map { ($0.key.rawValue, .number($0.value)) })),
                ("payments", .number(summary.payments)), ("amountCollected", .string(summary.collected.description)),
                ("responses", .number(summary.responses)), ("actionsBeyondYear", .number(summary.actionsBeyondYear)),
                ("elapsedSeconds", .string(String(format: "%.1f", elapsed))),
                (
                    "secondsByPhase",
                    .object(
                        SimulationPhase.allCases.map { phase in
                            (phase.rawValue, .string(String(format: "%.1f", summary.timing.secondsByPhase[phase] ?? 0)))
                        })
                ),
                ("dailyRuns", Self.work(summary.timing.dailyRuns)),
                (
                    "reference",
                    .object(
                        compared.map { row in
                            (
                                row.key,
                                .object([
                                    ("value", .string(row.value.plainText ?? "")),
                                    ("reference", .string(row.reference?.value.plainText ?? "")),
                                    ("deviationPercent", .string(row.deviationPercentText ?? "")),
                                ])
                            )
                        })
                ),
            ]).rendered
        }
        var table = KeyValueTable()
        table.add("Year", "\(spec.year) (seed \(spec.seed))")
        table.add("Clients", String(spec.clients))
        table.add("Dossiers", String(summary.dossiers))
        table.add("Events", String(summary.events))
        for (type, count) in events { table.add("  " + type.rawValue, String(count)) }
        table.add("Payments", String(summary.payments))
        table.add("Collected", "EUR " + summary.collected.description)
        table.add("Responses", String(summary.responses))
        table.add("Elapsed", Self.duration(elapsed) + (summary.resumedOn.map { " (this run, resumed on \($0))" } ?? ""))
        for phase in SimulationPhase.allCases {
            table.add("  " + phase.rawValue, Self.duration(summary.timing.secondsByPhase[phase] ?? 0))
        }
        guard !compared.isEmpty else { return table.rendered }
        var side = KeyValueTable()
        for row in compared {
            let mark = row.isWithin(tolerancePercent: Self.calibrationTolerancePercent) == true ? "ok" : "off"
            side.add(
                "  " + row.key,
                "\(row.value.plainText ?? "-")  vs  \(row.reference?.value.plainText ?? "-")  \(row.deviationText ?? "")  \(mark)")
        }
        return table.rendered + "\n\nThe year against the reference agency year (reference per dossier x \(dossiers)): "
            + "\(within.count) of \(compared.count) figures within \(Self.calibrationTolerancePercent)%\n" + side.rendered
    }

    /// How the year's daily runs went, for `--json`: the figures that explain their time.
    static func work(_ runs: RunSummary) -> JSONOutput {
        .object([
            ("chunks", .number(runs.chunks)), ("dossiersDue", .number(runs.dossiers)), ("stepped", .number(runs.stepped)),
            ("chunksReadAhead", .number(runs.chunksReadAhead)), ("chunksSteppedAhead", .number(runs.chunksSteppedAhead)),
            ("dossiersSteppedAgain", .number(runs.dossiersSteppedAgain)),
            ("dossiersHandedOver", .number(runs.dossiersHandedOver)), ("retries", .number(runs.retries)),
            ("secondsReadingAhead", .string(String(format: "%.1f", runs.timing.readingAhead))),
            ("secondsWaitingForReadAhead", .string(String(format: "%.1f", runs.timing.waitedForReadAhead))),
        ])
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let whole = max(0, Int(seconds.rounded()))
        return whole >= 3600
            ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
            : String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
