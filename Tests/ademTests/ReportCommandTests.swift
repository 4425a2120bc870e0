import Foundation
import Testing

/// `adem report` through the real binary, on a small store built by the real import and daily run.
@Suite(.serialized) struct ReportCommandTests {
    static let days = (0..<20).map { Calendar.dayText(offset: $0, from: "2026-03-02") }
    static let period = ["--from", "2026-03-01", "--through", "2026-03-31"]

    let cli = ImportCommandTests()

    func run(_ arguments: [String], in folder: URL) throws -> ImportCommandTests.Run {
        try cli.run(arguments, in: folder)
    }

    /// One client, 300 claims handed over on 2 March 2026, and twenty daily runs.
    func prepare(in folder: URL) throws -> [String] {
        let db = ["--db", folder.appendingPathComponent("report.sqlite").path]
        #expect(try run(["client", "add", "ACME", "--name", "Acme Energie"] + db, in: folder).status == 0)
        #expect(try run(["bench", "generate-claims", "--rows", "300", "claims.csv"], in: folder).status == 0)
        let imported = try run(["import", "claims", "--client", "ACME", "claims.csv", "--day", Self.days[0]] + db, in: folder)
        #expect(imported.status == 0, "\(imported.errors)")
        for day in Self.days {
            #expect(try run(["run-day", "--day", day] + db, in: folder).status == 0)
        }
        return db
    }

    func json(_ path: URL) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
    }

    @Test func theReportOfAMonthFromCountersEqualsTheFoldAndKeepsTheIssuesKeys() throws {
        try cli.withFolder { folder in
            let db = try prepare(in: folder)
            let first = try run(["report"] + Self.period + db + ["--format", "json", "--out", "counters.json"], in: folder)
            #expect(first.status == 0, "\(first.errors)")
            #expect(first.output.contains("written to \(folder.appendingPathComponent("counters.json").standardizedFileURL.path)"))
            let report = try json(folder.appendingPathComponent("counters.json"))

            // The keys exactly as issue 5 lists them.
            #expect(
                Set(report.keys) == [
                    "dossiersHandled", "amountCollected", "debtorsDebtFree", "messages", "calls", "portalLogins",
                    "arrangements", "interestFrozen", "screenedNegative", "legalCostsSaved", "debtCounselling",
                    "international", "csat",
                ])
            let groups: [String: Set<String>] = [
                "debtorsDebtFree": ["consumer", "business"], "messages": ["email", "letter", "sms"],
                "calls": ["outbound", "inbound"], "arrangements": ["count", "meanMonths", "meanMonthlyInstalment"],
                "interestFrozen": ["dossiers", "amountNotCharged"], "international": ["dossiers", "share"],
            ]
            for (group, members) in groups {
                #expect(Set((report[group] as? [String: Any])?.keys ?? [:].keys) == members, "\(group)")
            }
            #expect(report["dossiersHandled"] as? Int == 150)
            #expect((report["amountCollected"] as? String)?.wholeMatch(of: /\d+\.\d\d/) != nil)

            // The same report folded from the whole journal, byte for byte.
            let folded = try run(
                ["report"] + Self.period + db + ["--format", "json", "--out", "fold.json", "--from-journal"], in: folder)
            #expect(folded.status == 0, "\(folded.errors)")
            let countersText = try String(contentsOf: folder.appendingPathComponent("counters.json"), encoding: .utf8)
            #expect(try String(contentsOf: folder.appendingPathComponent("fold.json"), encoding: .utf8) == countersText)

            // Running the projection again adds nothing.
            let second = try run(["report"] + Self.period + db + ["--format", "json", "--out", "again.json"], in: folder)
            #expect(second.output.contains("counted 0 new journal events"), "\(second.output)")
            #expect(try String(contentsOf: folder.appendingPathComponent("again.json"), encoding: .utf8) == countersText)

            // Another day's run is counted on the next report, once.
            #expect(try run(["run-day", "--day", "2026-03-30"] + db, in: folder).status == 0)
            _ = try run(["report"] + Self.period + db + ["--out", "later.json"], in: folder)
            _ = try run(["report"] + Self.period + db + ["--out", "fold-later.json", "--from-journal"], in: folder)
            #expect(
                try String(contentsOf: folder.appendingPathComponent("later.json"), encoding: .utf8)
                    == String(contentsOf: folder.appendingPathComponent("fold-later.json"), encoding: .utf8))

            // CSV and HTML.
            #expect(try run(["report"] + Self.period + db + ["--out", "r.csv"], in: folder).status == 0)
            let csv = try String(contentsOf: folder.appendingPathComponent("r.csv"), encoding: .utf8)
            #expect(csv.hasPrefix("key,value,reference,deviationPercent\r\ndossiersHandled,150,"))
            #expect(try run(["report"] + Self.period + db + ["--out", "r.html", "--lang", "en"], in: folder).status == 0)
            let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
            #expect(html.contains("Dossiers handled") && !html.contains("http://") && !html.contains("https://"))
        }
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
                && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
            "chromium or pdftotext (poppler-utils) is not installed: scripts/test.sh installs them"))
    func thePDFIsTheReportAndShowsTheKeyFigures() throws {
        try cli.withFolder { folder in
            let db = try prepare(in: folder)
            let printed = try run(["report"] + Self.period + db + ["--out", "r.pdf"], in: folder)
            #expect(printed.status == 0, "\(printed.errors)")
            let pdf = try Data(contentsOf: folder.appendingPathComponent("r.pdf"))
            #expect(pdf.starts(with: Array("%PDF".utf8)))
            let text = try pdfText(folder.appendingPathComponent("r.pdf"))
            #expect(text.contains("Dossiers in behandeling"), "\(text.prefix(500))")
            #expect(text.contains("150"))
            #expect(text.contains("Geïncasseerd bedrag"))
        }
    }

    @Test func badInputExitsTwoWithOneLine() throws {
        try cli.withFolder { folder in
            let db = ["--db", folder.appendingPathComponent("empty.sqlite").path]
            #expect(try run(["client", "add", "ACME", "--name", "Acme"] + db, in: folder).status == 0)
            let cases: [[String]] = [
                ["--from", "2026-04-01", "--through", "2026-03-01", "--out", "r.json"],
                Self.period + ["--client", "NOPE", "--out", "r.json"],
                Self.period + ["--out", folder.appendingPathComponent("missing/r.json").path],
                Self.period + ["--out", "r.docx"],
                Self.period + ["--out", "r.html", "--lang", "fr"],
                ["--from", "2026-02-30", "--through", "2026-03-01", "--out", "r.json"],
            ]
            for arguments in cases {
                let result = try run(["report"] + arguments + db, in: folder)
                #expect(result.status == 2, "\(arguments)")
                #expect(result.errors.split(separator: "\n").count == 1, "\(arguments): \(result.errors)")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.json").path))
            // An empty store gives a report of zeros, not an error.
            let empty = try run(["report"] + Self.period + db + ["--client", "ACME", "--out", "r.json"], in: folder)
            #expect(empty.status == 0, "\(empty.errors)")
        }
    }

    /// The PDF's text as `pdftotext` (poppler-utils) reads it.
    func pdfText(_ pdf: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", pdf.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
