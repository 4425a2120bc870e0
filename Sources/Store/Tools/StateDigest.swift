import Crypto
import Domain
import Money

extension CaseStore {
    /// A SHA-256 (hex) over a canonical dump of every dossier state, ledger posting and journal
    /// event, leaving out wall-clock fields (`recordedAt`) and engine-assigned journal sequence
    /// numbers (PostgreSQL may leave gaps after a rollback). Events are taken per dossier in journal
    /// order, so the interleaving of concurrent writers does not change the digest.
    /// Two stores with the same history print the same digest, whatever their engine.
    public func stateDigest(pageSize: Int = 1_000) async throws -> String {
        var hasher = SHA256()
        func line(_ fields: [String]) {
            // Fields joined by a unit separator; a field can never contain it unescaped because
            // every free-text field is JSON-quoted below.
            hasher.update(data: Array((fields.joined(separator: "\u{1F}") + "\n").utf8))
        }

        var lastDossier: Dossier.ID?
        while true {
            let page = try await dossiers(after: lastDossier, limit: pageSize)
            for dossier in page {
                line([
                    "dossier", dossier.id.rawValue, dossier.clientID.rawValue, dossier.debtorID.rawValue,
                    dossier.openedDay.description,
                    dossier.state.rawValue, dossier.nextActionDay?.description ?? "-", String(dossier.flags.rawValue),
                    dossier.closure?.day.description ?? "-", dossier.closure?.reason.rawValue ?? "-",
                    String(dossier.version),
                ])
            }
            guard let last = page.last, page.count == pageSize else { break }
            lastDossier = last.id
        }

        var lastTransaction: LedgerTransaction.ID?
        while true {
            let page = try await ledger(after: lastTransaction, limit: pageSize)
            for transaction in page {
                for (position, posting) in transaction.postings.enumerated() {
                    line([
                        "posting", transaction.id.rawValue, String(position), transaction.dossierID.rawValue,
                        transaction.day.description,
                        JournalPayload(["memo": transaction.memo]).canonicalJSON, transaction.reverses?.rawValue ?? "-",
                        posting.account.rawValue, String(posting.amount.cents),
                    ])
                }
            }
            guard let last = page.last, page.count == pageSize else { break }
            lastTransaction = last.id
        }

        // Events per dossier in journal order, dossiers in id order: concurrent workers commit
        // chunks in any order, and the same history must give the same digest.
        var lastEventDossier: Dossier.ID?
        while true {
            let page = try await dossiers(after: lastEventDossier, limit: pageSize)
            var ordinal = 0
            var current: Dossier.ID?
            for event in try await journal(ofDossiers: page.map(\.id)) {
                if event.dossierID != current {
                    current = event.dossierID
                    ordinal = 0
                }
                ordinal += 1
                line([
                    "event", String(ordinal), event.dossierID.rawValue, event.day.description, event.type.rawValue,
                    event.payload.canonicalJSON,
                ])
            }
            guard let last = page.last, page.count == pageSize else { break }
            lastEventDossier = last.id
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
