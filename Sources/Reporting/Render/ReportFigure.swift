public import Money

/// One figure of the report by its key path (`messages.email`), as the renderers list it.
public struct ReportFigure: Hashable, Sendable {
    /// The key path, segments joined by `.`: the JSON nesting and the CSV key.
    public let key: String
    /// The value.
    public let value: FigureValue

    /// A figure.
    public init(key: String, value: FigureValue) {
        self.key = key
        self.value = value
    }
}

/// A figure's value, with how it is rounded when shown.
public enum FigureValue: Hashable, Sendable {
    /// A count.
    case count(Int64)
    /// An amount, exact to the cent.
    case money(Money)
    /// A mean shown with one decimal (months), rounded half up; undefined when nothing was averaged.
    case mean(Ratio)
    /// A mean amount: cents over a count, rounded half up to the cent.
    case meanMoney(Ratio)
    /// A share of a whole: four decimals in JSON and CSV (0.1235), a percentage with one decimal on
    /// the page (12.3%), each rounded half up from the exact ratio.
    case share(Ratio)

    /// The value as an exact quotient in its own unit (cents for money), for deviations.
    var exact: Ratio? {
        switch self {
        case .count(let count): count >= 0 ? Ratio(count, over: 1) : nil
        case .money(let amount): amount.isNegative ? nil : Ratio(amount.cents, over: 1)
        case .mean(let ratio), .meanMoney(let ratio), .share(let ratio): ratio.isUndefined ? nil : ratio
        }
    }

    /// The plain machine form: counts as integers, money as `1234.56`, means of months with one
    /// decimal, shares with four; nil when undefined.
    public var plainText: String? {
        switch self {
        case .count(let count): String(count)
        case .money(let amount): amount.description
        case .mean(let ratio): ratio.decimalText(decimals: 1)
        case .meanMoney(let ratio): ratio.scaled(decimals: 0).map { Money(cents: $0).description }
        case .share(let ratio): ratio.decimalText(decimals: 4)
        }
    }

    /// The deviation of this value from `reference` in percent with one decimal, rounded half away
    /// from zero; nil when either is undefined or the reference is zero.
    public func deviationTenthsOfPercent(from reference: FigureValue) -> Int64? {
        guard let actual = exact, let expected = reference.exact, expected.numerator != 0 else { return nil }
        // (a/ad - r/rd) / (r/rd) x 1000 = (a rd - r ad) 1000 / (r ad)
        let numerator =
            (Int128(actual.numerator) * Int128(expected.denominator)
                - Int128(expected.numerator) * Int128(actual.denominator)) * 1000
        let denominator = Int128(expected.numerator) * Int128(actual.denominator)
        let magnitude = (2 * abs(numerator) + denominator) / (2 * denominator)
        return Int64(numerator < 0 ? -magnitude : magnitude)
    }
}

extension SocialReport {
    /// Every figure of the report in the order of the reference report and the JSON.
    public var figures: [ReportFigure] {
        [
            ReportFigure(key: "dossiersHandled", value: .count(dossiersHandled)),
            ReportFigure(key: "amountCollected", value: .money(amountCollected)),
            ReportFigure(key: "debtorsDebtFree.consumer", value: .count(debtorsDebtFree.consumer)),
            ReportFigure(key: "debtorsDebtFree.business", value: .count(debtorsDebtFree.business)),
            ReportFigure(key: "messages.email", value: .count(messages.email)),
            ReportFigure(key: "messages.letter", value: .count(messages.letter)),
            ReportFigure(key: "messages.sms", value: .count(messages.sms)),
            ReportFigure(key: "calls.outbound", value: .count(calls.outbound)),
            ReportFigure(key: "calls.inbound", value: .count(calls.inbound)),
            ReportFigure(key: "portalLogins", value: .count(portalLogins)),
            ReportFigure(key: "arrangements.count", value: .count(arrangements.count)),
            ReportFigure(key: "arrangements.meanMonths", value: .mean(arrangements.meanMonths)),
            ReportFigure(
                key: "arrangements.meanMonthlyInstalment",
                value: .meanMoney(Ratio(arrangements.totalMonthlyInstalments.cents, over: arrangements.count))),
            ReportFigure(key: "interestFrozen.dossiers", value: .count(interestFrozen.dossiers)),
            ReportFigure(key: "interestFrozen.amountNotCharged", value: .money(interestFrozen.amountNotCharged)),
            ReportFigure(key: "screenedNegative", value: .count(screenedNegative)),
            ReportFigure(key: "legalCostsSaved", value: .money(legalCostsSaved)),
            ReportFigure(key: "debtCounselling", value: .count(debtCounselling)),
            ReportFigure(key: "international.dossiers", value: .count(internationalDossiers)),
            ReportFigure(key: "international.share", value: .share(internationalShare)),
            ReportFigure(key: "csat", value: .share(csat)),
        ]
    }

    /// The figure with `key`, if there is one.
    public func figure(_ key: String) -> FigureValue? { figures.first { $0.key == key }?.value }
}
