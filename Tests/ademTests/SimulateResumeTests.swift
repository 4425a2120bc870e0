import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A simulated year stopped with SIGKILL at any moment goes on with `--resume` and ends in the same
/// `adem state digest` as a year run without interruption, on SQLite and on PostgreSQL.
@Suite(.serialized) struct SimulateResumeTests {
    static let adem = ImportCommandTests.adem
    static let size = ["--dossiers", "300", "--clients", "6"]

    func adem(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String, errors: String) {
        let result = try AdemBinary.run(arguments, workingDirectory: folder)
        return (result.status, result.stdout, result.stderr)
    }

    func digest(_ store: [String], in folder: URL) throws -> String {
        try adem(["state", "digest"] + store, in: folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts the simulation (the first time) or resumes it, killing it after each of
    /// `killAfterMilliseconds`; returns how many processes were killed while still running.
    func simulateWithKills(_ store: [String], killAfterMilliseconds: [Int], in folder: URL) throws -> Int {
        try killAfterMilliseconds.enumerated().filter { attempt, delay in
            try AdemBinary.runKilled(
                ["simulate"] + Self.size + store + (attempt == 0 ? [] : ["--resume"]), afterMilliseconds: delay,
                workingDirectory: folder,
                // A small log between checkpoints (SQLite), so that kills land in the checkpoints beside the writer too.
                environment: ["ADEM_SQLITE_CHECKPOINT_FRAMES": "64"])
        }.count
    }

    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adem-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    func killedYearEndsInTheSameDigest(reference: [String], killed: [String], delays: [Int], in folder: URL) throws {
        let uninterrupted = try adem(["simulate"] + Self.size + reference, in: folder)
        #expect(uninterrupted.status == 0, "\(uninterrupted.errors)")
        let kills = try simulateWithKills(killed, killAfterMilliseconds: delays, in: folder)
        #expect(kills > 0, "no simulation was interrupted: the test proved nothing")
        let resumed = try adem(["simulate"] + Self.size + killed + ["--resume"], in: folder)
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(resumed.output.contains("resumed on"))
        let expected = try digest(reference, in: folder)
        #expect(try digest(killed, in: folder) == expected)
        // The figures a resumed run prints are the year's, not only its own part's.
        func line(_ name: String, _ output: String) -> Substring? {
            output.split(separator: "\n").first { $0.hasPrefix(name) }
        }
        #expect(line("Collected", resumed.output) == line("Collected", uninterrupted.output))
        #expect(line("Payments", resumed.output) == line("Payments", uninterrupted.output))
        // Resuming a finished year does nothing.
        #expect(try adem(["simulate"] + Self.size + killed + ["--resume"], in: folder).status == 0)
        #expect(try digest(killed, in: folder) == expected)
    }

    /// `--json` says where the year's time went: every phase of a day, none negative, together no
    /// more than the whole run, and the daily run (which steps every due dossier) among them.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ImportCommandTests.adem)))
    func aSimulationReportsTheTimeOfEachPhase() throws {
        try withFolder { folder in
            let run = try adem(
                ["simulate"] + Self.size + ["--db", folder.appendingPathComponent("timed.sqlite").path, "--json"], in: folder)
            #expect(run.status == 0, "\(run.errors)")
            let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
            let phases = try #require(object?["secondsByPhase"] as? [String: String])
            let elapsedText = try #require(object?["elapsedSeconds"] as? String)
            let elapsed = try #require(Double(elapsedText))
            let names = ["imports", "debtorActions", "dailyRun", "dispatch", "instalments", "reportCounters"]
            #expect(Set(phases.keys) == Set(names))
            let seconds = names.compactMap { name in phases[name].flatMap { Double($0) } }
            #expect(seconds.count == names.count && seconds.allSatisfy { $0 >= 0 })
            // Each phase is rounded to a tenth of a second.
            #expect(seconds.reduce(0, +) <= elapsed + 0.05 * Double(names.count))
            #expect((phases["dailyRun"].flatMap { Double($0) } ?? 0) > 0)
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ImportCommandTests.adem)))
    func aKilledSimulationResumesToTheSameDigestOnSQLite() throws {
        try withFolder { folder in
            try killedYearEndsInTheSameDigest(
                reference: ["--db", folder.appendingPathComponent("reference.sqlite").path],
                killed: ["--db", folder.appendingPathComponent("killed.sqlite").path], delays: [250, 400, 700, 150],
                in: folder)
        }
    }

    @Test(.enabled(if: PostgresDatabases.enabled, "ADEM_SKIP_POSTGRES=1: the PostgreSQL engine was NOT tested"))
    func aKilledSimulationResumesToTheSameDigestOnPostgreSQL() throws {
        try withFolder { folder in
            let reference = ["--postgres", try PostgresDatabases.create("adem_sim_reference")]
            let killed = ["--postgres", try PostgresDatabases.create("adem_sim_killed")]
            for store in [reference, killed] { #expect(try adem(["db", "init"] + store, in: folder).status == 0) }
            try killedYearEndsInTheSameDigest(reference: reference, killed: killed, delays: [800, 1500, 1200], in: folder)
        }
    }

    /// Resume needs the stored simulation's arguments; a new simulation needs an empty store. A
    /// resume on an empty store (a process stopped before it recorded anything) starts the year.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ImportCommandTests.adem)))
    func resumingNeedsTheSameSimulation() throws {
        try withFolder { folder in
            let other = ["--db", folder.appendingPathComponent("other.sqlite").path]
            #expect(try adem(["client", "add", "ACME", "--name", "Acme"] + other, in: folder).status == 0)
            let nothing = try adem(["simulate"] + Self.size + other + ["--resume"], in: folder)
            #expect(nothing.status != 0)
            #expect(nothing.errors.contains("holds no simulation to resume"))

            let store = ["--db", folder.appendingPathComponent("year.sqlite").path]
            let fresh = ["--db", folder.appendingPathComponent("fresh.sqlite").path]
            #expect(try adem(["db", "init"] + fresh, in: folder).status == 0)
            let started = try adem(["simulate", "--dossiers", "60", "--clients", "3"] + fresh + ["--resume"], in: folder)
            #expect(started.status == 0, "\(started.errors)")
            #expect(!started.output.contains("resumed on"))
            #expect(try adem(["simulate", "--dossiers", "60", "--clients", "3"] + store, in: folder).status == 0)
            #expect(try digest(fresh, in: folder) == digest(store, in: folder))
            let changed = try adem(["simulate", "--dossiers", "61", "--clients", "3"] + store + ["--resume"], in: folder)
            #expect(changed.status != 0)
            #expect(changed.errors.contains("resuming needs the same arguments"))
            let again = try adem(["simulate", "--dossiers", "60", "--clients", "3"] + store, in: folder)
            #expect(again.status != 0)
            #expect(again.errors.contains("--resume"))
        }
    }
}
