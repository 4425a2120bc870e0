import Domain
import Money
import Store

/// Writes one batch of valid rows inside the import's transaction: duplicates sorted out, debtors
/// and dossiers found or created, claims, ledger postings and journal events appended.
struct BatchWriter: Sendable {
    let clientID: Client.ID
    let day: Day
    let recordedAt: String
    let importID: String

    struct Outcome {
        var imported = 0
        var duplicates = 0
        var issues: [ImportIssue] = []
    }

    /// A batch with what can be worked out before the store is asked anything: the ids, the debtors
    /// as their first rows in the batch describe them, encoded, and the whole write as it is when the
    /// store knows none of the batch's claims and debtors yet (the common case of a first import).
    struct Prepared: Sendable {
        let rows: [ValidClaimRow]
        let claimIDs: [Claim.ID]
        let debtorIDs: [Debtor.ID]
        /// Per debtor of the batch: the line of its first row, and the debtor that row registers.
        let debtors: [Debtor.ID: (line: Int, debtor: EncodedDebtor)]
        /// The batch's debtors, each once, in the order of their first rows.
        let batchDebtors: [Debtor.ID]
        /// The claims and debtors of the batch the store may hold: all of them, or those an earlier
        /// batch of the import may have written when the store held none of the client's before it.
        var claimLookups: [Claim.ID] = []
        var debtorLookups: [Debtor.ID] = []
        /// The write when the store knows none of the batch's claims, debtors and their dossiers.
        var fresh: Writes?
    }

    /// What a batch stores, and what it reports of its rows.
    struct Writes: Sendable {
        var outcome = Outcome()
        /// New debtors, in id order.
        var debtors: [EncodedDebtor] = []
        var dossiers: [Dossier] = []
        /// Per new dossier, the transactions of the claims it opens with.
        var opening: [[LedgerTransaction]] = []
        /// The transactions of claims joining dossiers opened before.
        var joining: [LedgerTransaction] = []
        var claims: [StoredClaim] = []
        var events: [EncodedJournalEvent] = []
    }

    /// The claim and debtor ids of the import's batches so far, kept when the store held none of the
    /// client's claims and debtors before the import: then only ids met before can be in the store.
    struct Seen: Sendable {
        var claims: SeenIDs
        var debtors: SeenIDs

        init(expectedRows: Int) {
            claims = SeenIDs(expected: expectedRows)
            debtors = SeenIDs(expected: expectedRows)
        }
    }

    /// What the store knows of a batch, as `write` reads it.
    struct Known {
        var claims: [Claim.ID: StoredClaim] = [:]
        var debtors: [Debtor.ID: Debtor] = [:]
        var dossiers: [Dossier] = []

        var isEmpty: Bool { claims.isEmpty && debtors.isEmpty && dossiers.isEmpty }
    }

    /// Works out `rows`' ids, encodes their debtors and plans the batch's write as if the store knew
    /// nothing of it; runs while the store writes the batch before, so `write` only checks and writes.
    /// With `seen`, the ids to look up are those met in earlier batches, and the batch's are added.
    func prepare(_ rows: [ValidClaimRow], seen: inout Seen?) throws -> Prepared {
        var debtorIDs: [Debtor.ID] = []
        debtorIDs.reserveCapacity(rows.count)
        var debtors: [Debtor.ID: (line: Int, debtor: EncodedDebtor)] = [:]
        var batchDebtors: [Debtor.ID] = []
        for row in rows {
            let id = Debtor.id(client: clientID, reference: row.debtorReference)
            debtorIDs.append(id)
            if debtors[id] == nil {
                debtors[id] = (row.line, try register(row))
                batchDebtors.append(id)
            }
        }
        var prepared = Prepared(
            rows: rows, claimIDs: rows.map { Claim.id(client: clientID, invoiceNumber: $0.invoiceNumber) },
            debtorIDs: debtorIDs, debtors: debtors, batchDebtors: batchDebtors)
        prepared.claimLookups = prepared.claimIDs
        prepared.debtorLookups = batchDebtors
        if seen != nil {
            prepared.claimLookups.removeAll { !seen!.claims.mayContain($0.rawValue) }
            prepared.debtorLookups.removeAll { !seen!.debtors.mayContain($0.rawValue) }
            for id in prepared.claimIDs { seen!.claims.insert(id.rawValue) }
            for id in batchDebtors { seen!.debtors.insert(id.rawValue) }
        }
        prepared.fresh = try plan(prepared, known: Known())
        return prepared
    }

    /// The debtor `row` registers when its debtor is new.
    private func register(_ row: ValidClaimRow) throws -> EncodedDebtor {
        try EncodedDebtor(
            Debtor(clientID: clientID, reference: row.debtorReference, kind: row.debtorKind, profile: row.profile))
    }

    func write(_ prepared: Prepared, to store: any CaseStore) async throws -> Outcome {
        var known = Known()
        known.claims = try await store.claims(prepared.claimLookups)
        known.debtors = try await store.debtors(prepared.debtorLookups)
        // A dossier names its debtor (a foreign key): only debtors the store holds can have one.
        known.dossiers = try await store.dossiers(ofDebtors: prepared.batchDebtors.filter { known.debtors[$0] != nil })
        let writes: Writes
        if known.isEmpty, let fresh = prepared.fresh {
            writes = fresh
        } else {
            writes = try plan(prepared, known: known)
        }
        guard !writes.claims.isEmpty else { return writes.outcome }
        try await store.insertDebtors(writes.debtors)
        try await store.insertDossiers(writes.dossiers, openedWith: writes.opening)
        try await store.insertClaims(writes.claims)
        try await store.appendLedger(writes.joining)
        try await store.appendJournal(encoded: writes.events, recordedAt: recordedAt)
        return writes.outcome
    }

    /// The batch's write given what the store knows of it: no store access, so it can run ahead.
    func plan(_ prepared: Prepared, known: Known) throws -> Writes {
        var writes = Writes()

        // 1. Which rows are new, which are repeats of an earlier import, which repeat this file.
        var firstLineInBatch: [Claim.ID: Int] = [:]
        var accepted: [ValidClaimRow] = []
        var debtorIDs: [Debtor.ID] = []
        for (index, id) in prepared.claimIDs.enumerated() {
            let row = prepared.rows[index]
            if let firstLine = firstLineInBatch[id] {
                writes.outcome.issues.append(duplicateInFile(row, firstLine: firstLine))
            } else if let stored = known.claims[id] {
                if stored.importID == importID {
                    writes.outcome.issues.append(duplicateInFile(row, firstLine: stored.sourceLine ?? 0))
                } else {
                    writes.outcome.duplicates += 1
                }
                firstLineInBatch[id] = stored.sourceLine ?? row.line
            } else {
                firstLineInBatch[id] = row.line
                accepted.append(row)
                debtorIDs.append(prepared.debtorIDs[index])
            }
        }
        guard !accepted.isEmpty else { return writes }

        // 2. Debtors: the first accepted row of an unknown debtor registers it (encoded beforehand
        // unless an earlier row of the debtor in this batch was refused).
        var newDebtors: [Debtor.ID: EncodedDebtor] = [:]
        for (row, id) in zip(accepted, debtorIDs) where known.debtors[id] == nil && newDebtors[id] == nil {
            if let early = prepared.debtors[id], early.line == row.line {
                newDebtors[id] = early.debtor
            } else {
                newDebtors[id] = try register(row)
            }
        }
        writes.debtors = newDebtors.values.sorted { $0.debtor.id < $1.debtor.id }

        // 3. Dossiers: a debtor's open dossier at this client gathers its claims; else a new one.
        // With each open dossier, its place among the dossiers this batch opens (nil: opened before).
        var openDossier: [Debtor.ID: (id: Dossier.ID, new: Int?)] = [:]
        var dossierCount: [Debtor.ID: Int] = [:]
        for dossier in known.dossiers {
            dossierCount[dossier.debtorID, default: 0] += 1
            if dossier.state != .closed && dossier.clientID == clientID {
                openDossier[dossier.debtorID] = (dossier.id, nil)
            }
        }
        for (row, debtorID) in zip(accepted, debtorIDs) where openDossier[debtorID] == nil {
            let ordinal = dossierCount[debtorID, default: 0] + 1
            let flags: DossierFlags = row.profile.address.country == .netherlands ? [] : [.abroad]
            let dossier = Dossier(
                id: Dossier.id(debtor: debtorID, ordinal: ordinal), clientID: clientID, debtorID: debtorID,
                openedDay: day, nextActionDay: day, flags: flags)
            dossierCount[debtorID] = ordinal
            openDossier[debtorID] = (dossier.id, writes.dossiers.count)
            writes.dossiers.append(dossier)
            // The report's keys (docs/journal-payloads.md) through the contract's constructor, plus the import.
            writes.events.append(
                EncodedJournalEvent(
                    JournalEvent.dossierOpened(
                        dossier.id, on: day, client: clientID, debtor: debtorID, debtorKind: row.debtorKind
                    )
                    .addingPayload(["import": importID])))
        }

        // 4. Claims, their ledger transactions and journal events.
        // A new dossier is written once, with the balances of its claims; a claim joining a dossier
        // opened before adds to that dossier's.
        writes.opening = Array(repeating: [], count: writes.dossiers.count)
        for (row, debtorID) in zip(accepted, debtorIDs) {
            let dossier = openDossier[debtorID]!
            let claim = Claim(
                clientID: clientID, dossierID: dossier.id, invoiceNumber: row.invoiceNumber,
                invoiceDay: row.invoiceDay,
                dueDay: row.dueDay, principal: row.amount, description: row.description)
            writes.claims.append(StoredClaim(claim: claim, importID: importID, sourceLine: row.line))
            if let new = dossier.new {
                writes.opening[new].append(.claimHandedOver(claim, on: day))
            } else {
                writes.joining.append(.claimHandedOver(claim, on: day))
            }
            let payload = JournalPayload(["invoice": row.invoiceNumber, "principalCents": String(row.amount.cents)])
            let added = JournalEvent(dossierID: claim.dossierID, day: day, type: .claimAdded, payload: payload)
            writes.events.append(EncodedJournalEvent(added))
        }
        writes.outcome.imported = writes.claims.count
        return writes
    }

    private func duplicateInFile(_ row: ValidClaimRow, firstLine: Int) -> ImportIssue {
        ImportIssue(
            line: row.line, column: "invoice_number",
            reason: "duplicate invoice number \(row.invoiceNumber) in the file (first on line \(firstLine))")
    }
}
