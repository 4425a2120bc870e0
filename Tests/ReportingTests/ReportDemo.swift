import Domain
import Foundation
import Money
import Reporting
import Testing

/// A demo report from a random journal of some thousands of dossiers, written to the folder in
/// `ADEM_REPORT_DEMO_OUT` (HTML in Dutch and English, JSON, CSV) to look at in a browser. Skipped
/// unless that variable is set; the shell's `adem report` replaces it.
@Suite struct ReportDemo {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ADEM_REPORT_DEMO_OUT"] != nil))
    func writeDemoReport() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["ADEM_REPORT_DEMO_OUT"]!)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var random = RandomJournal(seed: 2024)
        let journal = random.journal(clients: 12...12, debtors: 150...250)
        let counters = ReportCounters(journal: journal)
        let period = ReportPeriod(from: Day(iso: "2024-01-01")!, through: Day(iso: "2024-06-30")!)
        let report = SocialReport.compute(counters: counters, period: period)
        let files = [
            ("report-nl.html", SocialReportRenderer.html(report, language: .nl, reference: .reference2024)),
            ("report-en.html", SocialReportRenderer.html(report, language: .en)),
            ("report.json", SocialReportRenderer.json(report)),
            ("report.csv", SocialReportRenderer.csv(report, reference: .reference2024)),
        ]
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: String.Encoding.utf8)
        }
        #expect(report.dossiersHandled > 1_000)
    }
}
