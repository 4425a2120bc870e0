import Domain
public import Money
public import Store

/// The retention rule (docs/privacy.md): the personal data of a debtor whose dossiers are all closed
/// since before a cut-off day is replaced by a pseudonym, and what the debtor stated on those
/// dossiers (responses, and the engine's progress built on them) is erased. Dossiers, claims, the
/// ledger (and so every total) and the journal stay, so statements, the social report and audits
/// still add up.
public struct Retention: Sendable {
    /// Dossiers handled per transaction.
    public static let chunkDossiersMax = 500

    let store: any CaseStore
    let day: Day
    let recordedAt: String

    /// A retention run on business day `day`.
    public init(store: any CaseStore, day: Day, recordedAt: String) {
        self.store = store
        self.day = day
        self.recordedAt = recordedAt
    }

    /// What a run did.
    public struct Outcome: Hashable, Sendable {
        /// Debtors whose personal data was replaced now.
        public var pseudonymised = 0
        /// Debtors skipped because another dossier of theirs is open or closed too recently.
        public var keptForOtherDossiers = 0
    }

    /// Pseudonymises debtors whose every dossier closed before `closedBefore`. Idempotent: a debtor
    /// already pseudonymised is left alone. Each chunk commits with its journal events.
    public func run(closedBefore: Day) async throws -> Outcome {
        var outcome = Outcome()
        var cursor: Dossier.ID?
        while true {
            let chunk = try await store.dossiersClosed(
                before: closedBefore, after: cursor, limit: Self.chunkDossiersMax)
            guard let last = chunk.last else { break }
            cursor = last.id
            let debtorIDs = Array(Set(chunk.map(\.debtorID))).sorted()
            let chunkOutcome = try await store.transaction { store in
                var outcome = Outcome()
                let debtors = try await store.debtors(debtorIDs)
                let allDossiers = Dictionary(grouping: try await store.dossiers(ofDebtors: debtorIDs), by: \.debtorID)
                var updates: [Debtor.ID: DebtorProfile] = [:]
                var events: [JournalEvent] = []
                for id in debtorIDs {
                    guard let debtor = debtors[id], !debtor.profile.isPseudonymised else { continue }
                    let dossiers = allDossiers[id] ?? []
                    guard dossiers.allSatisfy({ ($0.closure?.day).map { $0 < closedBefore } ?? false }) else {
                        outcome.keptForOtherDossiers += 1
                        continue
                    }
                    updates[id] = debtor.profile.pseudonymised(token: "pseudonymised")
                    events += dossiers.map {
                        JournalEvent(
                            dossierID: $0.id, day: day, type: .pseudonymised,
                            payload: JournalPayload(["closedBefore": closedBefore.description]))
                    }
                }
                for (id, profile) in updates.sorted(by: { $0.key < $1.key }) {
                    try await store.updateDebtorProfile(id, profile: profile)
                }
                try await store.eraseStatements(
                    ofDossiers: updates.keys.sorted().flatMap { (allDossiers[$0] ?? []).map(\.id) })
                try await store.appendJournal(events, recordedAt: recordedAt)
                outcome.pseudonymised = updates.count
                return outcome
            }
            outcome.pseudonymised += chunkOutcome.pseudonymised
            outcome.keptForOtherDossiers += chunkOutcome.keptForOtherDossiers
            if chunk.count < Self.chunkDossiersMax { break }
        }
        return outcome
    }
}
