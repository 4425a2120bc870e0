import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The daily run through the real binary: idempotent, and resumable after SIGKILL at any moment
/// with the same final `adem state digest` as an uninterrupted run, on SQLite and on PostgreSQL.
@Suite(.serialized) struct RunDayCommandTests {
    static let adem = ImportCommandTests.adem
    /// The days run: a fortnight from the hand-over, so letters, reminders and costs happen.
    static let days = (0..<16).map { Calendar.dayText(offset: $0, from: "2026-03-02") }

    /// Where a test's store lives.
    enum Location {
        case sqlite(String)
        case postgres(String)

        var arguments: [String] {
            switch self {
            case .sqlite(let path): return ["--db", path]
            case .postgres(let url): return ["--postgres", url]
            }
        }
    }

    func adem(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let result = try AdemBinary.run(arguments, workingDirectory: folder)
        return (result.status, result.stdout)
    }

    /// A store with one client and `rows` generated claims handed over on the first day.
    func prepare(_ location: Location, rows: Int, in folder: URL) throws {
        if case .postgres = location {
            #expect(try adem(["db", "init"] + location.arguments, in: folder).status == 0)
        }
        #expect(try adem(["client", "add", "ACME", "--name", "Acme Energie"] + location.arguments, in: folder).status == 0)
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("claims.csv").path) {
            #expect(try adem(["bench", "generate-claims", "--rows", String(rows), "claims.csv"], in: folder).status == 0)
        }
        let imported = try adem(
            ["import", "claims", "--client", "ACME", "claims.csv", "--day", Self.days[0], "--json"] + location.arguments, in: folder)
        #expect(imported.status == 0, "\(imported.output)")
    }

    /// Runs every day once, without interruption.
    func runDays(_ location: Location, in folder: URL) throws {
        for day in Self.days {
            #expect(try adem(["run-day", "--day", day, "--chunk", "100"] + location.arguments, in: folder).status == 0)
        }
    }

    /// Runs every day, killing the run with SIGKILL after each of `killAfterMilliseconds` before
    /// letting it finish.
    func runDaysWithKills(_ location: Location, killAfterMilliseconds: [Int], in folder: URL) throws -> Int {
        var kills = 0
        for day in Self.days {
            for delay in killAfterMilliseconds {
                let arguments = ["run-day", "--day", day, "--chunk", "100"] + location.arguments
                // A small log between checkpoints (SQLite), so that kills land in the checkpoints beside the writer too.
                if try AdemBinary.runKilled(
                    arguments, afterMilliseconds: delay, workingDirectory: folder,
                    environment: ["ADEM_SQLITE_CHECKPOINT_FRAMES": "64"])
                {
                    kills += 1
                }
            }
            #expect(try adem(["run-day", "--day", day, "--chunk", "100"] + location.arguments, in: folder).status == 0)
        }
        return kills
    }

    func digest(_ location: Location, in folder: URL) throws -> String {
        try adem(["state", "digest"] + location.arguments, in: folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adem-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test func aSecondRunOfTheSameDayChangesNothing() throws {
        try withFolder { folder in
            let store = Location.sqlite(folder.appendingPathComponent("once.sqlite").path)
            try prepare(store, rows: 400, in: folder)
            let first = try adem(["run-day", "--day", Self.days[0], "--json"] + store.arguments, in: folder)
            #expect(first.output.contains("\"stepped\": 200"), "\(first.output)")
            let afterFirst = try digest(store, in: folder)
            let second = try adem(["run-day", "--day", Self.days[0], "--json"] + store.arguments, in: folder)
            #expect(second.output.contains("\"stepped\": 0"), "\(second.output)")
            #expect(try digest(store, in: folder) == afterFirst)
        }
    }

    /// The benchmark steps every due dossier of its book, and the executable runs on jemalloc
    /// (docs/decisions/0010-allocator.md), which the benchmark names with its figures.
    @Test func theRunDayBenchmarkStepsItsBookOnJemalloc() throws {
        try withFolder { folder in
            let bench = try adem(["bench", "run-day", "--dossiers", "60", "--due", "25", "--db", "bench.sqlite"], in: folder)
            #expect(bench.status == 0)
            #expect(bench.output.contains("book 60 dossiers, 25 due: 25 steps in"), "\(bench.output)")
            #expect(bench.output.contains("; jemalloc 5."), "\(bench.output)")
        }
    }

    @Test func killedRunsFinishWithTheSameDigestOnSQLite() throws {
        try withFolder { folder in
            let reference = Location.sqlite(folder.appendingPathComponent("reference.sqlite").path)
            let killed = Location.sqlite(folder.appendingPathComponent("killed.sqlite").path)
            try prepare(reference, rows: 6_000, in: folder)
            try prepare(killed, rows: 6_000, in: folder)
            #expect(try digest(reference, in: folder) == digest(killed, in: folder))
            try runDays(reference, in: folder)
            let kills = try runDaysWithKills(killed, killAfterMilliseconds: [150, 400], in: folder)
            #expect(kills > 0, "no run was interrupted: the test proved nothing")
            #expect(try digest(killed, in: folder) == digest(reference, in: folder))
        }
    }

    @Test(.enabled(if: PostgresDatabases.enabled, "ADEM_SKIP_POSTGRES=1: the PostgreSQL engine was NOT tested"))
    func killedRunsFinishWithTheSameDigestOnPostgreSQL() throws {
        try withFolder { folder in
            let reference = Location.postgres(try PostgresDatabases.create("adem_run_reference"))
            let killed = Location.postgres(try PostgresDatabases.create("adem_run_killed"))
            try prepare(reference, rows: 4_000, in: folder)
            try prepare(killed, rows: 4_000, in: folder)
            try runDays(reference, in: folder)
            let kills = try runDaysWithKills(killed, killAfterMilliseconds: [300, 700], in: folder)
            #expect(kills > 0, "no run was interrupted: the test proved nothing")
            #expect(try digest(killed, in: folder) == digest(reference, in: folder))
        }
    }

    @Test(.enabled(if: PostgresDatabases.enabled, "ADEM_SKIP_POSTGRES=1: the PostgreSQL engine was NOT tested"))
    func workersShareADayOnPostgreSQL() throws {
        try withFolder { folder in
            let single = Location.postgres(try PostgresDatabases.create("adem_run_single"))
            let shared = Location.postgres(try PostgresDatabases.create("adem_run_shared"))
            try prepare(single, rows: 2_000, in: folder)
            try prepare(shared, rows: 2_000, in: folder)
            for day in Self.days.prefix(10) {
                #expect(try adem(["run-day", "--day", day, "--chunk", "50"] + single.arguments, in: folder).status == 0)
                let run = try adem(["run-day", "--day", day, "--chunk", "50", "--workers", "3"] + shared.arguments, in: folder)
                #expect(run.status == 0)
            }
            #expect(try digest(shared, in: folder) == digest(single, in: folder))
        }
    }
}

extension RunDayCommandTests {
    /// The same persons at eight clients: their dossiers sit in far-apart chunks, which workers step
    /// at the same moment. The weekly cap of three contacts per person must hold across all of them.
    @Test(.enabled(if: PostgresDatabases.enabled))
    func workersKeepTheWeeklyContactCapOfAPersonAcrossClients() throws {
        try withFolder { folder in
            let url = try PostgresDatabases.create("adem_run_persons")
            let store = Location.postgres(url)
            #expect(try adem(["db", "init"] + store.arguments, in: folder).status == 0)
            let header = "invoice_number,debtor_ref,debtor_type,name,street,house_number,postcode,city,country,"
                + "invoice_date,due_date,amount,email,phone"
            for client in (1...8).map({ "C\($0)" }) {
                #expect(try adem(["client", "add", client, "--name", "Client \(client)"] + store.arguments, in: folder).status == 0)
                let rows = (1...3).map { person in
                    "\(client)-\(person),P\(person),consumer,Person \(person),Dorpsstraat,\(person),1234 AB,Ede,NL,"
                        + "2026-01-10,2026-02-10,120.00,p\(person)@example.nl,0612345678"
                }
                let file = folder.appendingPathComponent("\(client).csv")
                try ([header] + rows).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
                let imported = try adem(
                    ["import", "claims", "--client", client, file.lastPathComponent, "--day", Self.days[0]] + store.arguments,
                    in: folder)
                #expect(imported.status == 0, "\(imported.output)")
            }
            for day in Self.days {
                #expect(try adem(["run-day", "--day", day, "--chunk", "1", "--workers", "4"] + store.arguments, in: folder).status == 0)
            }
            // The person key holds `|` itself: the day comes first and the key is the rest of the line.
            let planned = try psql(url, "SELECT planned_day, person_key FROM outbox ORDER BY 2, 1")
                .split(separator: "\n").map { $0.split(separator: "|", maxSplits: 1).map(String.init) }
            let days = Dictionary(grouping: planned, by: { $0[1] }).mapValues { $0.map { Int($0[0])! } }
            #expect(days.keys.sorted() == ["person1|1234AB|NL", "person2|1234AB|NL", "person3|1234AB|NL"])
            #expect(days.values.allSatisfy { $0.count >= 6 }, "the persons were contacted over the fortnight: \(days)")
            for (person, plannedDays) in days {
                for first in plannedDays {
                    let inWeek = plannedDays.filter { $0 >= first && $0 < first + 7 }.count
                    #expect(inWeek <= 3, "\(person): \(inWeek) contacts in the week from day \(first): \(plannedDays)")
                }
            }
        }
    }

    /// The rows of `query` on `url`, unaligned and separated by `|`.
    func psql(_ url: String, _ query: String) throws -> String {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-v", "ON_ERROR_STOP=1", "-Atc", query]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Throwaway databases on the test PostgreSQL server (`ADEM_TEST_POSTGRES_URL`).
enum PostgresDatabases {
    /// False only when `ADEM_SKIP_POSTGRES=1` says to skip the engine (visibly).
    static var enabled: Bool { ProcessInfo.processInfo.environment["ADEM_SKIP_POSTGRES"] != "1" }

    static var baseURL: String? {
        let url = ProcessInfo.processInfo.environment["ADEM_TEST_POSTGRES_URL"] ?? ""
        return url.isEmpty ? nil : url
    }

    /// Drops and creates database `name`; returns its URL.
    static func create(_ name: String) throws -> String {
        guard let base = baseURL, var components = URLComponents(string: base) else {
            Issue.record("ADEM_TEST_POSTGRES_URL is not set: start a server with eval \"$(scripts/postgres-test-server.sh)\"")
            throw CocoaError(.featureUnsupported)
        }
        for statement in ["DROP DATABASE IF EXISTS \(name) WITH (FORCE)", "CREATE DATABASE \(name)"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
            process.arguments = [base, "-v", "ON_ERROR_STOP=1", "-qc", statement]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
        components.path = "/" + name
        return components.string!
    }
}

extension Calendar {
    /// `offset` days after the ISO day `start`, as ISO text.
    static func dayText(offset: Int, from start: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        let date = calendar.date(byAdding: .day, value: offset, to: formatter.date(from: start)!)!
        return formatter.string(from: date)
    }
}
