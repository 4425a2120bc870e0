import Domain
import Foundation
import Operations
import Testing

@testable import Store

/// The dispatch journals each message with its client, taken from the outbox row (migration 16);
/// rows planned before that name none, and the dispatch then reads the client from the dossier.
/// Either way the journal is the same.
@Suite struct DispatchClientTests {
    @Test func messagesWithoutTheirClientDispatchAsWithIt() async throws {
        var digests: [String] = []
        var clientsJournalled: [Set<String>] = []
        for clearClients in [false, true] {
            try await withTemporaryStore { store in
                let day = try await importJanuaryHandOver(into: store, dossiersInYear: 240, seed: 3)
                _ = try await DailyRun(store: store, context: simulationContext, day: day, clock: { "t" }).run()
                let sql = store as! SQLCaseStore
                let planned = try await sql.outbox(plannedOn: day, after: nil, limit: 10_000)
                #expect(planned.count > 4, "too few messages: \(planned.count)")
                #expect(planned.allSatisfy { $0.clientID != nil })
                if clearClients {
                    // Every other row as if planned before migration 16.
                    let older = planned.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.id)
                    let list = older.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", ")
                    try await sql.execute("UPDATE outbox SET client_id = NULL WHERE id IN (\(list))")
                    let after = try await sql.outbox(plannedOn: day, after: nil, limit: 10_000)
                    #expect(after.filter { $0.clientID == nil }.count == older.count)
                }
                let dispatch = OutboxDispatch(store: store, day: day, recordedAt: "t")
                let dispatched = try await dispatch.run { _ in .delivered }
                #expect(dispatched.count == planned.count)
                var clients: Set<String> = []
                let delivered = JournalFilter(type: .contactDelivered, from: day, through: day)
                try await store.forEachJournalPage(delivered) { page in
                    for event in page { clients.insert(event.payload["client"] ?? "none") }
                }
                clientsJournalled.append(clients)
                digests.append(try await store.stateDigest())
            }
        }
        #expect(digests.count == 2 && digests[0] == digests[1])
        #expect(clientsJournalled.count == 2 && clientsJournalled[0] == clientsJournalled[1])
        #expect(clientsJournalled.first.map { !$0.contains("none") && $0.count == 1 } == true)
    }
}
