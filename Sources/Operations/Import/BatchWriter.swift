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

    /// A batch with what can be worked out before the store is asked anything: the ids, and each
    /// debtor as its first row in the batch describes it, encoded (the dearest part of a write).
    struct Prepared: Sendable {
        let rows: [ValidClaimRow]
        let claimIDs: [Claim.ID]
        let debtorIDs: [Debtor.ID]
        /// Per debtor of the batch: the line of its first row, and the debtor that row registers.
        let debtors: [Debtor.ID: (line: Int, debtor: EncodedDebtor)]
    }

    /// Works out `rows`' ids and encodes their debtors; runs while the store writes the batch before.
    func prepare(_ rows: [ValidClaimRow]) throws -> Prepared {
        var debtorIDs: [Debtor.ID] = []
        debtorIDs.reserveCapacity(rows.count)
        var debtors: [Debtor.ID: (line: Int, debtor: EncodedDebtor)] = [:]
        for row in rows {
            let id = Debtor.id(client: clientID, reference: row.debtorReference)
            debtorIDs.append(id)
            if debtors[id] == nil { debtors[id] = (row.line, try register(row)) }
        }
        return Prepared(
            rows: rows, claimIDs: rows.map { Claim.id(client: clientID, invoiceNumber: $0.invoiceNumber) },
            debtorIDs: debtorIDs, debtors: debtors)
    }

    /// The debtor `row` registers when its debtor is new.
    private func register(_ row: ValidClaimRow) throws -> EncodedDebtor {
        try EncodedDebtor(
            Debtor(clientID: clientID, reference: row.debtorReference, kind: row.debtorKind, profile: row.profile))
    }

    func write(_ prepared: Prepared, to store: any CaseStore) async throws -> Outcome {
        var outcome = Outcome()
        let known = try await store.claims(prepared.claimIDs)

        // 1. Which rows are new, which are repeats of an earlier import, which repeat this file.
        var firstLineInBatch: [Claim.ID: Int] = [:]
        var accepted: [ValidClaimRow] = []
        var debtorIDs: [Debtor.ID] = []
        for (index, id) in prepared.claimIDs.enumerated() {
            let row = prepared.rows[index]
            if let firstLine = firstLineInBatch[id] {
                outcome.issues.append(duplicateInFile(row, firstLine: firstLine))
            } else if let stored = known[id] {
                if stored.importID == importID {
                    outcome.issues.append(duplicateInFile(row, firstLine: stored.sourceLine ?? 0))
                } else {
                    outcome.duplicates += 1
                }
                firstLineInBatch[id] = stored.sourceLine ?? row.line
            } else {
                firstLineInBatch[id] = row.line
                accepted.append(row)
                debtorIDs.append(prepared.debtorIDs[index])
            }
        }
        guard !accepted.isEmpty else { return outcome }

        // 2. Debtors: the first accepted row of an unknown debtor registers it (encoded beforehand
        // unless an earlier row of the debtor in this batch was refused).
        let batchDebtors = Array(Set(debtorIDs))
        var newDebtors: [Debtor.ID: EncodedDebtor] = [:]
        let knownDebtors = try await store.debtors(batchDebtors)
        for (row, id) in zip(accepted, debtorIDs) where knownDebtors[id] == nil && newDebtors[id] == nil {
            if let early = prepared.debtors[id], early.line == row.line {
                newDebtors[id] = early.debtor
            } else {
                newDebtors[id] = try register(row)
            }
        }
        try await store.insertDebtors(newDebtors.values.sorted { $0.debtor.id < $1.debtor.id })

        // 3. Dossiers: a debtor's open dossier at this client gathers its claims; else a new one.
        // With each open dossier, its place among the dossiers this batch opens (nil: opened before).
        var openDossier: [Debtor.ID: (id: Dossier.ID, new: Int?)] = [:]
        var dossierCount: [Debtor.ID: Int] = [:]
        for dossier in try await store.dossiers(ofDebtors: batchDebtors) {
            dossierCount[dossier.debtorID, default: 0] += 1
            if dossier.state != .closed && dossier.clientID == clientID {
                openDossier[dossier.debtorID] = (dossier.id, nil)
            }
        }
        var newDossiers: [Dossier] = []
        var events: [JournalEvent] = []
        for (row, debtorID) in zip(accepted, debtorIDs) where openDossier[debtorID] == nil {
            let ordinal = dossierCount[debtorID, default: 0] + 1
            let flags: DossierFlags = row.profile.address.country == .netherlands ? [] : [.abroad]
            let dossier = Dossier(
                id: Dossier.id(debtor: debtorID, ordinal: ordinal), clientID: clientID, debtorID: debtorID,
                openedDay: day, nextActionDay: day, flags: flags)
            dossierCount[debtorID] = ordinal
            openDossier[debtorID] = (dossier.id, newDossiers.count)
            newDossiers.append(dossier)
            // The report's keys (docs/journal-payloads.md) through the contract's constructor, plus the import.
            events.append(
                JournalEvent.dossierOpened(
                    dossier.id, on: day, client: clientID, debtor: debtorID, debtorKind: row.debtorKind
                )
                .addingPayload(["import": importID]))
        }

        // 4. Claims, their ledger transactions and journal events.
        // A new dossier is written once, with the balances of its claims; a claim joining a dossier
        // opened before adds to that dossier's.
        var claims: [StoredClaim] = []
        var opening: [[LedgerTransaction]] = Array(repeating: [], count: newDossiers.count)
        var joining: [LedgerTransaction] = []
        for (row, debtorID) in zip(accepted, debtorIDs) {
            let dossier = openDossier[debtorID]!
            let claim = Claim(
                clientID: clientID, dossierID: dossier.id, invoiceNumber: row.invoiceNumber,
                invoiceDay: row.invoiceDay,
                dueDay: row.dueDay, principal: row.amount, description: row.description)
            claims.append(StoredClaim(claim: claim, importID: importID, sourceLine: row.line))
            if let new = dossier.new {
                opening[new].append(.claimHandedOver(claim, on: day))
            } else {
                joining.append(.claimHandedOver(claim, on: day))
            }
            events.append(
                JournalEvent(
                    dossierID: claim.dossierID, day: day, type: .claimAdded,
                    payload: JournalPayload(["invoice": row.invoiceNumber, "principalCents": String(row.amount.cents)]))
            )
        }
        try await store.insertDossiers(newDossiers, openedWith: opening)
        try await store.insertClaims(claims)
        try await store.appendLedger(joining)
        try await store.appendJournal(events, recordedAt: recordedAt)
        outcome.imported = claims.count
        return outcome
    }

    private func duplicateInFile(_ row: ValidClaimRow, firstLine: Int) -> ImportIssue {
        ImportIssue(
            line: row.line, column: "invoice_number",
            reason: "duplicate invoice number \(row.invoiceNumber) in the file (first on line \(firstLine))")
    }
}
