import ArgumentParser
import Domain
import Engine
import Foundation
import Law
import Money
import Operations
import Store

/// `adem bench run-day`: the daily run over a large book, next to the engine's raw write ceiling.
///
/// Builds `dossiers` open dossiers (one claim each, with its ledger entry), of which `due` are due
/// on the run day and the rest later; measures the raw multi-row insert rate of dossiers on the same
/// store in the same run (the ceiling), then runs the day and reports dossier steps per second.
struct RunDayBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-day", abstract: "Daily-run steps per second over a large book vs the raw insert ceiling.")

    @Option(help: "Open dossiers in the book.") var dossiers = 1_000_000
    @Option(help: "Of those, dossiers due on the run day.") var due = 200_000
    @Option(help: "Dossiers per chunk of the run.") var chunk = DailyRun.chunkDossiersMaxDefault
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard due <= dossiers, dossiers >= 1 else { throw ValidationError("--due: at most --dossiers") }
        let day = Day(iso: "2026-03-02")!
        let context = try EngineContextLoader.load(strategyFiles: [], partnerOfficesFile: nil)
        let clock = ContinuousClock()
        let (insertRate, steps, stepSeconds) = try await store.withStore { store in
            guard let runStore = store as? any DailyRunStore else { throw ValidationError("this store cannot run days") }
            let client = Client(id: Client.ID("BENCH-\(UInt32.random(in: 0...UInt32.max))"), name: "Bench")
            try await store.insertClient(client)
            var insertSeconds = 0.0
            let batch = 1_000
            for start in stride(from: 0, to: dossiers, by: batch) {
                let range = start..<min(start + batch, dossiers)
                let debtors = range.map { index in
                    Debtor(
                        clientID: client.id, reference: "D\(index)", kind: .consumer,
                        profile: DebtorProfile(
                            name: "Debiteur \(index)",
                            address: PostalAddress(
                                street: "Dorpsstraat", houseNumber: "\(index % 200 + 1)", postcode: "1234 AB", city: "Ede",
                                country: .netherlands),
                            email: "d\(index)@example.org"))
                }
                let opened = debtors.enumerated().map { offset, debtor in
                    Dossier(
                        id: Dossier.id(debtor: debtor.id, ordinal: 1), clientID: client.id, debtorID: debtor.id,
                        openedDay: day.adding(days: -30),
                        nextActionDay: range.lowerBound + offset < due ? day : day.adding(days: 1 + (range.lowerBound + offset) % 28))
                }
                let claims = opened.map { dossier in
                    Claim(
                        clientID: client.id, dossierID: dossier.id, invoiceNumber: "F-\(dossier.debtorID.rawValue)",
                        invoiceDay: day.adding(days: -60), dueDay: day.adding(days: -46), principal: Money(cents: 12_345),
                        description: "bench")
                }
                try await store.insertDebtors(debtors)
                let insertStart = clock.now
                try await store.transaction { store in try await store.insertDossiers(opened) }
                insertSeconds += (clock.now - insertStart).inSeconds
                try await store.transaction { store in
                    try await store.insertClaims(claims.map { StoredClaim(claim: $0) })
                    try await store.appendLedger(claims.map { LedgerTransaction.claimHandedOver($0, on: day.adding(days: -30)) })
                }
            }
            let runStart = clock.now
            let summary = try await DailyRun(
                store: runStore, context: context, day: day, chunkDossiersMax: chunk, clock: { Date().ISO8601Format() }
            ).run()
            let runSeconds = (clock.now - runStart).inSeconds
            print(
                "\(summary.chunks) chunks: \(summary.chunksReadAhead) read ahead, \(summary.chunksSteppedAhead) of them stepped "
                    + "ahead (\(summary.dossiersSteppedAgain) dossiers stepped again, \(summary.dossiersHandedOver) handed "
                    + "over); reads ahead \(String(format: "%.1f", summary.timing.readingAhead)) s, writer waiting "
                    + "\(String(format: "%.1f", summary.timing.waitedForReadAhead)) s"
            )
            return (Double(dossiers) / insertSeconds, summary.stepped, runSeconds)
        }
        print(
            "book \(dossiers) dossiers, \(due) due: \(steps) steps in \(String(format: "%.1f", stepSeconds)) s = \(Int(Double(steps) / stepSeconds)) steps/s; "
                + "raw dossier insert ceiling \(Int(insertRate)) dossiers/s; ratio \(Int(100 * Double(steps) / stepSeconds / insertRate))% (engine \(store.location); \(Allocator.description))"
        )
    }
}
