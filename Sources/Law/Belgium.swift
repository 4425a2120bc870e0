public import Money

/// Belgian consumer collection law, Book XIX of the Code of Economic Law (law of 4 May 2023):
/// a free first reminder, a waiting period, and caps on flat damages. It proves the jurisdiction
/// seam; Belgian statutory interest and business claims are not covered yet and say so.
public struct Belgium: Jurisdiction {
    public let code = "be"
    public let name = "Belgium"

    /// The caps on flat damages for consumers.
    public let damageCaps: BelgianDamageCaps
    /// What a reminder may cost: the first free, more for regular-supply contracts.
    public let reminderFees: BelgianReminderFees

    /// Belgium with the given tables.
    public init(damageCaps: BelgianDamageCaps, reminderFees: BelgianReminderFees) {
        self.damageCaps = damageCaps
        self.reminderFees = reminderFees
    }

    /// Book XIX applies from 1 September 2023.
    public static let bookXIXInForce = Day(year: 2023, month: 9, day: 1)!

    /// The cap on flat damages over the summed balance of the invoices (art. XIX.4).
    public func collectionCosts(principals: [Money], debtor: DebtorKind, addVAT: Bool, on day: Day) throws(LawError)
        -> CollectionCosts
    {
        guard debtor == .consumer else {
            throw .notCovered("Belgian collection costs are covered for consumers (Book XIX WER) only")
        }
        guard !addVAT else { throw .notCovered("Belgian flat damages carry no VAT; leave out --vat") }
        guard day >= Self.bookXIXInForce else { throw .noRulesInForce(day) }
        return damageCaps.cap(balance: Money.sum(principals))
    }

    public func statutoryInterest(kind: InterestKind, principal: Money, from: Day, through: Day) throws(LawError)
        -> InterestCalculation
    {
        throw .notCovered("Belgian statutory interest is not in Ademruimte's tables yet")
    }

    /// Book XIX art. XIX.2: the first reminder is free; damages may follow the 14-day waiting period.
    public func firstDayCostsMayBeCharged(reminderSent sent: Day, by channel: ReminderChannel, delivered: Day?)
        throws(LawError) -> Day
    {
        BelgianReminderTerm(sent: sent, channel: channel == .post ? .post : .email).damagesFrom
    }

    public func prescription(kind: PrescriptionKind, due: Day, interruptions: [Day]) throws(LawError)
        -> PrescriptionOutcome
    {
        throw .notCovered("Belgian prescription is not in Ademruimte's rules yet")
    }

    public func allocate(_ request: AllocationRequest) throws(LawError) -> PaymentAllocation {
        throw .notCovered("Belgian payment allocation is not in Ademruimte's rules yet")
    }
}
