import ArgumentParser
import Domain
import Foundation
import Money
import Operations
import Reporting
import Store

#if canImport(Glibc)
    import Glibc
#endif

/// `adem report`: the social collection report of a period, from the report counters.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the social collection report of a period (HTML, PDF, JSON or CSV).",
        discussion: """
            First counts whatever the journal holds that the report counters do not yet (a projection \
            with a watermark, one transaction per page), then computes every figure from the counters: \
            a year's report reads a few thousand sums, not the journal. See docs/social-report.md.
            """
    )

    /// The output formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case html, pdf, json, csv
    }

    @Option(name: .long, help: "The first day of the period (YYYY-MM-DD).")
    var from: String

    @Option(name: .long, help: "The last day of the period, included (YYYY-MM-DD).")
    var through: String

    @Option(name: .long, help: "Report on one client (its reference) instead of the whole agency.")
    var client: String?

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "html, pdf, json or csv. Default: from the --out file's extension, else html.")
    var format: Format?

    @Option(name: .long, help: "The file to write.")
    var out: String

    @Option(name: .long, help: "Language of the HTML and PDF report: nl or en.")
    var lang: String = "nl"

    @Flag(
        inversion: .prefixedNo,
        help: "Show the reference figures (the 2024 reference agency year) side by side. Default: on for the whole of 2024.")
    var reference: Bool?

    @Flag(
        name: .customLong("from-journal"),
        help: "Fold the whole journal instead of reading the counters: slow, for checking that both agree.")
    var fromJournal = false

    @Option(name: .customLong("procedure-cost"), help: "Average cost of one avoided court procedure (EUR).")
    var procedureCost: String = "1500.00"

    func run() async throws {
        let fromDay = try Arguments.day(from, option: "--from")
        let throughDay = try Arguments.day(through, option: "--through")
        guard fromDay <= throughDay else {
            throw ValidationError("--from \(fromDay) is after --through \(throughDay)")
        }
        let period = ReportPeriod(from: fromDay, through: throughDay)
        let language: ReportLanguage = try Arguments.choice(lang, option: "--lang")
        let format = try self.format ?? Self.format(ofFile: out)
        let settings = SocialReportSettings(averageProcedureCost: try Arguments.amount(procedureCost, option: "--procedure-cost"))
        let outURL = URL(fileURLWithPath: out).standardizedFileURL
        try Self.checkWritable(outURL)
        let showReference = reference ?? (period == .year(2024))
        let referenceFigures: ReferenceFigures? = showReference ? .reference2024 : nil
        let clientID = client.map { Client.ID($0) }
        let showProgress = isatty(STDERR_FILENO) == 1

        let clock = ContinuousClock()
        let started = clock.now
        let (report, projected) = try await storeOptions.withStore { store in
            guard let reportStore = store as? any ReportCounterStore else {
                throw ValidationError("this store keeps no report counters")
            }
            if let clientID, try await store.client(clientID) == nil {
                throw ValidationError("--client: no client '\(clientID)' in \(storeOptions.location)")
            }
            if fromJournal {
                let journal = try await Self.reportEvents(store, through: period.through)
                let report = SocialReport.fold(journal: journal, period: period, client: clientID, settings: settings)
                return (report, ReportProjection.Progress())
            }
            let start = try await reportStore.reportWatermark()
            let projected = try await ReportProjection.catchUp(reportStore) { progress in
                guard showProgress, progress.fence > start else { return }
                ProgressBar.draw(
                    fraction: Double(progress.watermark - start) / Double(progress.fence - start),
                    detail: "counting the journal: \(progress.events) events")
            }
            if showProgress { ProgressBar.clear() }
            let counters = try await reportStore.reportCounters(for: period, client: clientID)
            return (SocialReport.compute(counters: counters, period: period, client: clientID, settings: settings), projected)
        }
        let computed = clock.now - started

        switch format {
        case .html:
            try Self.write(SocialReportRenderer.html(report, language: language, reference: referenceFigures), to: outURL)
        case .json:
            try Self.write(SocialReportRenderer.json(report), to: outURL)
        case .csv:
            try Self.write(SocialReportRenderer.csv(report, reference: referenceFigures), to: outURL)
        case .pdf:
            do {
                try PDFPrinter.print(
                    html: SocialReportRenderer.html(report, language: language, reference: referenceFigures), to: outURL)
            } catch let failure as PDFPrinter.Failure {
                throw Shell.fail(failure.description, code: 1)
            }
        }
        let seconds = computed.inSeconds
        print(
            "\(format.rawValue.uppercased()) report \(period.from) through \(period.through) (\(clientID.map { "client \($0)" } ?? "agency")) written to \(outURL.path)"
        )
        let source =
            fromJournal
            ? "folded the whole journal" : "counted \(projected.events) new journal events (watermark \(projected.watermark))"
        print("  \(source); computed in \(String(format: "%.2f", seconds)) s")
    }

    /// Every event the report reads, on or before `through`, in journal order.
    static func reportEvents(_ store: any CaseStore, through: Day) async throws -> [JournalEvent] {
        var events: [JournalEvent] = []
        try await store.forEachJournalPage(JournalFilter(through: through), pageSize: 50_000) { page in
            events += page.filter { ReportFact.eventTypes.contains($0.type) }
        }
        return events
    }

    /// The format named by a file's extension; html when it names none.
    static func format(ofFile path: String) throws -> Format {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if ext.isEmpty { return .html }
        if ext == "htm" { return .html }
        guard let format = Format(rawValue: ext) else {
            throw ValidationError("--out: cannot tell the format from '.\(ext)'; give --format html|pdf|json|csv")
        }
        return format
    }

    /// Refuses an output that cannot be written before any work is done.
    static func checkWritable(_ url: URL) throws {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw ValidationError("--out: '\(url.path)' is a folder") }
            guard files.isWritableFile(atPath: url.path) else { throw ValidationError("--out: cannot write '\(url.path)'") }
            return
        }
        let folder = url.deletingLastPathComponent().path
        guard files.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--out: the folder '\(folder)' does not exist")
        }
        guard files.isWritableFile(atPath: folder) else { throw ValidationError("--out: cannot write in '\(folder)'") }
    }

    static func write(_ text: String, to url: URL) throws {
        do {
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("--out: cannot write '\(url.path)': \(error.localizedDescription)")
        }
    }
}
