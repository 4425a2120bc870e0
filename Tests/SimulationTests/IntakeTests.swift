import Domain
import Engine
import Foundation
import Money
import Operations
import Simulation
import Store
import Synchronization
import Testing

/// Registers the one client of a generated portfolio and imports its January hand-over; returns the
/// hand-over's day.
@discardableResult
func importJanuaryHandOver(into store: any CaseStore, dossiersInYear: Int, seed: UInt64) async throws -> Day {
    let spec = PortfolioSpec(year: 2024, clients: 1, dossiers: dossiersInYear, seed: seed)
    let client = PortfolioGenerator.clients(spec)[0]
    try await store.insertClient(Client(id: Client.ID(client.reference), name: client.name))
    let handOver = PortfolioGenerator.handOver(of: client, month: 1, spec: spec)!
    var reader = try ClaimFileReader(source: MemoryByteSource(handOver.csv, chunkBytes: 1 << 16))
    _ = try await ClaimImport(store: store, clientID: Client.ID(client.reference), day: handOver.day, recordedAt: "t")
        .run(&reader, sourceName: "test")
    return handOver.day
}

@Suite struct IntakeTests {
    let day = Day(iso: "2024-01-02")!

    /// Imports one generated client's January hand-over and returns its dossiers.
    func bookOfOneClient(_ store: any IntakeStore, dossiersInYear: Int = 24) async throws -> [Dossier] {
        try await importJanuaryHandOver(into: store, dossiersInYear: dossiersInYear, seed: 3)
        return try await store.dossiers(after: nil, limit: 100)
    }

    /// Regression: the import flags foreign debtors `abroad`, and the engine took the flag for "already
    /// referred", so no foreign debtor was ever referred to a partner office.
    @Test func importedForeignDebtorsAreReferredOnTheirFirstStep() async throws {
        try await withTemporaryStore { store in
            let dossiers = try await bookOfOneClient(store, dossiersInYear: 600)
            let foreign = dossiers.filter { $0.flags.contains(.abroad) }
            #expect(!foreign.isEmpty)
            _ = try await DailyRun(store: store, context: simulationContext, day: day, clock: { "t" }).run()
            let referred = try await store.countJournal(JournalFilter(type: .referred))
            #expect(referred == foreign.count)
        }
    }

    /// The same payment twice books once; the dossier wakes on the payment's day.
    @Test func aPaymentBooksOnceAndWakesTheDossier() async throws {
        try await withTemporaryStore { store in
            let dossier = try await bookOfOneClient(store)[0]
            let intake = PaymentIntake(store: store, recordedAt: "t")
            let payment = ReceivedPayment(dossierID: dossier.id, day: day.adding(days: 20), amount: Money(euros: 25), reference: "bank-1")
            #expect(try await intake.record(payment) == .booked)
            #expect(try await intake.record(payment) == .alreadyBooked)
            #expect(try await intake.record([payment, payment]) == [.alreadyBooked, .alreadyBooked])
            let balances = try await store.balances(of: [dossier.id])[dossier.id]!
            #expect(balances[.paymentsReceived] == Money(euros: 25))
            let events = try await store.countJournal(JournalFilter(dossierID: dossier.id, type: .paymentReceived))
            #expect(events == 1)
            #expect(try await store.dossier(dossier.id)?.nextActionDay == dossier.nextActionDay.map { min($0, day.adding(days: 20)) } ?? day.adding(days: 20))
            #expect(try await intake.record(ReceivedPayment(dossierID: Dossier.ID("nobody"), day: day, amount: Money(euros: 1), reference: "x")) == .unknownDossier)
        }
    }

    /// Dispatching a day twice journals its messages once; e-mails can bounce, calls are journalled as calls.
    @Test func dispatchingADayTwiceJournalsItOnce() async throws {
        try await withTemporaryStore { store in
            _ = try await bookOfOneClient(store)
            _ = try await DailyRun(store: store, context: simulationContext, day: day, clock: { "t" }).run()
            let first = try await OutboxDispatch(store: store, day: day, recordedAt: "t").run { message in
                message.channel == .email ? .failed(reason: "bounced") : .delivered
            }
            #expect(!first.isEmpty)
            let second = try await OutboxDispatch(store: store, day: day, recordedAt: "t").run { _ in .delivered }
            #expect(second.isEmpty)
            let sent = try await store.countJournal(JournalFilter(type: .contactSent, from: day, through: day))
            #expect(sent == first.count)
            let outcomes = try await store.countJournal(JournalFilter(type: .contactDelivered))
                + store.countJournal(JournalFilter(type: .contactFailed))
            #expect(outcomes == first.count)
        }
    }

    /// A day dispatched in pages of 3 messages journals every message's events in outbox id order and
    /// leaves the same store as one page.
    @Test func aDayDispatchedInSmallPagesJournalsAsInOnePage() async throws {
        var digests: [String] = []
        for pageMessages in [OutboxDispatch.pageMessagesMax, 3] {
            try await withTemporaryStore { store in
                _ = try await bookOfOneClient(store, dossiersInYear: 240)
                _ = try await DailyRun(store: store, context: simulationContext, day: day, clock: { "t" }).run()
                // Pages are read and written by the store while the next is delivered beside it; the
                // channels and `then` still see the messages one at a time, in order.
                let delivered = Mutex<[String]>([])
                let followed = try await OutboxDispatch(store: store, day: day, recordedAt: "t").run(
                    pageMessages: pageMessages,
                    deliver: { message in
                        delivered.withLock { $0.append(message.id) }
                        return message.channel == .email ? .failed(reason: "bounced") : .delivered
                    },
                    then: { item, events in (id: item.message.id, types: events.map(\.type)) })
                let dispatched = followed.map(\.message)
                #expect(dispatched.count > 3 * 2, "too few messages for several pages: \(dispatched.count)")
                let ids = dispatched.map(\.message.id)
                #expect(ids == ids.sorted())
                #expect(delivered.withLock { $0 } == ids && followed.map(\.follow.id) == ids)
                #expect(followed.allSatisfy { $0.follow.types == $0.message.events(on: day).map(\.type) })
                var journalled: [String] = []
                try await store.forEachJournalPage(JournalFilter(type: .contactSent, from: day, through: day)) { page in
                    journalled += page.compactMap { $0.payload["outbox"] }
                }
                #expect(journalled == ids)
                digests.append(try await store.stateDigest())
            }
        }
        #expect(digests.count == 2 && digests[0] == digests[1])
    }
}
