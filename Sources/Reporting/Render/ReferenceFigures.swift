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
}
