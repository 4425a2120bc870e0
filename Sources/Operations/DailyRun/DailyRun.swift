import Foundation
import Synchronization
import Domain
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
/// Envelope: a chunk of 1,000 dossiers reads ~8 batch queries and writes ~5 multi-row statements; at
/// a few milliseconds per statement that is ~50 ms of SQL per chunk against ~10-40 ms of engine work,
/// so SQLite can carry tens of thousands of steps a second on one core.
public struct DailyRun: Sendable {
    /// The most dossiers one chunk (one transaction) holds.
    /// (1,000 rather than 500 since the sixteenth sitting: half the commits, and the 100,000-dossier
    /// year with 2-3% less processor time and the same digest; `bench run-day` within its noise.)
    public static let chunkDossiersMaxDefault = 1_000
    /// A run that reads ahead plans the first chunk of a round this many times smaller than the others.
    static let firstChunkDivisor = 4
    /// Partitions a chunk's engine work is split into (one per core of the machine kind).
    static let partitionsMax = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
    /// Below this many dossiers a chunk is stepped in one pass (a task is not worth it).
    static let parallelSnapshotsMin = 64
    /// The read-ahead steps a chunk in batches of whole persons of about this many dossiers, and
    /// hands the rest to the writer once it asks (`HandOver`).
    static let stepAheadBatchDossiersDefault = 100
    /// How many times a chunk is retried after a conflicting concurrent write.
    public static let retriesMax = 5

    let store: any DailyRunStore
    let context: EngineContext
    let day: Day
    let chunkDossiersMax: Int
    let clock: @Sendable () -> String
    /// Whether the next chunk's own data is read on a second connection while a chunk is being
    /// written (where the store offers one: SQLite files). The result is the same either way.
    let readsAhead: Bool
    /// Whether the read-ahead also reads the next chunk's persons and steps it, so the engine works
    /// while the chunk before is written. The result is the same either way. On by default;
    /// `ADEM_STEP_AHEAD=0` turns it off, to compare.
    let stepsAhead: Bool
    /// How the read-ahead batches its steps (a test may make it hand over at a known place).
    var stepAheadBatching = StepAheadBatching()

    /// Whether runs step ahead unless told otherwise (`ADEM_STEP_AHEAD`).
    public static var stepsAheadDefault: Bool { ProcessInfo.processInfo.environment["ADEM_STEP_AHEAD"] != "0" }

    /// A run of `day` on `store` with the engine `context`; `clock` gives wall-clock text for audit fields.
    public init(
        store: any DailyRunStore, context: EngineContext, day: Day, chunkDossiersMax: Int = chunkDossiersMaxDefault,
        readsAhead: Bool = true, stepsAhead: Bool = stepsAheadDefault, clock: @escaping @Sendable () -> String
    ) {
        self.stepsAhead = stepsAhead
        self.store = store
        self.context = context
        self.day = day
        self.chunkDossiersMax = chunkDossiersMax
        self.readsAhead = readsAhead
        self.clock = clock
    }

    /// The next chunk's own data, read while the chunk before it was written.
    struct ReadAhead: Sendable {
        let chunk: RunChunk
        let dossiers: [Dossier]
        let reads: SnapshotReader.DossierReads
        /// The chunk stepped on the same snapshot (its persons' contacts, open dossiers and earlier
        /// costs read there too); nil when the run does not step ahead.
        let stepped: SteppedChunk?
        /// How long the read (and the steps ahead) took.
        var seconds = 0.0
    }

    /// A chunk's steps, with the person of each of its dossiers.
    struct SteppedChunk: Sendable {
        /// The person key of each due dossier, in chunk order.
        let persons: [String]
        /// The changed dossiers' steps, by their index in the chunk (of the persons stepped, in no
        /// particular order: the writer puts them in chunk order with its own).
        let steps: [(Int, EncodedStep)]
        /// The persons whose dossiers were stepped; the others were handed to the writer.
        let steppedPersons: Set<String>
    }

    /// Asked by the writer when it is ready for the next chunk: the read-ahead then steps no further
    /// persons and hands the rest to the writer, which reads and steps them in its own transaction.
    /// So when reading ahead takes longer than writing (a large book), the two share the work
    /// instead of the writer waiting. Which side steps a person never changes the step.
    final class HandOver: Sendable {
        private let asked = Atomic<Bool>(false)
        func ask() { asked.store(true, ordering: .relaxed) }
        var isAsked: Bool { asked.load(ordering: .relaxed) }
    }

    /// A read-ahead under way, with the writer's `changeMark` from just before it started.
    struct PendingReadAhead {
        let task: Task<ReadAhead?, any Error>
        let changeMark: Int64
        let handOver: HandOver
        /// The persons of the chunk written while the read ran (set once that chunk is processed).
        /// A step read ahead stands only when its person is not among them: that chunk's writes
        /// (contacts planned, dossiers closed, costs charged) touch its own persons alone.
        var personsWrittenMeanwhile: Set<String>?

        /// Waits for the read; nil when it failed (the chunk is then read in its own transaction).
        func result() async -> ReadAhead? { (try? await task.value) ?? nil }
    }

    /// Plans the day (once) and works through pending chunks until none is left.
    public func run(progress: (RunStatus, RunSummary) -> Void = { _, _ in }) async throws -> RunSummary {
        // The hand-overs since the last run may have grown the tables past what the planner knows.
        try await store.refreshPlannerStatistics()
        let reader = readsAhead ? try await store.readAheadStore() : nil
        // Nothing is read ahead for a round's first chunk: reading ahead, it is a quarter of the others.
        let firstChunkDossiersMax = reader == nil ? chunkDossiersMax : max(1, chunkDossiersMax / Self.firstChunkDivisor)
        let chunks = try await store.planRun(
            day: day, chunkDossiersMax: chunkDossiersMax, firstChunkDossiersMax: firstChunkDossiersMax,
            plannedAt: clock())
        var summary = RunSummary()
        var finished = try await store.runStatus(day: day).finished
        progress(RunStatus(chunks: chunks, finished: finished), summary)
        var ahead: PendingReadAhead?
        do {
            while let chunkSummary = try await runOneChunk(reader: reader, ahead: &ahead) {
                summary.add(chunkSummary)
                finished += 1
                progress(RunStatus(chunks: chunks, finished: finished), summary)
            }
        } catch {
            // Never leave a read running past the run (the store closes after it).
            _ = await ahead?.result()
            throw error
        }
        return summary
    }

    /// Claims and processes one chunk; nil when no chunk is pending. `ahead` is the read of this
    /// chunk started by the one before (used only when it read this chunk and nothing else changed
    /// the store since it started: `changeMark`), and on return the read of the next one.
    func runOneChunk(reader: (any DailyRunStore)?, ahead: inout PendingReadAhead?) async throws -> RunSummary? {
        var attempt = 0
        while true {
            let previous = ahead
            ahead = nil
            let waitStart = ContinuousClock.now
            previous?.handOver.ask()
            let readAhead = await previous?.result()
            let waited = (ContinuousClock.now - waitStart).inSeconds
            do {
                return try await store.transaction { transaction in
                    let store = transaction as! any DailyRunStore
                    guard let chunk = try await store.claimChunk(day: day) else { return nil }
                    let mark = try await store.changeMark()
                    let usable = readAhead.flatMap { read in
                        read.chunk == chunk && mark != nil && mark == previous?.changeMark ? read : nil
                    }
                    if let reader, let mark {
                        let day = self.day
                        let context = self.stepsAhead ? self.context : nil
                        let handOver = HandOver()
                        let batching = self.stepAheadBatching
                        ahead = PendingReadAhead(
                            task: Task {
                                let start = ContinuousClock.now
                                var read = try await Self.readAhead(
                                    after: chunk, day: day, context: context, from: reader, handOver: handOver,
                                    batching: batching)
                                read?.seconds = (ContinuousClock.now - start).inSeconds
                                return read
                            },
                            changeMark: mark, handOver: handOver)
                    }
                    let (processed, persons) = try await process(
                        chunk, in: store, readAhead: usable, personsWrittenMeanwhile: previous?.personsWrittenMeanwhile)
                    ahead?.personsWrittenMeanwhile = persons
                    var summary = processed
                    try await store.finishChunk(chunk, finishedAt: clock())
                    summary.chunks = 1
                    summary.retries = attempt
                    summary.timing.waitedForReadAhead = waited
                    summary.timing.readingAhead = readAhead?.seconds ?? 0
                    return summary
                }
            } catch StoreError.conflict where attempt < Self.retriesMax {
                // Someone else changed a dossier of this chunk meanwhile (a payment, a portal form):
                // the transaction rolled back; read the chunk again and redo it.
                attempt += 1
                _ = await ahead?.result()
                ahead = nil
            }
        }
    }

    /// How the read-ahead steps a chunk: in batches of whole persons of about `dossiers` each,
    /// asking before each batch whether the writer wants the rest. `batchesMax` stops it after that
    /// many batches whatever the writer does (for tests: a hand-over at a known place).
    struct StepAheadBatching: Sendable {
        var dossiers = DailyRun.stepAheadBatchDossiersDefault
        var batchesMax: Int?
    }

    /// Reads the first pending chunk after `chunk` in one snapshot of `reader` and steps it: its
    /// dossiers' own data, then, a batch of persons at a time, what they share with other dossiers,
    /// and their steps, until the writer asks for the chunk (`handOver`); the persons not stepped by
    /// then are the writer's. Without a `context`, only the dossiers' own data.
    static func readAhead(
        after chunk: RunChunk, day: Day, context: EngineContext?, from reader: any DailyRunStore,
        handOver: HandOver = HandOver(), batching: StepAheadBatching = StepAheadBatching()
    ) async throws -> ReadAhead? {
        try await reader.transaction { transaction in
            let store = transaction as! any DailyRunStore
            guard let next = try await store.pendingChunk(day: day, after: chunk.number) else { return nil }
            let (dossiers, progress, balances) = try await store.dossiersDueWithProgress(in: next)
            let snapshotReader = SnapshotReader(store: store, day: day)
            let reads = try await snapshotReader.dossierReads(of: dossiers, progress: progress, balances: balances)
            guard let context else { return ReadAhead(chunk: next, dossiers: dossiers, reads: reads, stepped: nil) }
            let persons = try snapshotReader.personKeys(of: dossiers, reads: reads)
            var steps: [(Int, EncodedStep)] = []
            var steppedPersons: Set<String> = []
            for (number, batch) in Self.batchesByPerson(persons, dossiers: batching.dossiers).enumerated() {
                if handOver.isAsked || batching.batchesMax.map({ number >= $0 }) == true { break }
                let batchSteps = try await snapshotReader.steps(
                    of: batch.map { dossiers[$0] }, reads: reads, on: day, context: context)
                steps += batchSteps.steps.map { (batch[$0.0], $0.1) }
                for index in batch { steppedPersons.insert(persons[index]) }
            }
            let stepped = SteppedChunk(persons: persons, steps: steps, steppedPersons: steppedPersons)
            return ReadAhead(chunk: next, dossiers: dossiers, reads: reads, stepped: stepped)
        }
    }

    /// The chunk's indices in batches of whole persons (each person's dossiers in one batch, in
    /// chunk order), a batch closed once it holds `dossiers` or more.
    static func batchesByPerson(_ persons: [String], dossiers batchDossiers: Int) -> [[Int]] {
        var order: [String] = []
        var byPerson: [String: [Int]] = [:]
        for (index, person) in persons.enumerated() {
            if byPerson[person] == nil { order.append(person) }
            byPerson[person, default: []].append(index)
        }
        var batches: [[Int]] = []
        var current: [Int] = []
        for person in order {
            current += byPerson[person]!
            if current.count >= batchDossiers {
                batches.append(current.sorted())
                current = []
            }
        }
        if !current.isEmpty { batches.append(current.sorted()) }
        return batches
    }

    /// Steps every due dossier of `chunk` and writes the results through `store` (a transaction);
    /// returns what it did and the persons of its dossiers. `readAhead` is this chunk read on the
    /// last commit, handed in only when nothing but the chunk before it changed the store since
    /// (`runOneChunk`): that chunk wrote dossiers of its own id range alone, so the due dossiers read
    /// ahead are this chunk's, and their own reads stand. (Should one have changed after all, its
    /// version check fails the write and the chunk is redone without reading ahead.) Its steps stand
    /// for the dossiers whose person is not in `personsWrittenMeanwhile` (the chunk written while it
    /// was read); the dossiers of a person in both are read and stepped again here, in chunk order.
    func process(
        _ chunk: RunChunk, in store: any DailyRunStore, readAhead ahead: ReadAhead? = nil,
        personsWrittenMeanwhile: Set<String>? = nil
    ) async throws -> (RunSummary, Set<String>) {
        var summary = RunSummary()
        let due = ahead == nil ? try await store.dossiersDueWithProgress(in: chunk) : nil
        let dossiers = ahead?.dossiers ?? due?.dossiers ?? []
        summary.dossiers = dossiers.count
        guard !dossiers.isEmpty else { return (summary, []) }
        if ahead != nil { summary.chunksReadAhead = 1 }
        let snapshotReader = SnapshotReader(store: store, day: day)
        let reads: SnapshotReader.DossierReads
        if let ahead {
            reads = ahead.reads
        } else {
            reads = try await snapshotReader.dossierReads(
                of: dossiers, progress: due?.progress ?? [:], balances: due?.balances ?? [:])
        }
        let stepped: [EncodedStep]
        let persons: Set<String>
        if let ahead, let steppedAhead = ahead.stepped, let written = personsWrittenMeanwhile {
            // Read and stepped here: the persons written meanwhile, and those handed over unstepped.
            var again: [Int] = []
            for (index, person) in steppedAhead.persons.enumerated() {
                if !steppedAhead.steppedPersons.contains(person) {
                    summary.dossiersHandedOver += 1
                    again.append(index)
                } else if written.contains(person) {
                    summary.dossiersSteppedAgain += 1
                    again.append(index)
                }
            }
            let kept = steppedAhead.steps.filter { !written.contains(steppedAhead.persons[$0.0]) }
            let redone = try await snapshotReader.steps(
                of: again.map { dossiers[$0] }, reads: reads, on: day, context: context
            ).steps.map { (again[$0.0], $0.1) }
            stepped = (kept + redone).sorted { $0.0 < $1.0 }.map(\.1)
            persons = Set(steppedAhead.persons)
            summary.chunksSteppedAhead = 1
        } else {
            let all = try await snapshotReader.steps(of: dossiers, reads: reads, on: day, context: context)
            stepped = all.steps.map(\.1)
            persons = Set(all.persons)
        }

        var changedDossiers: [Dossier] = []
        var progress: [String] = []
        var transactions: [LedgerTransaction] = []
        var events: [EncodedJournalEvent] = []
        var outbox: [OutboxRow] = []
        for encoded in stepped {
            summary.stepped += 1
            changedDossiers.append(encoded.step.dossier)
            progress.append(encoded.progress)
            transactions += encoded.step.transactions
            events += encoded.events
            outbox += encoded.outbox
            for message in encoded.outbox { summary.messagesByChannel[message.channel, default: 0] += 1 }
            for event in encoded.step.events { summary.eventsByType[event.type, default: 0] += 1 }
        }
        _ = try await store.updateDossiers(changedDossiers, read: dossiers, progress: progress)
        try await store.appendLedger(transactions)
        try await store.appendJournal(encoded: events, recordedAt: clock())
        try await store.insertOutbox(outbox)
        return (summary, persons)
    }

    /// Steps `snapshots` and returns the changed ones, by index, in order. The engine is pure and a
    /// person's dossiers depend only on each other (the contact cap, the person's open dossiers),
    /// so the dossiers are stepped in partitions by person, one per core, and merged back in order:
    /// the same result as one pass, in about half the time on two cores.
    static func step(_ snapshots: [KeyedSnapshot], on day: Day, context: EngineContext) async throws
        -> [(Int, EncodedStep)]
    {
        guard !snapshots.isEmpty else { return [] }
        let partitionCount = snapshots.count >= Self.parallelSnapshotsMin ? Self.partitionsMax : 1
        var partitions = Array(repeating: [Int](), count: partitionCount)
        for (index, snapshot) in snapshots.enumerated() {
            partitions[Int(UInt(bitPattern: snapshot.personKey.hashValue) % UInt(partitionCount))].append(index)
        }
        return try await withThrowingTaskGroup(of: [(Int, EncodedStep)].self) { group in
            for indices in partitions where !indices.isEmpty {
                let partition = indices.map { ($0, snapshots[$0]) }
                group.addTask { try Self.step(partition, on: day, context: context) }
            }
            var all: [(Int, EncodedStep)] = []
            for try await part in group { all += part }
            return all.sorted { $0.0 < $1.0 }
        }
    }
}

/// A changed dossier's step with its progress, events and messages encoded for storage.
struct EncodedStep: Sendable {
    let step: DossierStep
    let progress: String
    let events: [EncodedJournalEvent]
    let outbox: [OutboxRow]
}

extension DailyRun {
    /// Steps `snapshots` (chunk index, snapshot) in order, carrying what earlier dossiers of a person
    /// did in the pass to their later ones: the contacts planned count towards the cap, and the
    /// dossiers closed are no longer open (the snapshots were read before any of them closed, so when
    /// both of a person's dossiers close in one chunk, the second closing makes the person debt-free).
    /// Returns the changed ones.
    static func step(_ snapshots: [(Int, KeyedSnapshot)], on day: Day, context: EngineContext) throws
        -> [(Int, EncodedStep)]
    {
        let encoder = CanonicalJSONEncoder()
        var plannedByPerson: [String: [ContactRecord]] = [:]
        var closedByPerson: [String: Int] = [:]
        var stepped: [(Int, EncodedStep)] = []
        for (index, keyed) in snapshots {
            let snapshot = keyed.base.carrying(
                contacts: plannedByPerson[keyed.personKey] ?? [], closedDossiers: closedByPerson[keyed.personKey] ?? 0)
            let step = DailyPlanner.step(snapshot, on: day, context: context)
            guard step.changed else { continue }
            // Only open dossiers are due, so a dossier closed now is one the count held as open.
            if step.dossier.state == .closed { closedByPerson[keyed.personKey, default: 0] += 1 }
            var outbox: [OutboxRow] = []
            for message in step.outbox {
                outbox.append(
                    OutboxRow(
                        id: message.id, dossierID: message.dossierID, channel: message.channel,
                        plannedDay: message.plannedDay, personKey: keyed.personKey,
                        message: try encoder.encode(message), clientID: step.dossier.clientID))
                plannedByPerson[keyed.personKey, default: []].append(message.contact)
            }
            let progress = try encoder.encode(step.progress)
            let events = step.events.map(EncodedJournalEvent.init)
            stepped.append((index, EncodedStep(step: step, progress: progress, events: events, outbox: outbox)))
        }
        return stepped
    }
}

extension DossierSnapshot {
    /// The same snapshot with `otherOpenDossiers` of the person's other dossiers open.
    func counting(otherOpenDossiers: Int) -> DossierSnapshot {
        DossierSnapshot(
            dossier: dossier, debtor: debtor, client: client, claims: claims, balances: balances, progress: progress,
            contactHistory: contactHistory, responses: responses, earlierCostCharges: earlierCostCharges,
            personOtherOpenDossiers: otherOpenDossiers)
    }

    /// The same snapshot with more contacts in the person's history and `closedDossiers` fewer of the
    /// person's other dossiers open (never below none).
    func carrying(contacts: [ContactRecord], closedDossiers: Int) -> DossierSnapshot {
        guard !contacts.isEmpty || closedDossiers > 0 else { return self }
        return DossierSnapshot(
            dossier: dossier, debtor: debtor, client: client, claims: claims, balances: balances, progress: progress,
            contactHistory: contactHistory + contacts, responses: responses, earlierCostCharges: earlierCostCharges,
            personOtherOpenDossiers: max(0, personOtherOpenDossiers - closedDossiers))
    }
}
