public import Money

/// Dutch collection law: art. 6:96, 6:119, 6:119a BW and the Besluit BIK, from versioned tables.
public struct Netherlands: Jurisdiction {
    public let code = "nl"
    public let name = "Netherlands"

    /// Statutory interest rates over time.
    public let interestRates: StatutoryInterestRates
    /// Collection-cost rules over time.
    public let costSchedule: CollectionCostSchedule
    /// Protected income (beslagvrije voet) norms over time.
    public let protectedIncome: ProtectedIncomeTable
    /// Court, bailiff and lawyer's tariffs for the legal-track estimate.
    public let legalCosts: LegalCostTables

    /// The Netherlands with the given tables.
    public init(
        interestRates: StatutoryInterestRates, costSchedule: CollectionCostSchedule,
        protectedIncome: ProtectedIncomeTable, legalCosts: LegalCostTables
    ) {
        self.interestRates = interestRates
        self.costSchedule = costSchedule
        self.protectedIncome = protectedIncome
        self.legalCosts = legalCosts
    }

    /// The cost rules in force on `day`.
    public func costRules(on day: Day) throws(LawError) -> CollectionCostRules {
        guard let rules = costSchedule.rules(on: day) else { throw .noRulesInForce(day) }
        return rules
    }

    /// Consumers and businesses pay the same staffel amount; for consumers it is due only after the
    /// 14-day letter's term (art. 6:96 lid 6), for businesses from the day after the payment term.
    public func collectionCosts(principals: [Money], debtor: DebtorKind, addVAT: Bool, on day: Day) throws(LawError)
        -> CollectionCosts
    {
        DutchCollectionCosts.compute(principals: principals, addVAT: addVAT, rules: try costRules(on: day))
    }

    public func statutoryInterest(kind: InterestKind, principal: Money, from: Day, through: Day) throws(LawError)
        -> InterestCalculation
    {
        do {
            return try StatutoryInterest.calculate(
                kind: kind, principal: principal, from: from, through: through, rates: interestRates)
        } catch {
            throw .interest(error)
        }
    }

    /// The 14-day letter (art. 6:96 lid 6 BW): costs are due from the day after its term. By e-mail
    /// the letter is delivered the day it is sent unless a later delivery is known.
    public func firstDayCostsMayBeCharged(reminderSent sent: Day, by channel: ReminderChannel, delivered: Day?)
        throws(LawError) -> Day
    {
        try reminderTerm(posted: sent, delivered: delivered ?? (channel == .email ? sent : nil)).costsDueFrom
    }

    /// The 14-day letter's term, with the assumed postal delivery unless `delivered` is known.
    public func reminderTerm(posted: Day, delivered: Day?) throws(LawError) -> ReminderTerm {
        if let delivered, delivered < posted {
            throw .inconsistent("the delivery day \(delivered) lies before the posting day \(posted)")
        }
        return ReminderTerm.netherlands(posted: posted, delivered: delivered)
    }

    /// Prescription per art. 3:307-3:324 BW with interruptions (3:316-3:319).
    public func prescription(kind: PrescriptionKind, due: Day, interruptions: [Day]) throws(LawError)
        -> PrescriptionOutcome
    {
        Prescription.lastEnforceableDay(kind: kind, due: due, interruptions: interruptions)
    }

    /// Art. 6:43 BW between debts, 6:44 BW within each debt (docs/allocation.md).
    public func allocate(_ request: AllocationRequest) throws(LawError) -> PaymentAllocation {
        do {
            return try request.allocate()
        } catch {
            throw .inconsistent(error.description)
        }
    }
}
