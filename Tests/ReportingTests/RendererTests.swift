import Domain
import Foundation
import Money
import Reporting
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The JSON, CSV and HTML of a fixed report.
@Suite struct RendererTests {
    /// A report with a distinct value in every figure.
    static let sample: SocialReport = {
        var report = SocialReport(
            period: ReportPeriod(from: Day(iso: "2024-01-01")!, through: Day(iso: "2024-03-31")!),
            client: nil, settings: .reference)
        report.dossiersHandled = 1_200
        report.amountCollected = Money(cents: 10_500_050)
        report.debtorsDebtFree.consumer = 210
        report.debtorsDebtFree.business = 23
        report.messages.email = 4_321
        report.messages.letter = 987
        report.messages.sms = 654
        report.calls.outbound = 2_222
        report.calls.inbound = 333
        report.portalLogins = 144
        report.arrangements.count = 3
        report.arrangements.totalMonths = 22
        report.arrangements.totalMonthlyInstalments = Money(cents: 33_701)
        report.interestFrozen.dossiers = 1_001
        report.interestFrozen.amountNotCharged = Money(cents: 7_654_321)
        report.screenedNegative = 17
        report.amicableClosingsCourtAllowed = 199
        report.debtCounselling = 28
        report.internationalDossiers = 150
        report.surveys.answers = 8
        report.surveys.satisfied = 7
        report.monthly = report.period.months.enumerated().map { index, month in
            var figures = MonthlyFigures(month: month)
            figures.messages.email = Int64(1_000 + index * 100)
            figures.messages.letter = Int64(300 + index)
            figures.calls.outbound = Int64(700 + index)
            figures.arrangements = Int64(index)
            figures.freezesStarted = Int64(300 + index)
            return figures
        }
        return report
    }()

    @Test func jsonHasExactlyTheIssueKeysAndFormats() {
        #expect(
            SocialReportRenderer.json(Self.sample) == """
                {
                  "dossiersHandled": 1200,
                  "amountCollected": "105000.50",
                  "debtorsDebtFree": {
                    "consumer": 210,
                    "business": 23
                  },
                  "messages": {
                    "email": 4321,
                    "letter": 987,
                    "sms": 654
                  },
                  "calls": {
                    "outbound": 2222,
                    "inbound": 333
                  },
                  "portalLogins": 144,
                  "arrangements": {
                    "count": 3,
                    "meanMonths": 7.3,
                    "meanMonthlyInstalment": "112.34"
                  },
                  "interestFrozen": {
                    "dossiers": 1001,
                    "amountNotCharged": "76543.21"
                  },
                  "screenedNegative": 17,
                  "legalCostsSaved": "298500.00",
                  "debtCounselling": 28,
                  "international": {
                    "dossiers": 150,
                    "share": 0.1250
                  },
                  "csat": 0.8750
                }

                """)
    }

    /// Undefined means and shares are null, not zero.
    @Test func jsonWritesNullForUndefinedMeansAndShares() {
        let empty = SocialReportRenderer.json(SocialReport(period: .year(2024), client: nil, settings: .reference))
        #expect(empty.contains("\"meanMonths\": null,\n    \"meanMonthlyInstalment\": null"))
        #expect(empty.contains("\"share\": null") && empty.contains("\"csat\": null"))
    }

    /// One figure per row with the reference and the deviation: 1,200 against 783,180 is -99.8%;
    /// 112.34 against 117.00 is -4.0%; CSAT has no reference.
    @Test func csvListsEveryFigureWithItsReference() {
        let lines = SocialReportRenderer.csv(Self.sample, reference: .reference2024).split(separator: "\r\n").map(
            String.init)
        #expect(lines.count == 1 + Self.sample.figures.count)
        #expect(lines[0] == "key,value,reference,deviationPercent")
        #expect(lines[1] == "dossiersHandled,1200,783180,-99.8")
        #expect(lines.contains("arrangements.meanMonthlyInstalment,112.34,117.00,-4.0"))
        #expect(lines.contains("international.share,0.1250,0.1200,4.2"))
        #expect(lines.last == "csat,0.8750,,")
        #expect(SocialReportRenderer.csv(Self.sample).split(separator: "\r\n")[1] == "dossiersHandled,1200,,")
    }

    @Test(arguments: ReportLanguage.allCases)
    func htmlIsSelfContained(language: ReportLanguage) {
        let html = SocialReportRenderer.html(Self.sample, language: language, reference: .reference2024)
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(
            !html.contains("<script") && !html.contains("<link") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        // Regression: the stylesheet was escaped like text, so `"Segoe UI"` became `&quot;Segoe UI&quot;`,
        // which voids the font-family declaration (style content is not parsed for entities).
        let style = html.components(separatedBy: "<style>")[1].components(separatedBy: "</style>")[0]
        #expect(!style.contains("&") && style.contains("\"Segoe UI\""))
    }

    /// Every figure appears in its own table row, formatted for the language, with its reference.
    @Test(arguments: ReportLanguage.allCases)
    func htmlContainsEveryFigure(language: ReportLanguage) {
        let html = SocialReportRenderer.html(Self.sample, language: language, reference: .reference2024)
        for figure in Self.sample.figures {
            guard let row = html.range(of: "<tr data-key=\"\(figure.key)\">") else {
                Issue.record("no row for \(figure.key)")
                continue
            }
            let rowText = String(html[row.upperBound...]).components(separatedBy: "</tr>")[0]
            #expect(rowText.contains(">\(language.label(figure.key))</th>"), "\(figure.key) label")
            #expect(rowText.contains(">\(language.figure(figure.value))</td>"), "\(figure.key) value")
        }
        #expect(html.contains(language == .nl ? "€ 105.000,50" : "€105,000.50"))
        #expect(html.contains(language == .nl ? "87,5%" : "87.5%"))
    }

    /// Headings: one h1, a section per step, charts with a title, a description and a data table.
    @Test func htmlIsAccessible() {
        let html = SocialReportRenderer.html(Self.sample)
        #expect(html.components(separatedBy: "<h1").count == 2)
        for step in 1...7 { #expect(html.contains("<h2 id=\"step-\(step)\">")) }
        let charts = html.components(separatedBy: "<svg ").count - 1
        #expect(charts == 4)
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == charts)
        #expect(html.components(separatedBy: "<desc ").count - 1 == charts)
        #expect(html.components(separatedBy: "<details class=\"chart-data\">").count - 1 == charts)
        #expect(html.contains("<caption>Berichten per maand</caption>"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func htmlTagsBalance(language: ReportLanguage) {
        let html = SocialReportRenderer.html(Self.sample, language: language, reference: .reference2024)
        #expect(TagBalance.problems(in: html) == [])
        // Without a reference, and for one client with nothing in its journal (undefined means and shares).
        #expect(TagBalance.problems(in: SocialReportRenderer.html(Self.sample, language: language)) == [])
        let empty = SocialReport(period: .year(2024), client: Client.ID("ACME"), settings: .reference)
        let emptyHTML = SocialReportRenderer.html(empty, language: language, reference: .reference2024)
        #expect(TagBalance.problems(in: emptyHTML) == [])
        #expect(emptyHTML.contains(language == .nl ? "Opdrachtgever ACME" : "Client ACME"))
        #expect(emptyHTML.contains(language == .nl ? ">n.v.t.</td>" : ">n/a</td>"))
    }

    /// The page parses as XML, so it is well-formed, not only balanced.
    @Test func htmlParsesAsXML() throws {
        let html = SocialReportRenderer.html(Self.sample, language: .en, reference: .reference2024)
        let document = try XMLDocument(xmlString: html, options: [])
        #expect(document.rootElement()?.name == "html")
    }

    /// The checker itself finds what it should.
    @Test func tagBalanceFindsProblems() {
        #expect(TagBalance.problems(in: "<p><b>x</p>") != [])
        #expect(TagBalance.problems(in: "<p>x") != [])
        #expect(TagBalance.problems(in: "<!DOCTYPE html>\n<p>x<br />y</p>") == [])
    }
}

/// A minimal tag-balance checker: every opening tag is closed in order; `<... />` closes itself.
enum TagBalance {
    static func problems(in markup: String) -> [String] {
        var stack: [String] = []
        var problems: [String] = []
        var rest = markup[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return problems + ["unclosed <"] }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") || tag.hasSuffix("/") { continue }
            let name = String(tag.drop { $0 == "/" }.prefix { !$0.isWhitespace })
            if tag.hasPrefix("/") {
                if stack.last == name {
                    stack.removeLast()
                } else {
                    problems.append("</\(name)> closes <\(stack.last ?? "nothing")>")
                }
            } else {
                stack.append(name)
            }
        }
        return problems + stack.map { "<\($0)> never closed" }
    }
}
