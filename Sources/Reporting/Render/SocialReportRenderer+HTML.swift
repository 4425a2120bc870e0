import Domain

extension SocialReportRenderer {
    /// The report as one self-contained HTML page that reads like an agency's published social
    /// report: key figures first, then the seven steps with their figures and monthly charts.
    ///
    /// Self-contained: inline CSS and inline SVG, no scripts, no external fonts, images or links, so
    /// it opens offline and prints to PDF in headless Chromium as it is. Accessible: one `h1`, an
    /// `h2` per section, every chart an `img` role with a title and description and a data table
    /// beside it. Written as well-formed XHTML-style markup (void elements closed) so that an XML
    /// parser can check it. With `reference`, every figure table gets the reference value and the
    /// deviation from it in percent.
    public static func html(_ report: SocialReport, language: ReportLanguage = .nl, reference: ReferenceFigures? = nil)
        -> String
    {
        var page = HTMLPage(language: language)
        let title = language.pick("Maatschappelijk incassoverslag", "Social collection report")
        let scope =
            report.client.map { language.pick("Opdrachtgever ", "Client ") + $0.rawValue }
            ?? language.pick("Hele organisatie", "Whole agency")
        let period =
            language.day(report.period.from) + language.pick(" t/m ", " to ") + language.day(report.period.through)
        page.open("html", ["lang": language.rawValue])
        page.open("head")
        page.line("<meta charset=\"utf-8\" />")
        page.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />")
        page.element("title", "\(title), \(period)")
        // Raw, not escaped: the content of <style> is not parsed for entities (the stylesheet holds no `<` or `&`).
        page.line("<style>\n\(stylesheet)\n</style>")
        page.close("head")
        page.open("body")
        page.open("header", ["class": "cover"])
        page.element("p", scope, ["class": "eyebrow"])
        page.element("h1", title)
        page.element("p", period, ["class": "period"])
        page.element(
            "p",
            language.pick(
                "Incasso kan sociaal: vroeg, persoonlijk, betaalbaar en binnen de wet. Dit verslag laat met cijfers uit ons eigen journaal zien wat dat in deze periode opleverde, voor klanten en voor de samenleving.",
                "Collection can be social: early, personal, affordable and within the law. This report shows, with figures from our own journal, what that achieved in this period for debtors and for society."
            ),
            ["class": "lead"])
        page.close("header")
        page.open("main")
        keyFigures(report, &page)
        for step in ReportStep.all { section(step, report, reference, &page) }
        definitions(report, &page)
        page.close("main")
        page.open("footer")
        page.element(
            "p",
            language.pick(
                "Berekend door Ademruimte uit het journaal van de dossiers. Bedragen in euro, inclusief centen.",
                "Computed by Ademruimte from the dossiers' journal. Amounts in euros, to the cent."))
        page.close("footer")
        page.close("body")
        page.close("html")
        return "<!DOCTYPE html>\n" + page.text
    }

    private static func keyFigures(_ report: SocialReport, _ page: inout HTMLPage) {
        let language = page.language
        let cards: [(String, String)] = [
            (language.label("dossiersHandled"), language.count(report.dossiersHandled)),
            (language.label("amountCollected"), language.money(report.amountCollected)),
            (
                language.pick("Klanten schuldenvrij", "Debtors made debt-free"),
                language.count(report.debtorsDebtFree.total)
            ),
            (language.pick("Berichten bezorgd", "Messages delivered"), language.count(report.messages.total)),
            (language.pick("Telefoongesprekken", "Phone calls"), language.count(report.calls.total)),
            (language.label("arrangements.count"), language.count(report.arrangements.count)),
            (language.label("interestFrozen.dossiers"), language.count(report.interestFrozen.dossiers)),
            (language.label("legalCostsSaved"), language.money(report.legalCostsSaved)),
        ]
        page.open("section", ["aria-labelledby": "key-figures"])
        page.element("h2", language.pick("Kerncijfers", "Key figures"), ["id": "key-figures"])
        page.open("dl", ["class": "cards"])
        for (label, value) in cards {
            page.open("div", ["class": "card"])
            page.element("dt", label)
            page.element("dd", value)
            page.close("div")
        }
        page.close("dl")
        page.close("section")
    }

    private static func section(
        _ step: ReportStep, _ report: SocialReport, _ reference: ReferenceFigures?, _ page: inout HTMLPage
    ) {
        let language = page.language
        let id = "step-\(step.number)"
        page.open("section", ["aria-labelledby": id, "class": "step"])
        page.open("h2", ["id": id])
        page.element("span", "\(step.number)", ["class": "step-number"])
        page.text(" " + (language == .nl ? step.title.nl : step.title.en))
        page.close("h2")
        page.element("p", language == .nl ? step.intro.nl : step.intro.en)
        if step.keys.isEmpty {
            let cost = language.money(report.settings.averageProcedureCost)
            page.element(
                "p",
                language.pick(
                    "Elke zaak die minnelijk is opgelost terwijl de opdrachtgever een rechtszaak toestond, telt in stap 6 als een vermeden procedure van \(cost).",
                    "Every case settled amicably while the client allowed court counts in step 6 as an avoided procedure of \(cost)."
                ))
        } else {
            figureTable(step.keys, report, reference, caption: language == .nl ? step.title.nl : step.title.en, &page)
        }
        for chart in step.charts { barChart(chart, report, id: "\(id)-\(chart)", &page) }
        page.close("section")
    }

    private static func figureTable(
        _ keys: [String], _ report: SocialReport, _ reference: ReferenceFigures?, caption: String,
        _ page: inout HTMLPage
    ) {
        let language = page.language
        page.open("table", ["class": "figures"])
        page.element("caption", language.pick("Cijfers: ", "Figures: ") + caption)
        page.open("thead")
        page.open("tr")
        page.element("th", language.pick("Cijfer", "Figure"), ["scope": "col"])
        page.element("th", language.pick("Waarde", "Value"), ["scope": "col", "class": "number"])
        if let reference {
            page.element(
                "th", language.pick("Referentie ", "Reference ") + reference.name, ["scope": "col", "class": "number"])
            page.element("th", language.pick("Afwijking", "Deviation"), ["scope": "col", "class": "number"])
        }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        for key in keys {
            guard let value = report.figure(key) else { continue }
            page.open("tr", ["data-key": key])
            page.element("th", language.label(key), ["scope": "row"])
            page.element("td", language.figure(value), ["class": "number"])
            if let reference {
                let entry = reference.entries[key]
                page.element("td", entry.map { qualified($0, language) } ?? "–", ["class": "number"])
                let deviation = entry.flatMap { value.deviationTenthsOfPercent(from: $0.value) }
                page.element("td", deviation.map(language.deviation(tenths:)) ?? "–", ["class": "number"])
            }
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
    }

    private static func qualified(_ entry: ReferenceFigures.Entry, _ language: ReportLanguage) -> String {
        let value = language.figure(entry.value)
        switch entry.qualifier {
        case .atLeast: return language.pick("meer dan ", "more than ") + value
        case .derived, .rounded: return language.pick("ca. ", "approx. ") + value
        case nil: return value
        }
    }

    private static func definitions(_ report: SocialReport, _ page: inout HTMLPage) {
        let language = page.language
        let cost = language.money(report.settings.averageProcedureCost)
        let items: [(String, String)] = [
            (
                language.label("dossiersHandled"),
                language.pick(
                    "dossiers die op enig moment in de periode openstonden.",
                    "dossiers open at any moment in the period.")
            ),
            (
                language.label("amountCollected"),
                language.pick(
                    "ontvangen betalingen in de periode, bruto (voor afdracht).",
                    "payments received in the period, gross (before remittance).")
            ),
            (
                language.pick("Schuldenvrij", "Debt-free"),
                language.pick(
                    "klanten van wie het laatste openstaande dossier in de periode betaald of getroffen werd.",
                    "debtors whose last open dossier closed as paid or settled in the period.")
            ),
            (
                language.pick("Berichten en gesprekken", "Messages and calls"),
                language.pick(
                    "bezorgde berichten per kanaal en gevoerde gesprekken per richting in de periode.",
                    "messages delivered per channel and calls per direction in the period.")
            ),
            (
                language.label("arrangements.count"),
                language.pick(
                    "regelingen getroffen in de periode; looptijd gemiddeld op één decimaal, maandbedrag op de cent (half naar boven).",
                    "arrangements agreed in the period; mean duration to one decimal, instalment to the cent (half up)."
                )
            ),
            (
                language.label("interestFrozen.dossiers"),
                language.pick(
                    "dossiers met op enig moment in de periode een actieve bevriezing; de niet berekende wettelijke rente telt in de periode waarin de bevriezing eindigt.",
                    "dossiers with a freeze active at some moment in the period; the statutory interest not charged counts in the period in which the freeze ends."
                )
            ),
            (
                language.label("screenedNegative"),
                language.pick(
                    "dossiers waarvoor het verhaalsonderzoek in de periode een rechtszaak afraadde.",
                    "dossiers whose recovery investigation in the period advised against a lawsuit.")
            ),
            (
                language.label("legalCostsSaved"),
                language.pick(
                    "minnelijk gesloten dossiers waarvoor de opdrachtgever een rechtszaak toestond, maal \(cost) per vermeden procedure.",
                    "dossiers closed amicably whose client allowed court, times \(cost) per avoided procedure.")
            ),
            (
                language.label("debtCounselling"),
                language.pick(
                    "dossiers die op enig moment in de periode in schuldhulpverlening waren.",
                    "dossiers under debt counselling at some moment in the period.")
            ),
            (
                language.label("international.dossiers"),
                language.pick(
                    "dossiers doorgegeven aan een partnerkantoor in de periode; het aandeel is ten opzichte van de dossiers in behandeling.",
                    "dossiers referred to a partner office in the period; the share is of the dossiers handled.")
            ),
            (
                language.pick("Klanttevredenheid", "Customer satisfaction"),
                language.pick(
                    "aandeel antwoorden 4 of 5 (op 1 tot 5) in de periode; percentages op één decimaal, half naar boven.",
                    "share of answers 4 or 5 (of 1 to 5) in the period; percentages to one decimal, half up.")
            ),
        ]
        page.open("section", ["aria-labelledby": "definitions", "class": "definitions"])
        page.element("h2", language.pick("Over de cijfers", "About the figures"), ["id": "definitions"])
        page.open("dl")
        for (term, definition) in items {
            page.element("dt", term)
            page.element("dd", definition)
        }
        page.close("dl")
        page.close("section")
    }
}
