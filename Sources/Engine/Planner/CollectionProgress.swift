public import Domain
public import Money

/// The engine's own memory of a dossier between daily steps. The store persists it as JSON next to
/// the dossier (canonical JSON, written and read by `CollectionProgress+CanonicalJSON.swift`) and
/// hands it back in the next snapshot unchanged.
public struct CollectionProgress: Hashable, Sendable, Codable {
    /// The format of this value, for migrations of stored JSON.
    public var formatVersion: Int = 1
    /// The last day the planner stepped the dossier.
    public var lastStepDay: Day?
    /// The highest response sequence handled.
    public var lastResponseSequence: Int64 = 0
    /// The day of the debtor's latest response.
    public var lastResponseDay: Day?
    /// The index of the next strategy step.
    public var nextStepIndex: Int = 0
    /// The day the next strategy step is due; nil before the first step (then: the opening day).
    public var nextStepDay: Day?
    /// The day the last strategy step was taken.
    public var lastContactStepDay: Day?
    /// The day collection started (the 14-day letter): interest runs from here, not in pre-collection.
    public var collectionStartDay: Day?
    /// The 14-day letter, once sent.
    public var reminderLetter: ReminderLetterRecord?
    /// Interest booked in the ledger so far.
    public var interestBooked: Money = .zero
    /// The last day interest is booked through.
    public var interestBookedThrough: Day?
    /// Collection costs charged (nil until charged; charged at most once).
    public var costsCharged: Money?
    /// Payments received that have been allocated (the paymentsReceived balance last seen).
    public var paymentsAllocated: Money = .zero
    /// Of those, paid towards costs.
    public var costsPaid: Money = .zero
    /// Of those, paid towards interest.
    public var interestPaid: Money = .zero
    /// Of those, principal repaid per claim and day (interest on it stops after that day).
    public var repayments: [PrincipalRepayment] = []
    /// Every freeze, oldest first; at most one is open.
    public var freezes: [Freeze] = []
    /// No contact before this day (after a dispute or a help request).
    public var contactPausedUntil: Day?
    /// The running arrangement.
    public var arrangement: ArrangementRecord?
    /// Payment is deferred until this day.
    public var deferredUntil: Day?
    /// The state to return to after a dispute, debt counselling or a hold.
    public var resumeState: DossierState?
    /// Days written reminders or acknowledgements were received: interruptions of prescription.
    public var interruptions: [Day] = []
    /// The debtor's stated or investigated finances.
    public var circumstances: DebtorCircumstances?
    /// Whether the dossier was referred to debt counselling (at most once).
    public var referredToDebtCounselling = false
    /// The recovery investigation's outcome, once screened.
    public var screening: ScreeningResult?
    /// The day the closing rule's wait counts from (the last step or the negative screening).
    public var closingFrom: Day?

    /// Progress of a dossier the engine has not seen yet.
    public init() {}

    /// The open freeze, if any.
    public var openFreeze: Freeze? { freezes.last.flatMap { $0.isOpen ? $0 : nil } }
}
