public import Domain
public import Money
public import Store

/// What an import did, in the shape `adem import claims --json` prints.
public struct ImportReport: Hashable, Sendable, Codable {
    /// Claims stored now.
    public var imported = 0
    /// Rows whose invoice number this client had already imported earlier (idempotent repeats).
    public var duplicates = 0
    /// Rows refused.
    public var rejected = 0
    /// The reasons, at most `ClaimImport.reportedIssuesMax` of them.
    public var errors: [ImportIssue] = []
    /// How many issues were left out of `errors` to keep the report bounded.
    public var omittedErrors = 0

    /// An empty report.
    public init() {}

    enum CodingKeys: String, CodingKey { case imported, duplicates, rejected, errors }
}

/// The progress of a running import, for a progress bar.
public struct ImportProgress: Sendable {
    /// Rows read so far.
    public let rows: Int
    /// Bytes read so far.
    public let bytes: Int
}

/// The use case "import claims for a client" (docs/import-format.md).
///
/// The file is read in bounded batches; all batches are written in ONE store transaction together
/// with the import record, so a crash leaves either the whole valid part or nothing. Idempotent on
/// client + invoice number: a repeated row is counted as a duplicate, never stored twice.
/// Claims of one debtor for one client join that debtor's open dossier (or a new one).
///
/// Back of the envelope for 1,000,000 rows: ~150 bytes a row = 150 MB of CSV; each row writes about
/// six index-carrying table rows (claim, two postings, a journal event, and per new debtor a debtor,
/// a dossier and another event), so ~6-8 M row writes. SQLite in WAL with multi-row INSERTs of
/// 1,000 rows manages a few hundred thousand row writes a second on one core, which puts 1 M rows
/// at 10-30 s; memory stays at one batch (~1,000 rows) plus SQLite's page cache.
public struct ClaimImport: Sendable {
    /// Rows per batch: one round of reads and multi-row inserts.
    public static let batchRowsMax = 1_000
    /// Issues kept for the report; beyond this they are counted, not listed.
    public static let reportedIssuesMax = 10_000
    /// Imports expected to bring fewer rows than this keep every index up as they write; larger
    /// ones let the store set aside the indexes it can build anew faster (`CaseStore.suspendIndexes`).
    public static let bulkRowsMin = 50_000

    let store: any CaseStore
    let clientID: Client.ID
    let day: Day
    let recordedAt: String
    /// See `bulkRowsMin`; tests lower it to take the bulk path with small files.
    let bulkRowsMin: Int

    /// An import for `clientID` on business day `day`; `recordedAt` is the wall-clock stamp of its events.
    public init(
        store: any CaseStore, clientID: Client.ID, day: Day, recordedAt: String, bulkRowsMin: Int = Self.bulkRowsMin
    ) {
        self.store = store
        self.clientID = clientID
        self.day = day
        self.recordedAt = recordedAt
        self.bulkRowsMin = bulkRowsMin
    }

    /// Imports the rows `reader` yields. Throws `ImportFailure` when nothing can be imported at all
    /// (unknown client, unusable header), and store errors as they come (then nothing was written).
    public func run<Source: ByteSource>(
        _ reader: inout ClaimFileReader<Source>, sourceName: String, progress: (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportReport {
        guard try await store.client(clientID) != nil else { throw ImportFailure.unknownClient(clientID.rawValue) }
        if case .csv = reader.format {
            let missing = ClaimRowValidator.missingColumns(in: reader.columns)
            guard missing.isEmpty else {
                throw ImportFailure.badHeader(
                    "missing required column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
            }
        }
        let importID = "\(clientID.rawValue)-import-\(try await store.countImports(clientID: clientID) + 1)"
        let writer = BatchWriter(clientID: clientID, day: day, recordedAt: recordedAt, importID: importID)
        var report = ImportReport()
        var rowsRead = 0
        var batch: [ValidClaimRow] = []
        func record(_ issues: [ImportIssue]) {
            report.rejected += 1
            for issue in issues {
                if report.errors.count < Self.reportedIssuesMax {
                    report.errors.append(issue)
                } else {
                    report.omittedErrors += 1
                }
            }
        }
        var readAll = false
        /// Reads the next row into the batch, or its problems into the report; false at the file's end.
        func readRow() throws -> Bool {
            guard !readAll, let next = try reader.nextValidated() else {
                readAll = true
                return false
            }
            rowsRead += 1
            switch next {
            case .success(let valid): batch.append(valid)
            case .failure(let failure): record(failure.issues)
            }
            return true
        }
        // The first batch is read before the store is asked for anything: the rows to come, reckoned
        // from the bytes per row so far, tell whether the import is a bulk load.
        while batch.count < Self.batchRowsMax, try readRow() {}
        let expected = reader.totalBytes.map { rowsRead * $0 / max(1, reader.bytesRead) } ?? rowsRead
        let bulkClaims = expected >= bulkRowsMin ? expected : 0
        try await store.bulkLoading(claims: bulkClaims) {
            try await store.transaction { store in
                // Pipelined: while the store writes batch N (on SQLite's thread), this task reads,
                // validates and prepares batch N+1, planning its whole write as if the store knew none
                // of its claims and debtors; the writer checks that with three lookups and otherwise
                // plans anew. Writes stay strictly in order (N is awaited before N+1 starts), which
                // duplicate detection across batches relies on.
                var pending: Task<BatchWriter.Outcome, any Error>?
                var suspended: SuspendedIndexes?
                var seen: BatchWriter.Seen? =
                    try await store.holdsClaimsOrDebtors(ofClient: clientID)
                    ? nil : BatchWriter.Seen(expectedRows: max(expected, rowsRead))
                func settle() async throws {
                    guard let running = pending else { return }
                    pending = nil
                    let outcome = try await running.value
                    report.imported += outcome.imported
                    report.duplicates += outcome.duplicates
                    for issue in outcome.issues { record([issue]) }
                }
                func flush() async throws {
                    let prepared = try writer.prepare(batch, seen: &seen)
                    batch.removeAll(keepingCapacity: true)
                    try await settle()
                    if suspended == nil {
                        suspended = bulkClaims > 0 ? try await store.suspendIndexes(forClaims: bulkClaims) : .none
                    }
                    pending = Task { try await writer.write(prepared, to: store) }
                    progress(ImportProgress(rows: rowsRead, bytes: reader.bytesRead))
                }
                do {
                    if batch.count >= Self.batchRowsMax { try await flush() }
                    while try readRow() {
                        if batch.count >= Self.batchRowsMax { try await flush() }
                    }
                    if !batch.isEmpty { try await flush() }
                    try await settle()
                    if let suspended { try await store.restoreIndexes(suspended) }
                } catch {
                    // Never leave a write running past the transaction's rollback.
                    _ = try? await pending?.value
                    throw error
                }
                try await store.insertImport(
                    ImportRecord(
                        id: importID, clientID: clientID, source: sourceName, imported: report.imported,
                        duplicates: report.duplicates, rejected: report.rejected, day: day, recordedAt: recordedAt))
            }
        }
        // A large import changes the tables' sizes past what the planner last saw (PostgreSQL).
        if report.imported >= bulkRowsMin { try await store.refreshPlannerStatistics() }
        // Batches finish out of step with reading, so list the problems in file order.
        report.errors = report.errors.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return report
    }
}
