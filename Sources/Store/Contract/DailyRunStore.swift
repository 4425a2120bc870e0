public import Domain
public import Money

/// One chunk of a day's work: the due dossiers with ids from `firstID` through `lastID`.
public struct RunChunk: Hashable, Sendable {
    /// The business day being run.
    public let day: Day
    /// The chunk's number within the day, from 0.
    public let number: Int
    /// The first dossier id of the chunk.
    public let firstID: Dossier.ID
    /// The last dossier id of the chunk (inclusive).
    public let lastID: Dossier.ID
    /// The dossiers that were due when the chunk was planned, in id order (all within the range);
    /// nil for a chunk planned before the store kept them, which is read as its whole range.
    public let dossierIDs: [Dossier.ID]?

    /// A chunk of `day`.
    public init(day: Day, number: Int, firstID: Dossier.ID, lastID: Dossier.ID, dossierIDs: [Dossier.ID]? = nil) {
        self.day = day
        self.number = number
        self.firstID = firstID
        self.lastID = lastID
        self.dossierIDs = dossierIDs
    }
}

/// What the weekly contact cap needs of a planned message: the day, the channel and the dossier.
/// The store reads it from an index alone, without the message (migration 18).
public struct PlannedContact: Hashable, Sendable {
    /// The dossier it is about.
    public let dossierID: Dossier.ID
    /// The channel it goes by.
    public let channel: Channel
    /// The day it is planned for.
    public let plannedDay: Day

    /// A planned contact.
    public init(dossierID: Dossier.ID, channel: Channel, plannedDay: Day) {
        self.dossierID = dossierID
        self.channel = channel
        self.plannedDay = plannedDay
    }
}

/// A message the engine planned, as the store keeps it until a channel delivers it.
public struct OutboxRow: Hashable, Sendable {
    /// The natural key (`DOSSIER/DAY/TEMPLATE`): planning the same message twice stores it once.
    public let id: String
    /// The dossier it is about.
    public let dossierID: Dossier.ID
    /// The channel it goes by.
    public let channel: Channel
    /// The day it is planned for.
    public let plannedDay: Day
    /// The person it goes to (`PersonKey`): contact limits count per person across clients.
    public let personKey: String
    /// The whole message as JSON (template, window, reason, deadline ...).
    public let message: String
    /// The client of the dossier, so that the dispatch journals by client without reading every
    /// dossier of its page; nil for a row planned before migration 16 filled it in, or stored
    /// without it.
    public let clientID: Client.ID?

    /// A row to store.
    public init(
        id: String, dossierID: Dossier.ID, channel: Channel, plannedDay: Day, personKey: String, message: String,
        clientID: Client.ID? = nil
    ) {
        self.id = id
        self.dossierID = dossierID
        self.channel = channel
        self.plannedDay = plannedDay
        self.personKey = personKey
        self.message = message
        self.clientID = clientID
    }

    /// The contact it plans, as `plannedContacts` reads it.
    public var plannedContact: PlannedContact {
        PlannedContact(dossierID: dossierID, channel: channel, plannedDay: plannedDay)
    }
}

/// A debtor's response (a payment promise, a dispute, an arrangement request ...) as stored JSON.
public struct StoredResponse: Hashable, Sendable {
    /// The dossier it belongs to.
    public let dossierID: Dossier.ID
    /// Its position among the dossier's responses, from 1.
    public let sequence: Int64
    /// The day it arrived.
    public let day: Day
    /// The response as JSON (the engine's `DebtorResponse`).
    public let response: String

    /// A stored response.
    public init(dossierID: Dossier.ID, sequence: Int64, day: Day, response: String) {
        self.dossierID = dossierID
        self.sequence = sequence
        self.day = day
        self.response = response
    }
}

/// How far a day's run has come.
public struct RunStatus: Hashable, Sendable {
    /// Chunks planned for the day (0 when the day was never planned).
    public let chunks: Int
    /// Chunks finished.
    public let finished: Int

    /// A status of `finished` out of `chunks`.
    public init(chunks: Int, finished: Int) {
        self.chunks = chunks
        self.finished = finished
    }
}

/// What the daily run needs of a store beyond the case data: the chunks of a day and who claims
/// them, the engine's progress per dossier, the outbox, debtor responses, and batch reads.
///
/// Chunks are claimed and processed in one transaction: on PostgreSQL the claim takes a row lock
/// (`FOR UPDATE SKIP LOCKED`), so several workers share a day without a lease to expire; when a
/// worker dies, its transaction rolls back and the chunk is pending again.
public protocol DailyRunStore: CaseStore {
    /// Splits the dossiers due on `day` into chunks of at most `chunkDossiersMax`. While chunks of the
    /// day are pending nothing is added (a stopped run finishes those first); otherwise a new round of
    /// chunks covers what is due now, so dossiers that became due later that day are run too.
    /// The first chunk of a round holds at most `firstChunkDossiersMax` (a run that reads ahead asks
    /// for a smaller one: nothing is read ahead for it, so the sooner it is done, the sooner reading
    /// ahead and writing overlap). Returns the number of chunks the day has in all.
    func planRun(day: Day, chunkDossiersMax: Int, firstChunkDossiersMax: Int, plannedAt: String) async throws -> Int

    /// Claims the next pending chunk of `day` (inside a transaction), or nil when none is left.
    func claimChunk(day: Day) async throws -> RunChunk?

    /// The first pending chunk of `day` numbered after `number`, without claiming it: the chunk a
    /// run reads ahead while it writes chunk `number`.
    func pendingChunk(day: Day, after number: Int) async throws -> RunChunk?

    /// A store on a connection of its own that reads the last committed state while this store
    /// holds a write transaction open (SQLite files, in WAL), for reading the next chunk ahead; nil
    /// where the engine offers none (in-memory SQLite, PostgreSQL).
    func readAheadStore() async throws -> (any DailyRunStore)?

    /// Inside a transaction: a number that two transactions asking for it see unchanged only when
    /// nothing else changed the store between them (another connection's commit, SQLite's
    /// `data_version`, or any other use of this store's connection); nil when the engine cannot tell.
    func changeMark() async throws -> Int64?

    /// Marks a claimed chunk finished (in the transaction that wrote its results).
    func finishChunk(_ chunk: RunChunk, finishedAt: String) async throws

    /// How many chunks `day` has and how many are finished.
    func runStatus(day: Day) async throws -> RunStatus

    /// The open dossiers of a chunk that are due on its day, in id order: of those listed when it was
    /// planned, the ones still open and due (a chunk without a list: every such dossier of its range).
    func dossiersDue(in chunk: RunChunk) async throws -> [Dossier]

    /// The engine's stored progress (JSON) of each of `ids` that has one.
    func progress(of ids: [Dossier.ID]) async throws -> [Dossier.ID: String]

    /// `dossiersDue(in:)` with the progress of each of them that has one, as `progress(of:)` reads
    /// it, and their ledger balances, as `balances(of:)` reads them, in one read of the chunk's rows.
    func dossiersDueWithProgress(in chunk: RunChunk) async throws -> (
        dossiers: [Dossier], progress: [Dossier.ID: String], balances: [Dossier.ID: LedgerBalances]
    )

    /// Writes new states of `dossiers` as `updateDossiers(_:read:)` does (each guarded by its version:
    /// a stale one fails the call with `StoreError.conflict`), each with the engine's progress
    /// (JSON, `progress[i]` for `dossiers[i]`), replacing what was there, in the same row write.
    func updateDossiers(_ dossiers: [Dossier], read: [Dossier], progress: [String]) async throws -> [Dossier]

    /// The ledger balances of each of `ids` (dossiers without postings are left out).
    func balances(of ids: [Dossier.ID]) async throws -> [Dossier.ID: LedgerBalances]

    /// The claims of each of `ids`, oldest due first.
    func claims(ofDossiers ids: [Dossier.ID]) async throws -> [Dossier.ID: [Claim]]

    /// The clients with these ids.
    func clients(_ ids: [Client.ID]) async throws -> [Client.ID: Client]

    /// Records a debtor's response to a dossier and makes the dossier due on `day`; returns its sequence.
    func recordResponse(dossierID: Dossier.ID, day: Day, response: String) async throws -> Int64

    /// The responses of each of `ids` that arrived on or before `through`, in sequence order.
    func responses(ofDossiers ids: [Dossier.ID], through: Day) async throws -> [Dossier.ID: [StoredResponse]]

    /// Stores planned messages; a message already stored (same id) is left as it is.
    func insertOutbox(_ rows: [OutboxRow]) async throws

    /// Holds `personKeys` until the end of the current transaction, so that no other transaction
    /// counts or plans contacts for these persons meanwhile: the weekly contact cap is per person
    /// across clients, and two workers may step dossiers of one person (at different clients, so in
    /// different chunks) at the same moment. Call it inside a transaction, before reading the
    /// persons' contacts; a second transaction asking for one of the keys waits for the first to end.
    func lockPersons(_ personKeys: [String]) async throws

    /// The contacts planned for these persons on or after `from`, by person.
    func plannedContacts(personKeys: [String], from: Day) async throws -> [String: [PlannedContact]]

    /// The messages planned for `day`, in id order, after `afterID`, at most `limit`.
    func outbox(plannedOn day: Day, after afterID: String?, limit: Int) async throws -> [OutboxRow]

    /// How many open (not closed) dossiers each of these persons (`PersonKey`) has, at every client
    /// together: "debt-free" is per person. Persons without an open dossier are left out. Call it
    /// after `lockPersons` in the daily run, so the counts include what other workers closed.
    func openDossierCounts(persons personKeys: [String]) async throws -> [String: Int]

    /// Collection costs charged (day, amount) to each of these debtors since `since`, exclusive.
    func costCharges(debtors: [Debtor.ID], since: Day) async throws -> [Debtor.ID: [(day: Day, amount: Money)]]
}

extension DailyRunStore {
    /// `planRun` with every chunk, the first too, of at most `chunkDossiersMax`.
    public func planRun(day: Day, chunkDossiersMax: Int, plannedAt: String) async throws -> Int {
        try await planRun(
            day: day, chunkDossiersMax: chunkDossiersMax, firstChunkDossiersMax: chunkDossiersMax, plannedAt: plannedAt)
    }
}
