import Domain
import Law
import Foundation
import Money
import Operations
import Reporting
import Store
import Testing

/// The report counters on both engines: the store's grouped sums are exactly
/// `ReportCounters.compacted(for:client:)`, and the projection counts every journal event once,
/// whatever the order in which concurrent writers commit.
@Suite struct ReportCounterContractTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// A small journal of two clients that touches every counter, a freeze restart, and periods
    /// from before to after the report's.
    static let journal: [JournalEvent] = {
        let acme = Client.ID("ACME")
        let beta = Client.ID("BETA")
        func dossier(_ client: Client.ID, _ number: Int) -> Dossier.ID { Dossier.ID("\(client)/D-\(number)/1") }
        func debtor(_ client: Client.ID, _ number: Int) -> Debtor.ID { Debtor.ID("\(client)/D-\(number)") }
        var events: [JournalEvent] = []
        for (client, count) in [(acme, 4), (beta, 2)] {
            for number in 1...count {
                let id = dossier(client, number)
                let kind: DebtorKind = number == 2 ? .business : .consumer
                events.append(.dossierOpened(id, on: day("2023-12-\(10 + number)"), client: client, debtor: debtor(client, number), debtorKind: kind))
                events.append(.contactDelivered(id, on: day("2024-01-0\(number)"), client: client, channel: .letter))
                events.append(.contactDelivered(id, on: day("2024-02-0\(number)"), client: client, channel: .email))
                events.append(.contactDelivered(id, on: day("2024-03-0\(number)"), client: client, channel: .sms))
                events.append(.callMade(id, on: day("2024-03-1\(number)"), client: client, direction: .outbound))
                events.append(.portalLogin(id, on: day("2024-03-2\(number)"), client: client))
                events.append(.surveyAnswered(id, on: day("2024-04-0\(number)"), client: client, score: 1 + number))
            }
        }
        let a1 = dossier(acme, 1)
        events += [
            .freezeStarted(a1, on: day("2023-12-20"), client: acme, kind: .dispute, previousFreezeEnded: nil),
            .freezeEnded(a1, on: day("2024-02-01"), client: acme, kind: .dispute, interestAvoided: Money(cents: 1_234)),
            .freezeStarted(a1, on: day("2024-03-01"), client: acme, kind: .hardship, previousFreezeEnded: day("2024-02-01")),
            .freezeEnded(a1, on: day("2024-05-01"), client: acme, kind: .hardship, interestAvoided: Money(cents: 566)),
            .arrangementAgreed(a1, on: day("2024-03-05"), client: acme, months: 7, monthlyInstalment: Money(cents: 11_700)),
            .paymentReceived(a1, on: day("2024-04-05"), client: acme, amount: Money(cents: 11_700)),
            .paymentReceived(a1, on: day("2024-05-05"), client: acme, amount: Money(cents: 88_300)),
            .closed(
                a1, on: day("2024-05-05"), client: acme,
                closing: DossierClosing(
                    reason: .paid, debtor: debtor(acme, 1), debtorKind: .consumer, debtorOpenDossiers: 0,
                    mayGoToCourt: true, inDebtCounselling: false)),
        ]
        let a2 = dossier(acme, 2)
        events += [
            .screened(a2, on: day("2024-02-10"), client: acme, outcome: .negative),
            .referred(a2, on: day("2024-02-11"), client: acme, to: .debtCounselling),
            .freezeStarted(a2, on: day("2024-02-11"), client: acme, kind: .debtCounselling, previousFreezeEnded: nil),
        ]
        let b1 = dossier(beta, 1)
        events += [
            .referred(b1, on: day("2024-01-20"), client: beta, to: .abroad(country: CountryCode("BE")!)),
            .closed(
                b1, on: day("2024-06-30"), client: beta,
                closing: DossierClosing(
                    reason: .settled, debtor: debtor(beta, 1), debtorKind: .consumer, debtorOpenDossiers: 0,
                    mayGoToCourt: false, inDebtCounselling: false)),
            // An event the report does not read, and one that breaks the payload contract: both ignored.
            JournalEvent(dossierID: b1, day: day("2024-02-01"), type: .interestAccrued),
            JournalEvent(dossierID: b1, day: day("2024-02-01"), type: .portalLogin),
        ]
        return events
    }()

    static let periods = [
        ReportPeriod.year(2024), ReportPeriod(from: day("2024-02-05"), through: day("2024-04-30")),
        ReportPeriod(from: day("2023-12-01"), through: day("2023-12-31")), ReportPeriod(from: day("2024-03-01"), through: day("2024-03-01")),
    ]
    static let clients: [Client.ID?] = [nil, Client.ID("ACME"), Client.ID("BETA"), Client.ID("NONE")]

    /// Counters written before migration 15 re-keys the table by (day, client, counter) are kept,
    /// and the counts added after it add to them: every period reads the same sums as the journal's.
    @Test(arguments: Engine.covered)
    func countersWrittenBeforeTheyWereKeyedByClientAreKept(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine, schemaVersion: 14) { (store: any CaseStore) async throws in
            let counting = try #require(store as? any ReportCounterStore)
            let half = ReportCounters(journal: Self.journal.prefix(Self.journal.count / 2))
            let rest = ReportCounters(journal: Self.journal.dropFirst(Self.journal.count / 2))
            try await counting.addReportCounts(half, advancing: 0, to: 5)
            #expect(try await store.migrate().first == 15)
            try await counting.addReportCounts(rest, advancing: 5, to: 9)
            let counters = ReportCounters(journal: Self.journal)
            for period in Self.periods {
                for client in Self.clients {
                    #expect(
                        try await counting.reportCounters(for: period, client: client)
                            == counters.compacted(for: period, client: client),
                        "\(period) \(client?.rawValue ?? "agency")")
                }
            }
        }
    }

    @Test(arguments: Engine.covered)
    func storedSumsAreTheCompactedCounters(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let store = try #require(store as? any ReportCounterStore)
            let counters = ReportCounters(journal: Self.journal)
            // Written in two halves: the upsert adds to rows that exist.
            let half = ReportCounters(journal: Self.journal.prefix(Self.journal.count / 2))
            let rest = ReportCounters(journal: Self.journal.dropFirst(Self.journal.count / 2))
            try await store.addReportCounts(half, advancing: 0, to: 5)
            try await store.addReportCounts(rest, advancing: 5, to: 9)
            #expect(try await store.reportWatermark() == 9)
            for period in Self.periods {
                for client in Self.clients {
                    let stored = try await store.reportCounters(for: period, client: client)
                    #expect(stored == counters.compacted(for: period, client: client), "\(period) \(client?.rawValue ?? "agency")")
                    #expect(
                        SocialReport.compute(counters: stored, period: period, client: client)
                            == SocialReport.fold(journal: Self.journal, period: period, client: client))
                }
            }
        }
    }

    @Test(arguments: Engine.covered)
    func aMovedWatermarkAddsNothing(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let store = try #require(store as? any ReportCounterStore)
            let counters = ReportCounters(journal: Self.journal)
            try await store.addReportCounts(counters, advancing: 0, to: 3)
            await #expect(throws: StoreError.watermarkMoved(expected: 0, found: 3)) {
                try await store.addReportCounts(counters, advancing: 0, to: 7)
            }
            #expect(try await store.reportWatermark() == 3)
            let year = ReportPeriod.year(2024)
            #expect(try await store.reportCounters(for: year, client: nil) == counters.compacted(for: year))
        }
    }

    @Test(arguments: Engine.covered)
    func theProjectionCountsEveryEventOnceInSmallPages(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let store = try #require(store as? any ReportCounterStore)
            #expect(try await ReportProjection.catchUp(store).watermark == 0)
            try await store.appendJournal(Array(Self.journal.prefix(20)), recordedAt: "t")
            let first = try await ReportProjection.catchUp(store, pageEvents: 7)
            #expect(first.events == 20 && first.pages == 3)
            try await store.appendJournal(Array(Self.journal.dropFirst(20)), recordedAt: "t")
            let second = try await ReportProjection.catchUp(store, pageEvents: 7)
            // Only the report's types are read: the one `interestAccrued` is skipped.
            #expect(second.events == Self.journal.count - 20 - 1)
            #expect(try await store.countJournal(JournalFilter(types: [.interestAccrued, .claimAdded])) == 1)
            #expect(try await store.countJournal(JournalFilter(types: [])) == 0)
            let again = try await ReportProjection.catchUp(store, pageEvents: 7)
            #expect(again.events == 0 && again.pages == 0 && again.watermark == second.watermark)
            for period in Self.periods {
                for client in Self.clients {
                    #expect(
                        try await store.reportCounters(for: period, client: client)
                            == ReportCounters(journal: Self.journal).compacted(for: period, client: client))
                }
            }
        }
    }

    /// A writer holds a low sequence uncommitted while a later writer commits a higher one: the
    /// projection must neither skip the late commit nor count anything twice.
    @Test(arguments: Engine.covered)
    func anOutOfOrderCommitIsNotSkipped(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let store = try #require(store as? any ReportCounterStore)
            let early = Array(Self.journal.prefix(10))
            let late = Array(Self.journal.dropFirst(10))
            let slow = Task {
                try await store.transaction { transaction in
                    try await transaction.appendJournal(early, recordedAt: "slow")
                    try await Task.sleep(for: .milliseconds(600))
                }
            }
            try await Task.sleep(for: .milliseconds(150))
            let fast = Task { try await store.appendJournal(late, recordedAt: "fast") }
            try await Task.sleep(for: .milliseconds(150))
            let projected = Task { try await ReportProjection.catchUp(store, pageEvents: 5) }
            try await slow.value
            try await fast.value
            _ = try await projected.value
            _ = try await ReportProjection.catchUp(store, pageEvents: 5)
            let year = ReportPeriod.year(2024)
            #expect(
                try await store.reportCounters(for: year, client: nil)
                    == ReportCounters(journal: Self.journal).compacted(for: year))
        }
    }

    /// The projection reading its pages on the store's second connection (SQLite's reading
    /// connection; PostgreSQL has none and reads on the store) while other transactions append to
    /// the journal: every event is counted once.
    @Test(arguments: Engine.covered)
    func aProjectionReadingOnASecondConnectionCountsEveryEventOnce(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let store = try #require(store as? any ReportCounterStore)
            let reader = try await (store as? any DailyRunStore)?.readAheadStore()
            #expect((reader != nil) == (engine == .sqlite))
            try await store.appendJournal(Array(Self.journal.prefix(12)), recordedAt: "t")
            #expect(try await ReportProjection.catchUp(store, reading: reader, pageEvents: 5).events == 12)
            let rest = Array(Self.journal.dropFirst(12))
            let writing = Task {
                for part in stride(from: 0, to: rest.count, by: 3) {
                    try await store.appendJournal(Array(rest[part..<min(part + 3, rest.count)]), recordedAt: "t")
                    try await Task.sleep(for: .milliseconds(5))
                }
            }
            for _ in 0..<4 { _ = try await ReportProjection.catchUp(store, reading: reader, pageEvents: 2) }
            try await writing.value
            _ = try await ReportProjection.catchUp(store, reading: reader, pageEvents: 2)
            for period in Self.periods {
                for client in Self.clients {
                    #expect(
                        try await store.reportCounters(for: period, client: client)
                            == ReportCounters(journal: Self.journal).compacted(for: period, client: client))
                }
            }
        }
    }
}
