import Money

/// Figures to compare a report with, by figure key; the reference agency year is `.reference2024`.
public struct ReferenceFigures: Hashable, Sendable {
    /// What the reference says for a figure.
    public struct Entry: Hashable, Sendable {
        /// The value compared with.
        public let value: FigureValue
        /// How the source states it, when not as an exact figure: `atLeast` for "more than",
        /// `derived` for a figure computed from a stated share, `rounded` for "EUR 70 million".
        public let qualifier: Qualifier?

        public init(_ value: FigureValue, _ qualifier: Qualifier? = nil) {
            self.value = value
            self.qualifier = qualifier
        }
    }

    /// How a reference value was stated.
    public enum Qualifier: String, Hashable, Sendable {
        case atLeast, derived, rounded
    }

    /// A name for the reference, shown as the column heading's note.
    public let name: String
    /// The entries by figure key; a figure without an entry has no reference.
    public let entries: [String: Entry]

    public init(name: String, entries: [String: Entry]) {
        self.name = name
        self.entries = entries
    }

    /// The reference report, Netherlands 2024 (`shared/domain/social-collection.md`). Consumer and
    /// business debtors are 90% and 10% of 149,381; international dossiers are 12% of 783,180; the
    /// report gives no CSAT figure.
    public static let reference2024 = ReferenceFigures(
        name: "2024",
        entries: [
            "dossiersHandled": Entry(.count(783_180)),
            "amountCollected": Entry(.money(Money(euros: 70_000_000)), .rounded),
            "debtorsDebtFree.consumer": Entry(.count(134_443), .derived),
            "debtorsDebtFree.business": Entry(.count(14_938), .derived),
            "messages.email": Entry(.count(2_787_862)),
            "messages.letter": Entry(.count(724_953)),
            "messages.sms": Entry(.count(482_927)),
            "calls.outbound": Entry(.count(1_000_000), .atLeast),
            "calls.inbound": Entry(.count(150_000), .atLeast),
            "portalLogins": Entry(.count(86_904)),
            "arrangements.count": Entry(.count(128_693)),
            "arrangements.meanMonths": Entry(.mean(Ratio(7, over: 1)), .rounded),
            "arrangements.meanMonthlyInstalment": Entry(.meanMoney(Ratio(11_700, over: 1)), .rounded),
            "interestFrozen.dossiers": Entry(.count(677_423)),
            "interestFrozen.amountNotCharged": Entry(.money(Money(euros: 49_676_900))),
            "screenedNegative": Entry(.count(15_887)),
            "legalCostsSaved": Entry(.money(Money(euros: 298_420_500))),
            "debtCounselling": Entry(.count(27_758)),
            "international.dossiers": Entry(.count(93_982), .derived),
            "international.share": Entry(.share(Ratio(12, over: 100)), .rounded),
        ])

    /// The same reference sized to a portfolio of `dossiers`: counts and amounts scale with the
    /// dossiers handled (rounded half up), means and shares stay. So a smaller simulated year can be
    /// compared figure by figure, as rates per dossier. Nil without a `dossiersHandled` entry.
    public func scaled(toDossiers dossiers: Int64) -> ReferenceFigures? {
        guard case .count(let base)? = entries["dossiersHandled"]?.value, base > 0, dossiers >= 0 else { return nil }
        if dossiers == base { return self }
        func scale(_ value: Int64) -> Int64 {
            let product = Int128(value) * Int128(dossiers)
            return Int64((2 * product + Int128(base)) / (2 * Int128(base)))
        }
        var scaled: [String: Entry] = [:]
        for (key, entry) in entries {
            switch entry.value {
            case .count(let count): scaled[key] = Entry(.count(scale(count)), entry.qualifier)
            case .money(let amount): scaled[key] = Entry(.money(Money(cents: scale(amount.cents))), entry.qualifier)
            case .mean, .meanMoney, .share: scaled[key] = entry
            }
        }
        return ReferenceFigures(name: "\(name), per dossier x \(dossiers)", entries: scaled)
    }

    /// One figure of `report` next to this reference.
    public struct Comparison: Hashable, Sendable {
        public let key: String
        public let value: FigureValue
        public let reference: Entry?
        /// The deviation in tenths of a percent (nil without a comparable reference).
        public let deviationTenthsOfPercent: Int64?

        /// The deviation in percent as signed text, `+12.3` or `-4.0`.
        public var deviationPercentText: String? {
            deviationTenthsOfPercent.map { ($0 > 0 ? "+" : "") + Ratio.text(scaled: $0, decimals: 1, separator: ".") }
        }

        /// The deviation as text, `+12.3%` or `-4.0%`.
        public var deviationText: String? { deviationPercentText.map { $0 + "%" } }

        /// Within `tolerancePercent` of the reference; nil when there is nothing to compare.
        public func isWithin(tolerancePercent: Int64) -> Bool? {
            deviationTenthsOfPercent.map { abs($0) <= tolerancePercent * 10 }
        }
    }

    /// Every figure of `report` with this reference's entry and the deviation from it.
    public func compare(_ report: SocialReport) -> [Comparison] {
        report.figures.map { figure in
            let entry = entries[figure.key]
            return Comparison(
                key: figure.key, value: figure.value, reference: entry,
                deviationTenthsOfPercent: entry.flatMap { figure.value.deviationTenthsOfPercent(from: $0.value) })
        }
    }
}
