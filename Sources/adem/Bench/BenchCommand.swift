import ArgumentParser
import Domain
import Foundation
import Law
import Money
import Operations
import Store

/// `adem bench`: the benchmarks of docs/performance.md. Run them on a release build.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (use a release build; see docs/performance.md).",
        subcommands: [GenerateClaims.self, ParseClaims.self, ChunkLoop.self, RunDayBench.self, ReportBench.self, JSONBench.self])

    /// Writes a claim CSV of N rows (two claims per debtor) for the import benchmark.
    struct GenerateClaims: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate-claims", abstract: "Write a CSV of N generated claim rows.")
        @Option(help: "Number of rows.") var rows = 1_000_000
        @Argument(help: "Output file.") var file: String

        func run() throws {
            guard FileManager.default.createFile(atPath: file, contents: nil) else {
                throw Shell.fail("cannot create \(file)")
            }
            guard let handle = FileHandle(forWritingAtPath: file) else { throw Shell.fail("cannot write \(file)") }
            defer { try? handle.close() }
            var buffer =
                "invoice_number,debtor_ref,debtor_type,name,street,house_number,postcode,city,country,invoice_date,due_date,amount,email,iban,description\n"
            for index in 0..<rows {
                let debtor = index / 2
                // Deterministic, varied values: a fixed linear congruence instead of a random generator.
                let cents = 1_000 + (index &* 7_919) % 250_000
                buffer +=
                    "INV-\(index),DEB-\(debtor),\(debtor % 10 == 0 ? "business" : "consumer"),Debtor \(debtor),Dorpsstraat,\(debtor % 200 + 1),"
                buffer +=
                    "1234 AB,Ede,\(debtor % 50 == 0 ? "BE" : "NL"),2026-01-\(10 + index % 18),2026-02-\(10 + index % 18),\(cents / 100).\(String(format: "%02d", cents % 100)),"
                buffer += "debtor\(debtor)@example.nl,,invoice \(index)\n"
                if buffer.utf8.count > 1 << 20 {
                    handle.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
            handle.write(Data(buffer.utf8))
        }
    }

    /// Reads and validates a claim file without a store: the parsing share of the import's time.
    struct ParseClaims: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse-claims", abstract: "Read and validate a claim file, store nothing.")
        @Argument(help: "The CSV or JSON file.") var file: String

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            var reader = try ClaimFileReader(source: try FileByteSource(path: file))
            var valid = 0
            var rejected = 0
            while let record = try reader.nextValidated() {
                if case .success = record { valid += 1 } else { rejected += 1 }
            }
            let seconds = (clock.now - start).inSeconds
            print(
                "\(valid) valid, \(rejected) rejected in \(String(format: "%.2f", seconds)) s: \(Int(Double(valid + rejected) / seconds)) rows/s"
            )
        }
    }

    /// The daily run's shape: read due dossiers in chunks, change them, write state plus one journal
    /// event per dossier in one transaction per chunk; next to the raw insert rate of the same engine.
    ///
    /// Back of the envelope: a chunk of 500 dossiers is one keyset SELECT (~500 x 150 bytes), the
    /// store's dossier update (on PostgreSQL one multi-row UPDATE ... FROM (VALUES ...) RETURNING; on
    /// SQLite one prepared single-row UPDATE re-bound per dossier, in-process and never re-parsed) and
    /// one multi-row journal INSERT: about 1,000 row writes per chunk against 500 for the raw insert of
    /// the same dossiers, a ceiling ratio of about 1/2 to 1/3.
    struct ChunkLoop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "chunk-loop", abstract: "Dossier read-modify-write chunk loop vs raw insert rate.")
        @Option(help: "Dossiers to create and process.") var dossiers = 100_000
        @Option(help: "Dossiers per chunk.") var chunk = 500
        @Option(help: "Repetitions (the median is reported).") var runs = 3
        @OptionGroup var store: StoreOptions

        func run() async throws {
            var insertRates: [Double] = []
            var loopRates: [Double] = []
            for run in 1...runs {
                let (insertRate, loopRate) = try await store.withStore { store in
                    try await Self.measure(store, dossiers: dossiers, chunk: chunk, run: run)
                }
                insertRates.append(insertRate)
                loopRates.append(loopRate)
                print(
                    "run \(run): raw insert \(Int(insertRate)) dossiers/s, chunk loop \(Int(loopRate)) dossiers/s (\(Int(100 * loopRate / insertRate))%)"
                )
            }
            let insert = insertRates.sorted()[runs / 2]
            let loop = loopRates.sorted()[runs / 2]
            print(
                "median: raw insert \(Int(insert)) dossiers/s, chunk loop \(Int(loop)) dossiers/s, ratio \(Int(100 * loop / insert))% (engine \(store.location); \(Allocator.description))"
            )
        }

        static func measure(_ store: any CaseStore, dossiers count: Int, chunk: Int, run: Int) async throws -> (
            Double, Double
        ) {
            let client = Client(id: Client.ID("BENCH\(run)-\(UInt32.random(in: 0...UInt32.max))"), name: "Bench")
            let day = Day(iso: "2026-03-02")!
            try await store.insertClient(client)
            let debtors = (0..<count).map { index in
                Debtor(
                    clientID: client.id, reference: "D\(index)", kind: .consumer,
                    profile: DebtorProfile(
                        name: "D\(index)",
                        address: PostalAddress(
                            street: "S", houseNumber: nil, postcode: "1", city: "C", country: .netherlands)))
            }
            for start in stride(from: 0, to: count, by: 1_000) {
                let slice = Array(debtors[start..<min(start + 1_000, count)])
                try await store.transaction { store in try await store.insertDebtors(slice) }
            }
            // The ceiling: raw multi-row inserts of the same dossiers, one transaction per chunk.
            let clock = ContinuousClock()
            let insertStart = clock.now
            for start in stride(from: 0, to: count, by: chunk) {
                let slice = debtors[start..<min(start + chunk, count)].map { debtor in
                    Dossier(
                        id: Dossier.id(debtor: debtor.id, ordinal: 1), clientID: client.id, debtorID: debtor.id,
                        openedDay: day, nextActionDay: day)
                }
                try await store.transaction { store in try await store.insertDossiers(slice) }
            }
            let insertSeconds = (clock.now - insertStart).inSeconds

            // The loop: read a chunk of due dossiers, decide, write state + journal in one transaction.
            let loopStart = clock.now
            var cursor: DueCursor?
            var processed = 0
            var selectTime = Duration.zero
            var updateTime = Duration.zero
            var more = true
            while more {
                processed += try await store.transaction { store in
                    let selectStart = clock.now
                    let due = try await store.dossiersDue(on: day, after: cursor, limit: chunk)
                    selectTime += clock.now - selectStart
                    more = due.count == chunk
                    cursor = due.last.map(DueCursor.init(after:))
                    let changed = due.map { dossier -> Dossier in
                        var next = dossier
                        next.state = .preCollection
                        next.nextActionDay = day.adding(days: 14)
                        return next
                    }
                    let updateStart = clock.now
                    // As the daily run does: told the dossiers as read, the store skips the update
                    // that keeps the state for dossiers whose state changes.
                    _ = try await store.updateDossiers(changed, read: due)
                    updateTime += clock.now - updateStart
                    try await store.appendJournal(
                        changed.map {
                            JournalEvent(
                                dossierID: $0.id, day: day, type: .contactPlanned,
                                payload: JournalPayload(["channel": "letter"]))
                        },
                        recordedAt: "bench")
                    return changed.count
                }
            }
            let loopSeconds = (clock.now - loopStart).inSeconds
            print(
                "  chunk loop \(String(format: "%.2f", loopSeconds)) s: select \(String(format: "%.2f", selectTime.inSeconds)) s, update \(String(format: "%.2f", updateTime.inSeconds)) s, journal and commit the rest"
            )
            guard processed == count else { throw Shell.fail("chunk loop processed \(processed) of \(count) dossiers") }
            return (Double(count) / insertSeconds, Double(count) / loopSeconds)
        }
    }
}
