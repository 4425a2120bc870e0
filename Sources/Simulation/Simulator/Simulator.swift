import Foundation
public import Domain
public import Engine
import Money
import Operations
public import Store

/// Drives the real import, daily run, outbox dispatch and payment intake through a year, with
/// simulated debtors answering what reaches them. For each day: import the hand-overs arriving that
/// day, carry out the debtors' actions planned for the day (payments, responses, portal logins,
/// calls, surveys), run the day, dispatch the day's outbox and let debtors react to what they got.
///
/// Deterministic: the same spec, seed, knobs and strategy give the same `stateDigest()`. Memory is
/// one month's hand-over of one client, one day's outbox and the calendar of planned actions; the
/// year itself lives only in the store.
///
/// Resumable: each day leaves marks in the store (`SimulationStore`): the debtors' actions of a day
/// are carried out in one transaction with the mark that says so, and a finished day is marked. A
/// simulation stopped at any moment continues with `run(resume: true)` from the first unfinished
/// day: the import, the daily run and the dispatch are idempotent; the calendar of planned actions
/// (held only in memory) is rebuilt from the store, since the debtors' reactions are a pure
/// function of the messages that reached them and the arrangements agreed, added in the order an
/// uninterrupted run adds them. So a resumed year ends in the same `stateDigest()`.
public struct Simulator: Sendable {
    /// The portfolio to simulate.
    public let spec: PortfolioSpec
    /// The behaviour of the debtors.
    public let model: BehaviourModel
    /// The strategy every simulated client uses.
    public let strategy: StrategyReference
    /// The clients' mandates.
    public let clientMix: ClientMix
    /// What else shapes the year and must be the same to resume it (the shell's files, hashed).
    public let setup: String

    let store: any SimulationStore
    let context: EngineContext
    let clock: @Sendable () -> String

    /// A simulation of `spec` on `store` with the engine `context`; `clock` stamps audit fields only.
    public init(
        spec: PortfolioSpec, store: any SimulationStore, context: EngineContext, knobs: BehaviourKnobs = .reference,
        strategy: StrategyReference = .standard, clientMix: ClientMix = .standard, setup: String = "",
        clock: @escaping @Sendable () -> String
    ) {
        self.spec = spec
        self.model = BehaviourModel(seed: spec.seed, knobs: knobs)
        self.strategy = strategy
        self.clientMix = clientMix
        self.setup = setup
        self.store = store
        self.context = context
        self.clock = clock
    }

    /// The names of the marks a simulation leaves in the store.
    enum Mark {
        /// The arguments (`signature`), written when a simulation starts.
        static let arguments = "arguments"
        /// The last day finished.
        static let finishedThrough = "finishedThrough"
        /// The last day whose debtor actions were carried out.
        static let actionsCarriedOut = "actionsCarriedOut"
    }

    /// What must be the same for a simulation to resume another: the portfolio, the strategy's
    /// name, the clients' mandates and the behaviour's knobs.
    public var signature: String {
        "year \(spec.year), \(spec.clients) clients, \(spec.dossiers) dossiers, seed \(spec.seed), strategy \(strategy.name), "
            + "interest waived for \(clientMix.interestWaivingDossierShare) of dossiers, knobs \(StableHash.of(Self.text(of: model.knobs)))"
            + (setup.isEmpty ? "" : ", \(setup)")
    }

    /// The knobs as text that is the same in every process: fields in declaration order, the
    /// profile shares sorted by profile.
    static func text(of knobs: BehaviourKnobs) -> String {
        Mirror(reflecting: knobs).children.map { child in
            let value =
                (child.value as? [BehaviourProfile: Double]).map { shares in
                    shares.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ",")
                } ?? "\(child.value)"
            return "\(child.label ?? "")=\(value)"
        }.joined(separator: ";")
    }

    /// Simulates every day of the year; `progress` is told after each day. With `resume` it
    /// continues a simulation stopped on the same store with the same signature, from its first
    /// unfinished day; without, the store must hold no simulation yet.
    public func run(resume: Bool = false, progress: (SimulationProgress) -> Void = { _ in }) async throws
        -> SimulationSummary
    {
        let clients = PortfolioGenerator.clients(spec)
        let first = Day(year: spec.year, month: 1, day: 1)!
        let daysTotal = first.days(until: Day(year: spec.year + 1, month: 1, day: 1)!)
        let recorded = try await store.simulationMark(Mark.arguments)
        var start = 0
        var calendar = ActionCalendar()
        var summary = SimulationSummary()
        var eventsBefore = 0
        // The day whose actions a stopped run carried out already (only ever the day it resumes on).
        var actionsCarriedOutOn: String?
        // A run stopped before it recorded its arguments left nothing behind: resuming it starts it.
        var resumes = resume
        if resume && recorded == nil { resumes = try await store.counts() != StoreCounts() }
        if resumes {
            guard let recorded else { throw SimulationError.nothingToResume }
            guard recorded == signature else { throw SimulationError.otherArguments(recorded: recorded, given: signature) }
            if let finished = try await store.simulationMark(Mark.finishedThrough).flatMap(Day.init(iso:)) {
                start = first.days(until: finished) + 1
            }
            // Also for a finished year: what is left over is its `actionsBeyondYear`.
            calendar = try await rebuiltCalendar(first: first, resumingOn: first.adding(days: start))
            summary.resumedOn = first.adding(days: start)
            actionsCarriedOutOn = try await store.simulationMark(Mark.actionsCarriedOut)
            let counts = try await store.counts()
            summary.dossiers = counts.dossiers
            eventsBefore = counts.journalEvents
        } else {
            if let recorded { throw SimulationError.alreadySimulated(recorded: recorded) }
            try await store.setSimulationMark(Mark.arguments, to: signature)
        }
        try await insertClients(clients)
        // The report's counters follow the journal day by day, so the year's report is cheap. The
        // journal is counted after each daily run, while the day's dispatch and the next day's
        // hand-overs and debtor actions are written: on SQLite it is read on the second
        // connection, beside the writer.
        let reportStore = store as? any ReportCounterStore
        let reportReader = reportStore == nil ? nil : try await store.readAheadStore()
        var counting: Task<Void, any Error>?
        defer { counting?.cancel() }
        for offset in start..<daysTotal {
            let day = first.adding(days: offset)
            var phases = PhaseClock()
            // A stopped day may have imported some clients' files: those are not imported (and recorded) twice.
            try await importHandOvers(clients, on: day, skippingRecorded: resumes && offset == start, into: &summary)
            phases.lap(.imports, into: &summary)
            let actions = calendar.take(day)
            if actionsCarriedOutOn != day.description {
                try await carryOut(actions, on: day, into: &summary)
            }
            phases.lap(.debtorActions, into: &summary)
            // The daily run needs both connections: the counting of the day before ends first.
            try await counting?.value
            counting = nil
            phases.lap(.reportCounters, into: &summary)
            let run = try await DailyRun(store: store, context: context, day: day, clock: clock).run()
            for (type, count) in run.eventsByType { summary.eventsByType[type, default: 0] += count }
            summary.timing.dailyRuns.add(run)
            phases.lap(.dailyRun, into: &summary)
            if let reportStore {
                counting = Task { _ = try await ReportProjection.catchUp(reportStore, reading: reportReader) }
            }
            calendar.add(try await dispatch(day, into: &summary))
            phases.lap(.dispatch, into: &summary)
            calendar.add(try await instalments(agreedOn: day))
            phases.lap(.instalments, into: &summary)
            try await store.setSimulationMark(Mark.finishedThrough, to: day.description)
            summary.days += 1
            progress(
                SimulationProgress(
                    day: day, daysDone: offset + 1, daysTotal: daysTotal, dossiers: summary.dossiers,
                    events: eventsBefore + summary.events))
        }
        var lastCount = PhaseClock()
        try await counting?.value
        counting = nil
        lastCount.lap(.reportCounters, into: &summary)
        summary.actionsBeyondYear = calendar.count
        // The journal's own counts, so the import's events are in too: one indexed count per type.
        var journalCounts: [JournalEventType: Int] = [:]
        for type in JournalEventType.allCases {
            let count = try await store.countJournal(JournalFilter(type: type))
            if count > 0 { journalCounts[type] = count }
        }
        summary.eventsByType = journalCounts
        if resumes {
            // What the part before the resume did is in the store, not in this process.
            summary.payments = journalCounts[.paymentReceived] ?? 0
            summary.responses = try await store.countResponses()
        }
        return summary
    }

    /// The calendar as an uninterrupted run holds it at the start of `day`: the reactions to every
    /// message dispatched before `day` (and to those of `day` already dispatched) and the instalments
    /// of every arrangement agreed before `day`, day by day in the order `run` adds them, keeping the
    /// actions from `day` on.
    func rebuiltCalendar(first: Day, resumingOn day: Day) async throws -> ActionCalendar {
        var calendar = ActionCalendar()
        let decoder = CanonicalJSONDecoder()
        var current = first
        while current <= day {
            let sentToday = current == day ? try await OutboxDispatch.dispatchedIDs(on: day, in: store) : nil
            try await OutboxDispatch.forEachPage(plannedOn: current, in: store) { page in
                for row in page where sentToday?.contains(row.id) ?? true {
                    let message = try decoder.decode(OutboxMessage.self, from: row.message)
                    calendar.add(model.reactions(to: message, outcome: model.outcome(of: message), on: current).filter { $0.day >= day })
                }
            }
            if current < day { calendar.add(try await instalments(agreedOn: current).filter { $0.day >= day }) }
            current = current.adding(days: 1)
        }
        return calendar
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

    /// Client files imported in one transaction: a day's hand-overs are read in, as an agency loads
    /// the morning's files, in groups rather than a commit per file. Each file is imported as
    /// `ClaimImport` imports it alone; a group commits together, so the pages its files share (the
    /// ends of the journal, the ledger and the claims, the debtors' indexes) are written once a group
    /// (docs/performance.md, seventeenth sitting).
    static let handOversPerTransaction = 50

    /// Imports the month's hand-overs when `day` is a hand-over day, `handOversPerTransaction` clients
    /// to a transaction, in client order.
    func importHandOvers(
        _ clients: [SyntheticClient], on day: Day, skippingRecorded: Bool = false, into summary: inout SimulationSummary
    ) async throws {
        let month = day.month
        guard PortfolioGenerator.handOverDay(year: spec.year, month: month) == day else { return }
        func source(_ client: SyntheticClient) -> String { "simulation-\(client.reference)-\(day).csv" }
        var pending: [SyntheticClient] = []
        for client in clients {
            // A group is recorded whole or not at all, so a resumed day imports whole groups again.
            let clientID = Client.ID(client.reference)
            if skippingRecorded, try await store.importRecorded(clientID: clientID, source: source(client)) { continue }
            pending.append(client)
        }
        for start in stride(from: 0, to: pending.count, by: Self.handOversPerTransaction) {
            let group = pending[start..<min(start + Self.handOversPerTransaction, pending.count)]
            let (dossiers, rejected) = try await store.transaction { store in
                var counted = (dossiers: 0, rejected: 0)
                for client in group {
                    let handOver = PortfolioGenerator.handOver(of: client, month: month, spec: spec, debtors: model)
                    guard let handOver else { continue }
                    var reader = try ClaimFileReader(source: MemoryByteSource(handOver.csv, chunkBytes: 1 << 16))
                    let report = try await ClaimImport(
                        store: store, clientID: Client.ID(client.reference), day: day, recordedAt: clock()
                    ).run(&reader, sourceName: source(client))
                    counted.dossiers += report.imported > 0 ? Self.dossierCount(handOver) : 0
                    counted.rejected += report.rejected
                }
                return counted
            }
            summary.dossiers += dossiers
            summary.rejectedRows += rejected
        }
    }

    /// Dossiers in a hand-over: distinct debtor references (column 2).
    static func dossierCount(_ handOver: HandOver) -> Int {
        // Byte by byte: the generator writes ASCII separators, and splitting by `Character` took half
        // of the hand-overs' own time.
        var references: Set<String> = []
        for line in handOver.csv.utf8.split(separator: UInt8(ascii: "\n")).dropFirst() {
            let reference = line.split(separator: UInt8(ascii: ","), maxSplits: 2)[1]
            references.insert(String(decoding: reference, as: UTF8.self))
        }
        return references.count
    }

    /// Dispatches the day's outbox through the simulated channels; returns the debtors' reactions.
    func dispatch(_ day: Day, into summary: inout SimulationSummary) async throws -> [ScheduledAction] {
        let model = self.model
        // The debtors' reactions are worked out beside the store's writes, with the events to count.
        let dispatched = try await OutboxDispatch(store: store, day: day, recordedAt: clock()).run(
            deliver: { model.outcome(of: $0) },
            then: { item, events in
                let reactions = model.reactions(to: item.message, outcome: item.outcome, on: day)
                return (events: events, reactions: reactions)
            })
        var reactions: [ScheduledAction] = []
        for (_, follow) in dispatched {
            summary.count(follow.events)
            reactions += follow.reactions
        }
        return reactions
    }

    /// The instalments of the arrangements agreed on `day`, as the debtors will pay them.
    func instalments(agreedOn day: Day) async throws -> [ScheduledAction] {
        let filter = JournalFilter(type: .arrangementAgreed, from: day, through: day)
        var actions: [ScheduledAction] = []
        try await store.forEachJournalPage(filter) { page in
            for event in page {
                guard let fact = ReportEvent(event), case .arrangementAgreed(let months, let monthly) = fact.fact,
                    let firstDue = event.payload["firstDueDay"].flatMap(Day.init(iso:))
                else { continue }
                actions += model.instalments(
                    of: event.dossierID, agreedOn: day, months: months, monthlyInstalment: monthly, firstDueDay: firstDue)
            }
        }
        return actions
    }
}

/// Adds the time since the last lap to a phase of the summary.
struct PhaseClock {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init() { last = clock.now }

    mutating func lap(_ phase: SimulationPhase, into summary: inout SimulationSummary) {
        let now = clock.now
        summary.timing.secondsByPhase[phase, default: 0] += (now - last).inSeconds
        last = now
    }
}

/// Why a simulation cannot start or resume.
public enum SimulationError: Error, CustomStringConvertible, Equatable {
    /// Resume asked on a store that holds no simulation.
    case nothingToResume
    /// Resume asked with arguments other than the stored simulation's.
    case otherArguments(recorded: String, given: String)
    /// A new simulation asked on a store that holds one.
    case alreadySimulated(recorded: String)

    public var description: String {
        switch self {
        case .nothingToResume: "this store holds no simulation to resume"
        case .otherArguments(let recorded, let given):
            "the store holds a simulation of \(recorded); resuming needs the same arguments, not \(given)"
        case .alreadySimulated(let recorded):
            "the store holds a simulation already (\(recorded)): resume it with --resume, or simulate into a new --db"
        }
    }
}
