import ArgumentParser
import Domain
import Engine
import Foundation
import Law
import LawData
import Money
import Operations
import Store

#if canImport(Glibc)
    import Glibc
#endif

/// `adem run-day`: the daily run over every dossier due on a day.
struct RunDayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-day",
        abstract: "Take every dossier due on a day one humane, lawful step further (idempotent, resumable).",
        discussion: """
            The day is split into chunks; each chunk's state, journal, ledger and outbox are written in one \
            transaction. Running a day twice changes nothing; a run killed at any moment finishes when rerun. \
            With --postgres, start several processes (or --workers N) to share the day.
            """
    )

    @Option(name: .long, help: "The business day to run (YYYY-MM-DD). Default: today.")
    var day: String?

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Worker processes to start on PostgreSQL (this one included).")
    var workers: Int = 1

    @Option(name: .long, help: "Dossiers per chunk (one transaction).")
    var chunk: Int = DailyRun.chunkDossiersMaxDefault

    @Option(name: .long, help: "A strategy file (YAML) to add to the standard strategy; repeat for several.")
    var strategy: [String] = []

    @Option(name: .customLong("partner-offices"), help: "The partner offices abroad, as a table file.")
    var partnerOffices: String?

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    func run() async throws {
        let runDay = try day.map { try Arguments.day($0, option: "--day") } ?? Day.todayUTC
        guard (1...64).contains(workers) else { throw ValidationError("--workers: expected 1 to 64") }
        guard (1...10_000).contains(chunk) else { throw ValidationError("--chunk: expected 1 to 10000 dossiers") }
        if workers > 1 {
            guard storeOptions.postgres != nil else { throw ValidationError("--workers: more than one needs --postgres") }
        }
        let context = try EngineContextLoader.load(strategyFiles: strategy, partnerOfficesFile: partnerOffices)
        let started = Date()
        var children: [Process] = []
        for _ in 1..<workers { children.append(try startWorker(runDay)) }
        let showProgress = isatty(STDERR_FILENO) == 1 && !json
        let summary = try await storeOptions.withStore { store in
            guard let runStore = store as? any DailyRunStore else { throw ValidationError("this store cannot run days") }
            let dailyRun = DailyRun(
                store: runStore, context: context, day: runDay, chunkDossiersMax: chunk, clock: { Date().ISO8601Format() })
            let summary = try await dailyRun.run { status, summary in
                guard showProgress, status.chunks > 0 else { return }
                let elapsed = Date().timeIntervalSince(started)
                ProgressBar.draw(
                    fraction: Double(status.finished) / Double(status.chunks),
                    detail: "\(runDay)  chunk \(status.finished)/\(status.chunks)  \(summary.stepped) steps  \(Int(elapsed)) s")
            }
            // The report counters follow the journal day by day, so a report finds little left to count.
            if let reportStore = store as? any ReportCounterStore { try await ReportProjection.catchUp(reportStore) }
            return summary
        }
        if showProgress { ProgressBar.clear() }
        for child in children { child.waitUntilExit() }
        let failed = children.filter { $0.terminationStatus != 0 }
        let elapsed = Date().timeIntervalSince(started)
        print(render(summary, day: runDay, elapsed: elapsed))
        if !failed.isEmpty { throw ValidationError("--workers: \(failed.count) worker(s) failed; rerun the day to finish it") }
    }

    /// Starts another `adem run-day` process on the same day and database.
    private func startWorker(_ runDay: Day) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var arguments = ["run-day", "--day", runDay.description, "--chunk", String(chunk), "--json"]
        if let postgres = storeOptions.postgres { arguments += ["--postgres", postgres] }
        for file in strategy { arguments += ["--strategy", file] }
        if let partnerOffices { arguments += ["--partner-offices", partnerOffices] }
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func render(_ summary: RunSummary, day: Day, elapsed: TimeInterval) -> String {
        let events = summary.eventsByType.sorted { $0.key.rawValue < $1.key.rawValue }
        let channels = summary.messagesByChannel.sorted { $0.key.rawValue < $1.key.rawValue }
        if json {
            return JSONOutput.object([
                ("day", .string(day.description)), ("chunks", .number(summary.chunks)), ("dossiers", .number(summary.dossiers)),
                ("stepped", .number(summary.stepped)), ("events", .object(events.map { ($0.key.rawValue, .number($0.value)) })),
                ("messages", .object(channels.map { ($0.key.rawValue, .number($0.value)) })),
                ("elapsedSeconds", .string(String(format: "%.2f", elapsed))),
                ("secondsReadingAhead", .string(String(format: "%.2f", summary.timing.readingAhead))),
                ("secondsWaitingForReadAhead", .string(String(format: "%.2f", summary.timing.waitedForReadAhead))),
            ]).rendered
        }
        var table = KeyValueTable()
        table.add("Day", day.description)
        table.add("Dossiers due", String(summary.dossiers))
        table.add("Stepped", String(summary.stepped))
        table.add("Chunks", String(summary.chunks))
        table.add("Events", events.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
        table.add("Messages", channels.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
        table.add("Elapsed", String(format: "%.1f s (%.0f steps/s)", elapsed, Double(summary.stepped) / max(elapsed, 0.001)))
        return table.rendered
    }
}

/// Builds the engine's context from the shipped law and the operator's files.
enum EngineContextLoader {
    static func load(strategyFiles: [String], partnerOfficesFile: String?, builtIn: [Strategy] = []) throws -> EngineContext {
        let law = try JurisdictionChoice.loadNetherlands()
        var strategies = builtIn
        for file in strategyFiles {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("--strategy: cannot read '\(file)'")
            }
            do {
                strategies.append(try StrategyParser.parse(text))
            } catch {
                throw ValidationError("--strategy \(file): \(error.description)")
            }
        }
        var offices = PartnerOfficeTable()
        if let partnerOfficesFile {
            guard let text = try? String(contentsOfFile: partnerOfficesFile, encoding: .utf8) else {
                throw ValidationError("--partner-offices: cannot read '\(partnerOfficesFile)'")
            }
            do {
                offices = try PartnerOfficeTable(parsing: text)
            } catch {
                throw ValidationError("--partner-offices: \(error.description)")
            }
        }
        return EngineContext(law: law, strategies: StrategyCatalog(strategies), partnerOffices: offices)
    }
}
