import Money

/// The language of the HTML report: Dutch by default, English on request.
public enum ReportLanguage: String, Hashable, Sendable, CaseIterable {
    case nl, en

    /// `dutch` in Dutch, `english` in English.
    func pick(_ dutch: String, _ english: String) -> String { self == .nl ? dutch : english }

    /// A count with thousands grouping: `783.180` / `783,180`.
    func count(_ value: Int64) -> String {
        grouped(String(value.magnitude), separator: self == .nl ? "." : ",", negative: value < 0)
    }

    /// An amount: `€ 1.234,56` / `€1,234.56`.
    func money(_ amount: Money) -> String {
        if self == .nl { return amount.dutchDisplay }
        let magnitude = amount.cents.magnitude
        let cents = magnitude % 100
        let euros = grouped(String(magnitude / 100), separator: ",", negative: false)
        return (amount.isNegative ? "-" : "") + "€" + euros + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// A number with one decimal: `7,0` / `7.0`.
    func oneDecimal(tenths: Int64) -> String {
        Ratio.text(scaled: tenths, decimals: 1, separator: self == .nl ? "," : ".")
    }

    /// A figure in this language; an undefined mean or share is "n.v.t." / "n/a".
    public func figure(_ value: FigureValue) -> String {
        let notApplicable = pick("n.v.t.", "n/a")
        switch value {
        case .count(let count): return self.count(count)
        case .money(let amount): return money(amount)
        case .mean(let ratio): return ratio.scaled(decimals: 1).map(oneDecimal(tenths:)) ?? notApplicable
        case .meanMoney(let ratio): return ratio.scaled(decimals: 0).map { money(Money(cents: $0)) } ?? notApplicable
        case .share(let ratio): return ratio.scaled(decimals: 3).map { oneDecimal(tenths: $0) + "%" } ?? notApplicable
        }
    }

    /// A deviation in tenths of a percent, signed: `+4,2%`.
    func deviation(tenths: Int64) -> String {
        (tenths > 0 ? "+" : tenths < 0 ? "−" : "") + oneDecimal(tenths: Int64(tenths.magnitude)) + "%"
    }

    /// A day: `31 december 2024` / `31 December 2024`.
    func day(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        return "\(dayOfMonth) \(monthNames[month - 1]) \(year)"
    }

    /// The short name of a month for chart labels.
    func shortMonth(_ month: Int) -> String {
        (self == .nl
            ? ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
            : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])[month - 1]
    }

    private var monthNames: [String] {
        self == .nl
            ? [
                "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december",
            ]
            : [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
    }

    private func grouped(_ digits: String, separator: String, negative: Bool) -> String {
        var whole = digits
        var result = ""
        while whole.count > 3 {
            result = separator + whole.suffix(3) + result
            whole.removeLast(3)
        }
        return (negative ? "-" : "") + whole + result
    }

    /// The label of a figure key.
    public func label(_ key: String) -> String {
        switch key {
        case "dossiersHandled": pick("Dossiers in behandeling", "Dossiers handled")
        case "amountCollected": pick("Geïncasseerd bedrag", "Amount collected")
        case "debtorsDebtFree.consumer": pick("Schuldenvrij: consumenten", "Debt-free: consumers")
        case "debtorsDebtFree.business": pick("Schuldenvrij: bedrijven", "Debt-free: businesses")
        case "messages.email": pick("E-mails bezorgd", "E-mails delivered")
        case "messages.letter": pick("Brieven bezorgd", "Letters delivered")
        case "messages.sms": pick("Sms'jes bezorgd", "Text messages delivered")
        case "calls.outbound": pick("Gesprekken door ons gestart", "Calls made by the agency")
        case "calls.inbound": pick("Gesprekken door de klant gestart", "Calls started by the debtor")
        case "portalLogins": pick("Inlogs op het klantportaal", "Portal log-ins")
        case "arrangements.count": pick("Betalingsregelingen getroffen", "Payment arrangements agreed")
        case "arrangements.meanMonths": pick("Gemiddelde looptijd (maanden)", "Mean duration (months)")
        case "arrangements.meanMonthlyInstalment": pick("Gemiddeld maandbedrag", "Mean monthly instalment")
        case "interestFrozen.dossiers": pick("Dossiers met bevroren rente", "Dossiers with interest frozen")
        case "interestFrozen.amountNotCharged": pick("Rente niet in rekening gebracht", "Interest not charged")
        case "screenedNegative": pick("Negatief verhaalsonderzoek", "Screened negative for court")
        case "legalCostsSaved": pick("Bespaarde gerechtelijke kosten", "Legal costs saved")
        case "debtCounselling": pick("Dossiers in schuldhulpverlening", "Dossiers in debt counselling")
        case "international.dossiers":
            pick("Doorgegeven aan partners in het buitenland", "Referred to partner offices abroad")
        case "international.share": pick("Aandeel buitenland", "Share abroad")
        case "csat": pick("Klanttevredenheid (4 of 5 op 5)", "Customer satisfaction (4 or 5 of 5)")
        default: key
        }
    }
}
