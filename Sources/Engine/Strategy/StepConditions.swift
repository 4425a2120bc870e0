public import Law
public import Money

/// Conditions on a step; every condition given must hold.
public struct StepConditions: Hashable, Sendable, Codable {
    /// Only when the outstanding amount is at least this.
    public var minimumAmount: Money?
    /// Only when the outstanding amount is at most this.
    public var maximumAmount: Money?
    /// Only for these kinds of debtor (nil: all).
    public var debtorKinds: [DebtorKind]?
    /// Only when the oldest claim is at least this many days overdue.
    public var minimumDaysOverdue: Int?
    /// Only when the debtor has (true) or has not (false) responded earlier.
    public var responded: Bool?

    /// Conditions; none by default.
    public init(minimumAmount: Money? = nil, maximumAmount: Money? = nil, debtorKinds: [DebtorKind]? = nil,
                minimumDaysOverdue: Int? = nil, responded: Bool? = nil) {
        self.minimumAmount = minimumAmount
        self.maximumAmount = maximumAmount
        self.debtorKinds = debtorKinds
        self.minimumDaysOverdue = minimumDaysOverdue
        self.responded = responded
    }

    /// Whether the conditions hold for a dossier with `outstanding`, a debtor of `kind`,
    /// `daysOverdue` days overdue, that has or has not `responded`.
    public func hold(outstanding: Money, kind: DebtorKind, daysOverdue: Int, responded hasResponded: Bool) -> Bool {
        if let minimumAmount, outstanding < minimumAmount { return false }
        if let maximumAmount, outstanding > maximumAmount { return false }
        if let debtorKinds, !debtorKinds.contains(kind) { return false }
        if let minimumDaysOverdue, daysOverdue < minimumDaysOverdue { return false }
        if let responded, responded != hasResponded { return false }
        return true
    }
}
