import Domain
import Money
import Testing

@testable import Store

/// Each dossier keeps the balance of every ledger account in its row (migration 17), added to in
/// the transaction that appends the postings; the ledger is indexed by day and dossier. The balances
/// read are always the sums of the postings, `db check` names a dossier whose are not, and a ledger
/// read by dossier still has every transaction in booking order.
@Suite struct BalancesContractTests {
    /// Balanced transactions between two accounts picked at random (each of the seven in turn), on
    /// days over six weeks, in batches as the writers append them, with reversals of some; from
    /// `seed`, the same every run.
    static func batches(over dossiers: [Dossier], seed: UInt64) -> [[LedgerTransaction]] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let accounts = LedgerAccount.allCases
        var batches: [[LedgerTransaction]] = []
        var booked: [LedgerTransaction] = []
        for batch in 0..<6 {
            var transactions: [LedgerTransaction] = []
            for number in 0..<(20 + next(20)) {
                let dossier = dossiers[next(dossiers.count)]
                let debit = accounts[next(accounts.count)]
                let credit = accounts.filter { $0 != debit }[next(accounts.count - 1)]
                let cents = Int64(1 + next(50_000))
                transactions.append(
                    LedgerTransaction(
                        id: LedgerTransaction.ID("t\(batch)-\(number)"), dossierID: dossier.id,
                        day: Sample.day.adding(days: next(42)), memo: "\(debit) against \(credit)",
                        postings: [Posting(debit, Money(cents: cents)), Posting(credit, Money(cents: -cents))]))
            }
            if batch > 0 {
                let undone = booked[next(booked.count)]
                transactions.append(
                    undone.reversal(
                        id: LedgerTransaction.ID("r\(batch)"), on: undone.day.adding(days: 1), memo: "correction"))
            }
            booked += transactions
            batches.append(transactions)
        }
        return batches
    }

    /// Every dossier's balances read and its ledger, against the transactions booked for it.
    static func expectKept(
        _ store: any CaseStore, _ dossiers: [Dossier], booked: [LedgerTransaction]
    ) async throws {
        let read = try await (store as! any DailyRunStore).balances(of: dossiers.map(\.id))
        for dossier in dossiers {
            let own = booked.filter { $0.dossierID == dossier.id }
            let expected = LedgerBalances(own)
            #expect(read[dossier.id] == (expected.byAccount.isEmpty ? nil : expected), "\(dossier.id)")
            let ledger = try await store.ledger(ofDossier: dossier.id)
            #expect(Set(ledger.map(\.id)) == Set(own.map(\.id)), "\(dossier.id)")
            #expect(ledger.map(\.day) == ledger.map(\.day).sorted(), "\(dossier.id) in booking order")
            #expect(LedgerBalances(ledger) == expected)
        }
    }

    @Test(arguments: Engine.covered)
    func theBalancesKeptAreTheSumsOfThePostings(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let dossiers = try await Sample.seed(store, count: 12)
            var booked: [LedgerTransaction] = []
            for dossier in dossiers { booked += try await store.ledger(ofDossier: dossier.id) }
            for batch in Self.batches(over: dossiers, seed: 17) {
                try await store.transaction { store in try await store.appendLedger(batch) }
                booked += batch
                try await Self.expectKept(store, dossiers, booked: booked)
            }
            #expect(try await store.check().problems.isEmpty)
        }
    }

    /// Dossiers stored with their first transactions (the import's way) start with those balances;
    /// a dossier opened without any has none, and later postings add to them as to any.
    @Test(arguments: Engine.covered)
    func dossiersOpenedWithTheirFirstTransactionsHoldTheirBalances(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            try await store.insertClient(Sample.client)
            let debtors = (1...3).map { Sample.debtor("N-\($0)") }
            try await store.insertDebtors(debtors)
            let dossiers = debtors.map { Sample.dossier(for: $0) }
            let claims = [
                Sample.claim("F-1", dossier: dossiers[0], cents: 1_250), Sample.claim("F-2", dossier: dossiers[0]),
                Sample.claim("F-3", dossier: dossiers[2], cents: 99),
            ]
            let opening = claims.map { LedgerTransaction.claimHandedOver($0, on: Sample.day) }
            try await store.transaction { store in
                try await store.insertDossiers(
                    dossiers, openedWith: dossiers.map { dossier in opening.filter { $0.dossierID == dossier.id } })
                try await store.insertClaims(claims.map { StoredClaim(claim: $0) })
            }
            try await Self.expectKept(store, dossiers, booked: opening)
            let later = Self.batches(over: dossiers, seed: 3)[0]
            try await store.appendLedger(later)
            try await Self.expectKept(store, dossiers, booked: opening + later)
            #expect(try await store.check().problems.isEmpty)
        }
    }

    /// A transaction for a dossier the store does not hold is refused whole: no posting is left.
    @Test(arguments: Engine.covered)
    func aTransactionOfAnUnknownDossierLeavesNothing(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let dossiers = try await Sample.seed(store, count: 2)
            let unknown = Dossier.ID("ACME/NOBODY#1")
            let batch = [dossiers[0].id, unknown].enumerated().map { index, id in
                LedgerTransaction(
                    id: LedgerTransaction.ID("x\(index)"), dossierID: id, day: Sample.day, memo: "costs",
                    postings: [Posting(.debtorReceivable, Money(cents: 4_000)), Posting(.costs, Money(cents: -4_000))])
            }
            await #expect(throws: StoreError.self) { try await store.appendLedger(batch) }
            #expect(try await store.ledger(ofDossier: unknown).isEmpty)
            #expect(try await store.ledger(ofDossier: dossiers[0].id).map(\.id.rawValue).contains("x0") == false)
            #expect(try await store.check().problems.isEmpty)
        }
    }

    /// A balance written past the ledger (by hand, here) is named by the check.
    @Test(arguments: Engine.covered)
    func aBalanceOutOfStepWithThePostingsIsNamed(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let dossiers = try await Sample.seed(store, count: 3)
            let sql = store as! SQLCaseStore
            try await sql.execute(
                "UPDATE dossiers SET balance_costs = balance_costs + 1 WHERE id = '\(dossiers[1].id.rawValue)'")
            #expect(
                try await store.check().problems == [
                    "the balances kept in dossier \(dossiers[1].id) differ from the sums of its ledger postings"
                ])
        }
    }

    /// A store of schema version 16 gets the balances of the postings booked before from migration
    /// 17; its ledger is then read by day, and the earlier costs of a person through the costs' index.
    @Test(arguments: Engine.covered)
    func theMigrationSumsThePostingsBookedBefore(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine, schemaVersion: 16) { (store: any CaseStore) async throws in
            let sql = store as! SQLCaseStore
            let dossiers = try await Sample.seed(store, count: 8)
            var booked: [LedgerTransaction] = []
            for dossier in dossiers { booked += try await store.ledger(ofDossier: dossier.id) }
            for batch in Self.batches(over: dossiers, seed: 5) {
                try await store.appendLedger(batch)
                booked += batch
            }
            #expect(try await sql.indexNames().contains("ledger_by_dossier_account"))
            #expect(try await sql.migrate().first == 17)
            try await Self.expectKept(store, dossiers, booked: booked)
            let indexes = try await sql.indexNames()
            #expect(!indexes.contains("ledger_by_dossier_account"))
            #expect(indexes.isSuperset(of: ["ledger_by_day_dossier", "ledger_costs_by_dossier"]))
            let debtors = dossiers.map(\.debtorID)
            let charges = try await sql.costCharges(debtors: debtors, since: Sample.day.adding(days: -1))
            for dossier in dossiers {
                let costs = booked.filter { $0.dossierID == dossier.id }.flatMap { transaction in
                    transaction.postings.filter { $0.account == .costs }.map { (transaction.day, -$0.amount.cents) }
                }
                let read = (charges[dossier.debtorID] ?? []).map { ($0.day, $0.amount.cents) }
                #expect(
                    read.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.elementsEqual(
                        costs.sorted { ($0.0, $0.1) < ($1.0, $1.1) }, by: { $0 == $1 }))
            }
            #expect(try await store.check().problems.isEmpty)
        }
    }

    @Test func everyAccountHasItsColumn() {
        // In the accounts' own order: a posting's column is its account's ordinal.
        #expect(SQLCaseStore.balanceColumns.map(\.account) == LedgerAccount.allCases)
        #expect(Set(SQLCaseStore.balanceColumns.map(\.column)).count == LedgerAccount.allCases.count)
        for (index, column) in SQLCaseStore.balanceColumns.enumerated() {
            #expect(column.account.ordinal == index)
        }
    }
}
