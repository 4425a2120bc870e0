public import Domain
public import Money

/// The memory of Ademruimte: clients, debtors, dossiers, claims, ledgers and the journal.
///
/// One contract, two engines (SQLite embedded, PostgreSQL for production), both passing the same
/// contract test suite. Every change to a dossier is written together with the journal events that
/// explain it inside one `transaction`. Methods that take or return many rows are bounded by a
/// `limit` the caller passes, so no call loads a whole table.
public protocol CaseStore: Sendable {
    /// The engine behind this store: `sqlite` or `postgresql`.
    var engineName: String { get }

    // MARK: Schema and lifetime

    /// Applies every migration the database lacks, each in its own transaction, and records it in
    /// the version table. Returns the versions applied now (empty when the schema was current).
    func migrate() async throws -> [Int]

    /// The highest migration version recorded in the database; 0 for an empty database.
    func schemaVersion() async throws -> Int

    /// Runs `body` in one database transaction: all its writes commit together or, when it throws,
    /// none do. The store passed to `body` is bound to the transaction; a nested call joins it.
    func transaction<Result: Sendable>(_ body: (any CaseStore) async throws -> Result) async throws -> Result

    /// Releases the connection(s). The store must not be used afterwards.
    func close() async throws

    // MARK: Clients

    /// Stores a new client; throws `StoreError.duplicate` when its reference is taken.
    func insertClient(_ client: Client) async throws

    /// Changes the mandate of client `id` by `change` (the daily run follows it from each dossier's
    /// next step) and records the change, by `changedBy` at `changedAt` (wall-clock text), in one
    /// transaction: `change` is applied to the mandate as stored at that moment (the client's row is
    /// locked), so two people changing different fields at once both keep theirs. Returns the
    /// mandate after, and the recorded change, or nil when `change` changed nothing (nothing is
    /// written). Throws `StoreError.notFound` for an unknown client.
    @discardableResult
    func updateMandate(
        _ id: Client.ID, changedBy: String, changedAt: String, applying change: (inout Mandate) -> Void
    ) async throws -> (mandate: Mandate, change: MandateChange?)

    /// The changes of client `id`'s mandate, oldest first (empty for an unknown client).
    func mandateChanges(_ id: Client.ID) async throws -> [MandateChange]

    /// The client with `id`, or nil.
    func client(_ id: Client.ID) async throws -> Client?

    /// All clients ordered by reference, at most `limit`, after `afterID` when given.
    func clients(after afterID: Client.ID?, limit: Int) async throws -> [Client]

    // MARK: Debtors

    /// Stores new debtors in the form made beforehand (`EncodedDebtor`, with the person key);
    /// throws `StoreError.duplicate` when one exists.
    func insertDebtors(_ debtors: [EncodedDebtor]) async throws

    /// The debtors among `ids` that exist, keyed by id.
    func debtors(_ ids: [Debtor.ID]) async throws -> [Debtor.ID: Debtor]

    /// Every debtor any client knows by `reference`, ordered by id.
    func debtors(reference: String) async throws -> [Debtor]

    /// Replaces a debtor's personal data (a correction or pseudonymisation) and its person key, which
    /// follows the new profile; throws `notFound`.
    func updateDebtorProfile(_ id: Debtor.ID, profile: DebtorProfile) async throws

    /// Erases what the debtor stated on these dossiers, kept only to collect them: the responses
    /// recorded (finances, dispute reasons, notes on vulnerability, a counsellor's name) and the
    /// engine's progress built on them. Only closed dossiers are touched (the retention rule): the
    /// daily run never steps them again. Returns how many dossiers had something erased.
    @discardableResult
    func eraseStatements(ofDossiers ids: [Dossier.ID]) async throws -> Int

    /// Appends to the log of who read personal data (docs/privacy.md), in the order given.
    func recordAccess(_ accesses: [PersonalDataAccess]) async throws

    /// The access log, oldest first: the entries after `afterSequence`, at most `limit`, only those of
    /// `debtorIDs` when given.
    func accesses(ofDebtors debtorIDs: [Debtor.ID]?, after afterSequence: Int64, limit: Int) async throws
        -> [PersonalDataAccess]

    // MARK: Dossiers

    /// Stores new dossiers; throws `StoreError.duplicate` when one exists.
    func insertDossiers(_ dossiers: [Dossier]) async throws

    /// Stores new dossiers with their first ledger transactions (`transactions[i]` those of
    /// `dossiers[i]`), as `insertDossiers` and then `appendLedger` would, but writing each dossier's
    /// row once: its balances are those of its transactions from the start (the claim import's way).
    func insertDossiers(_ dossiers: [Dossier], openedWith transactions: [[LedgerTransaction]]) async throws

    /// The dossier with `id`, or nil.
    func dossier(_ id: Dossier.ID) async throws -> Dossier?

    /// The dossiers of `ids` that exist, by id (a few statements however many ids).
    func dossiers(_ ids: [Dossier.ID]) async throws -> [Dossier.ID: Dossier]

    /// All dossiers of the given debtors, ordered by id.
    func dossiers(ofDebtors debtorIDs: [Debtor.ID]) async throws -> [Dossier]

    /// Writes new states of dossiers. Each dossier's `version` is the version the caller read; the
    /// write succeeds only if that is still the stored version, and the store then bumps it by one.
    /// A stale dossier throws `StoreError.conflict` and nothing of the batch is written.
    /// Returns the dossiers as stored (with their new versions).
    ///
    /// `read` holds the dossiers as the caller read them, where it has them. The store then writes
    /// a dossier whose state stays without touching what it indexes by state; the result is the
    /// same either way.
    func updateDossiers(_ dossiers: [Dossier], read: [Dossier]) async throws -> [Dossier]

    /// Dossiers whose next action day is on or before `day`, ordered by (next action day, id), after
    /// `cursor`, at most `limit`: the daily run's chunks. The order follows the `dossiers_due` index,
    /// so each chunk is an index range scan however many dossiers are not due.
    func dossiersDue(on day: Day, after cursor: DueCursor?, limit: Int) async throws -> [Dossier]

    /// Dossiers closed before `day`, ordered by id, after `afterID`, at most `limit` (for retention).
    func dossiersClosed(before day: Day, after afterID: Dossier.ID?, limit: Int) async throws -> [Dossier]

    /// All dossiers ordered by id, after `afterID`, at most `limit` (for dumps and digests).
    func dossiers(after afterID: Dossier.ID?, limit: Int) async throws -> [Dossier]

    // MARK: Claims

    /// Stores new claims with where they came from; throws `StoreError.duplicate` on a known id.
    func insertClaims(_ claims: [StoredClaim]) async throws

    /// The claims among `ids` that exist, with their origin, keyed by id.
    func claims(_ ids: [Claim.ID]) async throws -> [Claim.ID: StoredClaim]

    /// The claims of a dossier, ordered by id.
    func claims(ofDossier dossierID: Dossier.ID) async throws -> [Claim]

    // MARK: Ledger

    /// Appends balanced transactions; throws `StoreError.duplicate` when a transaction id exists
    /// (transaction ids are natural keys, so a repeated booking is refused, never doubled).
    func appendLedger(_ transactions: [LedgerTransaction]) async throws

    /// The ledger of a dossier in booking order; each transaction is checked to balance as it loads.
    func ledger(ofDossier dossierID: Dossier.ID) async throws -> [LedgerTransaction]

    /// Ledger transactions of all dossiers ordered by id, after `afterID`, at most `limit`.
    func ledger(after afterID: LedgerTransaction.ID?, limit: Int) async throws -> [LedgerTransaction]

    // MARK: Journal

    /// Appends events in order, stamping them with `recordedAt` (wall-clock text from the shell).
    /// `appendJournal(_:recordedAt:)` encodes the payloads itself.
    func appendJournal(encoded events: [EncodedJournalEvent], recordedAt: String) async throws

    /// Events matching `filter` in journal order, after sequence `afterSequence`, at most `limit`.
    func journal(_ filter: JournalFilter, after afterSequence: Int64, limit: Int) async throws -> [JournalEvent]

    /// The events of `dossierIDs`, ordered by dossier id and, within a dossier, by journal order:
    /// the canonical order, the same whatever order concurrent writers committed in.
    func journal(ofDossiers dossierIDs: [Dossier.ID]) async throws -> [JournalEvent]

    /// How many events match `filter`.
    func countJournal(_ filter: JournalFilter) async throws -> Int

    // MARK: Imports and counts

    /// Records a finished import (in the same transaction as its rows).
    func insertImport(_ record: ImportRecord) async throws

    /// How many imports were recorded for `clientID`.
    func countImports(clientID: Client.ID) async throws -> Int

    /// Whether the store holds any claim or debtor in `clientID`'s part of their ids (those
    /// `Claim.id(client:invoiceNumber:)` and `Debtor.id(client:reference:)` make). False means an
    /// import for the client meets no claim or debtor but those it writes itself.
    func holdsClaimsOrDebtors(ofClient clientID: Client.ID) async throws -> Bool

    /// Runs `body`, which makes one transaction that adds about `claims` claims with their debtors,
    /// dossiers, ledger and journal rows, in the engine's cheapest way for a load that at least
    /// doubles the store: when it holds fewer claims than are coming, SQLite writes with its rollback
    /// journal rather than its log, if no other connection has the file open (then the file is the
    /// load's alone until it commits). Otherwise, and on PostgreSQL, it only runs `body`. Call it
    /// outside any transaction.
    func bulkLoading<Result: Sendable>(claims: Int, _ body: () async throws -> Result) async throws -> Result

    /// Inside a transaction about to add about `claims` claims with their debtors, dossiers, ledger
    /// and journal rows: lets the engine stop keeping up the secondary indexes of those tables that
    /// the import's own reads never use, and build them anew in `restoreIndexes` instead, when the
    /// store holds fewer claims than are coming (then one build, a sort, costs less than upkeep row
    /// by row). Keys and uniqueness stay checked throughout. SQLite only: its writer excludes other
    /// writers anyway and readers keep their snapshot, whereas PostgreSQL would lock the tables
    /// against every reader for the whole import, so there it does nothing.
    func suspendIndexes(forClaims claims: Int) async throws -> SuspendedIndexes

    /// Builds the indexes `suspendIndexes` set aside, before the same transaction commits. (When the
    /// transaction rolls back instead, the indexes come back unchanged by themselves.)
    func restoreIndexes(_ suspended: SuspendedIndexes) async throws

    /// Lets the engine's query planner see the case tables as they are now, after they grew a great
    /// deal (a large import, a month's hand-overs, a benchmark's book). PostgreSQL analyzes each table
    /// never analyzed that holds rows, or grown by more than a fifth of the pages it had when last
    /// analyzed, as autovacuum would in its own time (or never, where it is off). Without that its
    /// planner took a table of 200,000 dossiers for the empty one it last saw, and each chunk's reads
    /// of balances and persons took 40-70 ms instead of 1.5 ms. SQLite does nothing: the store's
    /// queries there are written for plans without statistics. Returns the tables analyzed.
    @discardableResult func refreshPlannerStatistics() async throws -> [String]

    /// Row counts per kind of record.
    func counts() async throws -> StoreCounts

    /// Checks that the store is sound: its schema is current, every index the migrations create is
    /// there, and (SQLite) every page, row and index entry of the file agrees with the rest
    /// (`PRAGMA integrity_check`). For an operator after a crash, a restore or a large import.
    func check() async throws -> StoreCheck
}

/// What `CaseStore.check` found.
public struct StoreCheck: Hashable, Sendable, Codable {
    /// The schema version recorded in the store.
    public let schemaVersion: Int
    /// The named indexes the store holds (those of primary keys and UNIQUE constraints not counted).
    public let indexes: Int
    /// Whether the engine's own integrity check ran (SQLite) and found nothing.
    public let integrityChecked: Bool
    /// What is wrong, in words; empty when the store is sound.
    public let problems: [String]

    /// Sound when no problem was found.
    public var isSound: Bool { problems.isEmpty }
}

/// The indexes an import set aside (`CaseStore.suspendIndexes`), to be built anew before it commits.
public struct SuspendedIndexes: Sendable {
    /// The indexes' names, in the order they are built again.
    public let names: [String]
    /// Their definitions, as the engine reported them.
    let definitions: [String]

    init(names: [String], definitions: [String]) {
        self.names = names
        self.definitions = definitions
    }

    /// Nothing set aside.
    public static let none = SuspendedIndexes(names: [], definitions: [])
}

/// A debtor in the form the store keeps it: the profile as canonical JSON and the person key
/// (`PersonKey.of`). Making it is most of the cost of storing a debtor, so a bulk writer makes the
/// next batch's while the store writes the current one.
public struct EncodedDebtor: Sendable {
    /// The debtor.
    public let debtor: Debtor
    /// `debtor.profile` as canonical JSON.
    let profileJSON: String
    /// The debtor's person key.
    let personKey: String

    /// Encodes `debtor`.
    public init(_ debtor: Debtor) throws {
        self.debtor = debtor
        self.profileJSON = try CanonicalJSONEncoder().encode(debtor.profile)
        self.personKey = PersonKey.of(debtor)
    }
}

/// A journal event with its payload encoded for storage, so that the encoding can be done beside the
/// connection that writes it (the daily run's steps, the dispatch's pages).
public struct EncodedJournalEvent: Sendable {
    /// The event.
    public let event: JournalEvent
    /// `event.payload` as canonical JSON.
    let payloadJSON: String

    /// Encodes `event`.
    public init(_ event: JournalEvent) {
        self.event = event
        self.payloadJSON = event.payload.canonicalJSON
    }
}

extension CaseStore {
    /// Appends events in order, stamping them with `recordedAt` (wall-clock text from the shell).
    public func appendJournal(_ events: [JournalEvent], recordedAt: String) async throws {
        try await appendJournal(encoded: events.map(EncodedJournalEvent.init), recordedAt: recordedAt)
    }

    /// Writes new states of dossiers (`updateDossiers(_:read:)`, the dossiers as read unknown).
    public func updateDossiers(_ dossiers: [Dossier]) async throws -> [Dossier] {
        try await updateDossiers(dossiers, read: [])
    }

    /// Stores new debtors with their person key (`PersonKey.of`); throws `StoreError.duplicate` when
    /// one exists.
    public func insertDebtors(_ debtors: [Debtor]) async throws {
        try await insertDebtors(debtors.map(EncodedDebtor.init))
    }

    /// Walks the events matching `filter` in journal order, `body` getting a page of at most
    /// `pageSize` events at a time (the last page may be empty).
    public func forEachJournalPage(
        _ filter: JournalFilter, pageSize: Int = 1_000, _ body: ([JournalEvent]) async throws -> Void
    ) async throws {
        var after: Int64 = 0
        while true {
            let page = try await journal(filter, after: after, limit: pageSize)
            try await body(page)
            guard page.count == pageSize, let last = page.last?.sequence else { return }
            after = last
        }
    }
}

/// Where a walk over due dossiers stands: the (next action day, id) of the last dossier read.
public struct DueCursor: Hashable, Sendable {
    /// The next action day of the last dossier read.
    public let day: Day
    /// Its id.
    public let id: Dossier.ID

    /// The cursor just after `dossier` (as it was read, before any change to it).
    public init(after dossier: Dossier) {
        precondition(dossier.nextActionDay != nil, "a due dossier has a next action day")
        self.day = dossier.nextActionDay!
        self.id = dossier.id
    }
}

/// A claim as stored: the domain claim plus the import and line it came from.
public struct StoredClaim: Hashable, Sendable {
    /// The claim.
    public let claim: Claim
    /// The import that brought it, if any.
    public let importID: String?
    /// The line of the import file, if any.
    public let sourceLine: Int?

    /// A claim with its origin.
    public init(claim: Claim, importID: String? = nil, sourceLine: Int? = nil) {
        self.claim = claim
        self.importID = importID
        self.sourceLine = sourceLine
    }
}

/// Which journal events to read or count. Empty fields match everything.
public struct JournalFilter: Hashable, Sendable {
    /// Only this dossier.
    public var dossierID: Dossier.ID?
    /// Only this type.
    public var type: JournalEventType?
    /// Only events on or after this day.
    public var from: Day?
    /// Only events on or before this day.
    public var through: Day?
    /// Only events of one of these types (with `type`, both must hold).
    public var types: Set<JournalEventType>?

    /// A filter; the default matches every event.
    public init(
        dossierID: Dossier.ID? = nil, type: JournalEventType? = nil, from: Day? = nil, through: Day? = nil,
        types: Set<JournalEventType>? = nil
    ) {
        self.dossierID = dossierID
        self.type = type
        self.from = from
        self.through = through
        self.types = types
    }
}

/// One finished claim import.
public struct ImportRecord: Hashable, Sendable {
    /// The import's id, e.g. `ACME-import-3`.
    public let id: String
    /// The client imported for.
    public let clientID: Client.ID
    /// The file name as given.
    public let source: String
    /// Claims stored.
    public let imported: Int
    /// Rows already known from an earlier import.
    public let duplicates: Int
    /// Rows refused.
    public let rejected: Int
    /// The business day of the import.
    public let day: Day
    /// Wall-clock time of the import (ISO-8601 text).
    public let recordedAt: String

    /// An import record.
    public init(
        id: String, clientID: Client.ID, source: String, imported: Int, duplicates: Int, rejected: Int, day: Day,
        recordedAt: String
    ) {
        self.id = id
        self.clientID = clientID
        self.source = source
        self.imported = imported
        self.duplicates = duplicates
        self.rejected = rejected
        self.day = day
        self.recordedAt = recordedAt
    }
}

/// Numbers of stored rows.
public struct StoreCounts: Hashable, Sendable, Codable {
    /// Clients.
    public var clients = 0
    /// Debtors.
    public var debtors = 0
    /// Dossiers.
    public var dossiers = 0
    /// Claims.
    public var claims = 0
    /// Ledger transactions (not postings).
    public var ledgerTransactions = 0
    /// Journal events.
    public var journalEvents = 0
    /// Recorded imports.
    public var imports = 0

    /// All zero.
    public init() {}
}
