import Foundation
public import Domain
public import Engine
public import Money
public import Operations
public import Store

/// Drives the real import, daily run, outbox dispatch and payment intake through a year, with
/// simulated debtors answering what reaches them. For each day: import the hand-overs arriving that
/// day, carry out the debtors' actions planned for the day (payments, responses, portal logins,
/// calls, surveys), run the day, dispatch the day's outbox and let debtors react to what they got.
///
/// Deterministic: the same spec, seed, knobs and strategy give the same `stateDigest()`. Memory is
/// one month's hand-over of one client, one day's outbox and the calendar of planned actions; the
/// year itself lives only in the store.
public struct Simulator: Sendable {
    /// The portfolio to simulate.
    public let spec: PortfolioSpec
    /// The behaviour of the debtors.
    public let model: BehaviourModel
    /// The strategy every simulated client uses.
    public let strategy: StrategyReference
    /// The clients' mandates.
    public let clientMix: ClientMix

    let store: any IntakeStore
    let context: EngineContext
    let clock: @Sendable () -> String

    /// A simulation of `spec` on `store` with the engine `context`; `clock` stamps audit fields only.
    public init(
        spec: PortfolioSpec, store: any IntakeStore, context: EngineContext, knobs: BehaviourKnobs = .reference,
        strategy: StrategyReference = .standard, clientMix: ClientMix = .standard,
        clock: @escaping @Sendable () -> String
    ) {
        self.spec = spec
        self.model = BehaviourModel(seed: spec.seed, knobs: knobs)
        self.strategy = strategy
        self.clientMix = clientMix
        self.store = store
        self.context = context
        self.clock = clock
    }

    /// Simulates every day of the year; `progress` is told after each day.
    public func run(progress: (SimulationProgress) -> Void = { _ in }) async throws -> SimulationSummary {
        let clients = PortfolioGenerator.clients(spec)
        try await insertClients(clients)
        let first = Day(year: spec.year, month: 1, day: 1)!
        let daysTotal = first.days(until: Day(year: spec.year + 1, month: 1, day: 1)!)
        var calendar = ActionCalendar()
        var summary = SimulationSummary()
        for offset in 0..<daysTotal {
            let day = first.adding(days: offset)
            try await importHandOvers(clients, on: day, into: &summary)
            try await carryOut(calendar.take(day), on: day, into: &summary)
            let run = try await DailyRun(store: store, context: context, day: day, clock: clock).run()
            for (type, count) in run.eventsByType { summary.eventsByType[type, default: 0] += count }
            calendar.add(try await dispatch(day, into: &summary))
            calendar.add(try await instalments(agreedOn: day))
            // The report's counters follow the journal day by day, so the year's report is cheap.
            if let reportStore = store as? any ReportCounterStore { _ = try await ReportProjection.catchUp(reportStore) }
            summary.days += 1
            progress(
                SimulationProgress(
                    day: day, daysDone: offset + 1, daysTotal: daysTotal, dossiers: summary.dossiers, events: summary.events))
        }
        summary.actionsBeyondYear = calendar.count
        // The journal's own counts, so the import's events are in too: one indexed count per type.
        var journalCounts: [JournalEventType: Int] = [:]
        for type in JournalEventType.allCases {
            let count = try await store.countJournal(JournalFilter(type: type))
            if count > 0 { journalCounts[type] = count }
        }
        summary.eventsByType = journalCounts
        return summary
    }

    /// Creates the synthetic clients (those already there are kept: a rerun on the same store).
    func insertClients(_ clients: [SyntheticClient]) async throws {
        let mandates = clientMix.mandates(for: clients)
        try await store.transaction { store in
            for (client, mandate) in zip(clients, mandates) {
                let id = Client.ID(client.reference)
                guard try await store.client(id) == nil else { continue }
                try await store.insertClient(Client(id: id, name: client.name, mandate: mandate, strategy: strategy))
            }
        }
    }

    /// Imports the month's hand-overs when `day` is a hand-over day, one client at a time.
    func importHandOvers(_ clients: [SyntheticClient], on day: Day, into summary: inout SimulationSummary) async throws {
        let month = day.month
        guard PortfolioGenerator.handOverDay(year: spec.year, month: month) == day else { return }
        for client in clients {
            guard let handOver = PortfolioGenerator.handOver(of: client, month: month, spec: spec, debtors: model) else {
                continue
            }
            var reader = try ClaimFileReader(source: MemoryByteSource(handOver.csv, chunkBytes: 1 << 16))
            let report = try await ClaimImport(store: store, clientID: Client.ID(client.reference), day: day, recordedAt: clock())
                .run(&reader, sourceName: "simulation-\(client.reference)-\(day).csv")
            summary.dossiers += report.imported > 0 ? Self.dossierCount(handOver) : 0
            summary.rejectedRows += report.rejected
        }
    }

    /// Dossiers in a hand-over: distinct debtor references (column 2).
    static func dossierCount(_ handOver: HandOver) -> Int {
        Set(handOver.csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", maxSplits: 2)[1] }).count
    }

    /// Dispatches the day's outbox through the simulated channels; returns the debtors' reactions.
    func dispatch(_ day: Day, into summary: inout SimulationSummary) async throws -> [ScheduledAction] {
        let dispatched = try await OutboxDispatch(store: store, day: day, recordedAt: clock()).run { model.outcome(of: $0) }
        var reactions: [ScheduledAction] = []
        for item in dispatched {
            summary.count(OutboxDispatch.events(item.message, clientID: item.clientID, outcome: item.outcome, day: day))
            reactions += model.reactions(to: item.message, outcome: item.outcome, on: day)
        }
        return reactions
    }

    /// The instalments of the arrangements agreed on `day`, as the debtors will pay them.
    func instalments(agreedOn day: Day) async throws -> [ScheduledAction] {
        let filter = JournalFilter(type: .arrangementAgreed, from: day, through: day)
        var actions: [ScheduledAction] = []
        var after: Int64 = 0
        while true {
            let page = try await store.journal(filter, after: after, limit: 1_000)
            for event in page {
                guard let fact = ReportEvent(event), case .arrangementAgreed(let months, let monthly) = fact.fact,
                    let firstDue = event.payload["firstDueDay"].flatMap(Day.init(iso:))
                else { continue }
                actions += model.instalments(
                    of: event.dossierID, agreedOn: day, months: months, monthlyInstalment: monthly, firstDueDay: firstDue)
            }
            guard let last = page.last?.sequence, page.count == 1_000 else { break }
            after = last
        }
        return actions
    }
}
