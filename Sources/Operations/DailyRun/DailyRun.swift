import Foundation
public import Domain
public import Engine
import Law
public import Money
public import Store

/// The daily run: every dossier due on a day gets its next humane and lawful step.
///
/// The day is split into chunks of dossiers (planned once, in the store). A worker claims a chunk,
/// reads everything the engine needs for its dossiers in a few batch queries, asks the engine for
/// each dossier's step, and writes state, progress, ledger, journal and outbox together with the
/// chunk's "done" mark in one transaction. So the run is:
/// - idempotent: a finished chunk is never claimed again, and a stepped dossier is no longer due;
/// - resumable: a worker killed at any moment loses only its open transaction; a rerun claims the
///   chunks still pending and ends in the same state as an uninterrupted run;
/// - shareable: on PostgreSQL several processes claim chunks with `FOR UPDATE SKIP LOCKED`.
///
/// Envelope: a chunk of 500 dossiers reads ~8 batch queries and writes ~5 multi-row statements; at
/// a few milliseconds per statement that is ~50 ms of SQL per chunk against ~10-40 ms of engine work,
/// so SQLite can carry tens of thousands of steps a second on one core.
public struct DailyRun: Sendable {
    /// The most dossiers one chunk (one transaction) holds.
    public static let chunkDossiersMaxDefault = 500
    /// How many times a chunk is retried after a conflicting concurrent write.
    public static let retriesMax = 5

    let store: any DailyRunStore
    let context: EngineContext
    let day: Day
    let chunkDossiersMax: Int
    let clock: @Sendable () -> String

    /// A run of `day` on `store` with the engine `context`; `clock` gives wall-clock text for audit fields.
    public init(
        store: any DailyRunStore, context: EngineContext, day: Day, chunkDossiersMax: Int = chunkDossiersMaxDefault,
        clock: @escaping @Sendable () -> String
    ) {
        self.store = store
        self.context = context
        self.day = day
        self.chunkDossiersMax = chunkDossiersMax
        self.clock = clock
    }

    /// Plans the day (once) and works through pending chunks until none is left.
    public func run(progress: (RunStatus, RunSummary) -> Void = { _, _ in }) async throws -> RunSummary {
        let chunks = try await store.planRun(day: day, chunkDossiersMax: chunkDossiersMax, plannedAt: clock())
        var summary = RunSummary()
        var finished = try await store.runStatus(day: day).finished
        progress(RunStatus(chunks: chunks, finished: finished), summary)
        while let chunkSummary = try await runOneChunk() {
            summary.add(chunkSummary)
            finished += 1
            progress(RunStatus(chunks: chunks, finished: finished), summary)
        }
        return summary
    }

    /// Claims and processes one chunk; nil when no chunk is pending.
    func runOneChunk() async throws -> RunSummary? {
        var attempt = 0
        while true {
            do {
                return try await store.transaction { transaction in
                    let store = transaction as! any DailyRunStore
                    guard let chunk = try await store.claimChunk(day: day) else { return nil }
                    var summary = try await process(chunk, in: store)
                    try await store.finishChunk(chunk, finishedAt: clock())
                    summary.chunks = 1
                    summary.retries = attempt
                    return summary
                }
            } catch StoreError.conflict where attempt < Self.retriesMax {
                // Someone else changed a dossier of this chunk meanwhile (a payment, a portal form):
                // the transaction rolled back; read the chunk again and redo it.
                attempt += 1
            }
        }
    }

    /// Steps every due dossier of `chunk` and writes the results through `store` (a transaction).
    func process(_ chunk: RunChunk, in store: any DailyRunStore) async throws -> RunSummary {
        var summary = RunSummary()
        let dossiers = try await store.dossiersDue(in: chunk)
        summary.dossiers = dossiers.count
        guard !dossiers.isEmpty else { return summary }
        let snapshots = try await SnapshotReader(store: store, day: day).snapshots(of: dossiers)

        var changedDossiers: [Dossier] = []
        var progress: [(Dossier.ID, String)] = []
        var transactions: [LedgerTransaction] = []
        var events: [JournalEvent] = []
        var outbox: [OutboxRow] = []
        var plannedByPerson: [String: [ContactRecord]] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for var snapshot in snapshots {
            // Contacts planned earlier in this chunk for the same person count towards the cap too.
            if let planned = plannedByPerson[snapshot.personKey] {
                snapshot.base = snapshot.base.adding(contacts: planned)
            }
            let step = DailyPlanner.step(snapshot.base, on: day, context: context)
            guard step.changed else { continue }
            summary.stepped += 1
            changedDossiers.append(step.dossier)
            progress.append((step.dossier.id, String(decoding: try encoder.encode(step.progress), as: UTF8.self)))
            transactions += step.transactions
            events += step.events
            for message in step.outbox {
                outbox.append(
                    OutboxRow(
                        id: message.id, dossierID: message.dossierID, channel: message.channel, plannedDay: message.plannedDay,
                        personKey: snapshot.personKey, message: String(decoding: try encoder.encode(message), as: UTF8.self)))
                plannedByPerson[snapshot.personKey, default: []].append(message.contact)
                summary.messagesByChannel[message.channel, default: 0] += 1
            }
            for event in step.events { summary.eventsByType[event.type, default: 0] += 1 }
        }
        _ = try await store.updateDossiers(changedDossiers)
        try await store.saveProgress(progress)
        try await store.appendLedger(transactions)
        try await store.appendJournal(events, recordedAt: clock())
        try await store.insertOutbox(outbox)
        return summary
    }
}

extension DossierSnapshot {
    /// The same snapshot with more contacts in the person's history.
    func adding(contacts: [ContactRecord]) -> DossierSnapshot {
        DossierSnapshot(
            dossier: dossier, debtor: debtor, client: client, claims: claims, balances: balances, progress: progress,
            contactHistory: contactHistory + contacts, responses: responses, earlierCostCharges: earlierCostCharges,
            debtorOtherOpenDossiers: debtorOtherOpenDossiers)
    }
}
