public import Domain
public import Money

/// The engine's own memory of a dossier between daily steps. The store persists it as JSON next to
/// the dossier (canonical JSON, written and read by `CollectionProgress+CanonicalJSON.swift`) and
/// hands it back in the next snapshot unchanged. A field that holds its default (zero, empty, false)
/// is left out of the text and read back as that default: most dossiers never pay, freeze or repay,
/// and the row the daily run rewrites for every step is a third smaller without them.
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

    enum CodingKeys: String, CodingKey {
        case formatVersion, lastStepDay, lastResponseSequence, lastResponseDay, nextStepIndex, nextStepDay
        case lastContactStepDay, collectionStartDay, reminderLetter, interestBooked, interestBookedThrough
        case costsCharged, paymentsAllocated, costsPaid, interestPaid, repayments, freezes, contactPausedUntil
        case arrangement, deferredUntil, resumeState, interruptions, circumstances, referredToDebtCounselling
        case screening, closingFrom
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        func defaulted<Value: Decodable>(_ key: CodingKeys, _ value: Value) throws -> Value {
            try fields.decodeIfPresent(Value.self, forKey: key) ?? value
        }
        formatVersion = try fields.decode(Int.self, forKey: .formatVersion)
        lastStepDay = try fields.decodeIfPresent(Day.self, forKey: .lastStepDay)
        lastResponseSequence = try defaulted(.lastResponseSequence, 0)
        lastResponseDay = try fields.decodeIfPresent(Day.self, forKey: .lastResponseDay)
        nextStepIndex = try defaulted(.nextStepIndex, 0)
        nextStepDay = try fields.decodeIfPresent(Day.self, forKey: .nextStepDay)
        lastContactStepDay = try fields.decodeIfPresent(Day.self, forKey: .lastContactStepDay)
        collectionStartDay = try fields.decodeIfPresent(Day.self, forKey: .collectionStartDay)
        reminderLetter = try fields.decodeIfPresent(ReminderLetterRecord.self, forKey: .reminderLetter)
        interestBooked = try defaulted(.interestBooked, Money.zero)
        interestBookedThrough = try fields.decodeIfPresent(Day.self, forKey: .interestBookedThrough)
        costsCharged = try fields.decodeIfPresent(Money.self, forKey: .costsCharged)
        paymentsAllocated = try defaulted(.paymentsAllocated, Money.zero)
        costsPaid = try defaulted(.costsPaid, Money.zero)
        interestPaid = try defaulted(.interestPaid, Money.zero)
        repayments = try defaulted(.repayments, [])
        freezes = try defaulted(.freezes, [])
        contactPausedUntil = try fields.decodeIfPresent(Day.self, forKey: .contactPausedUntil)
        arrangement = try fields.decodeIfPresent(ArrangementRecord.self, forKey: .arrangement)
        deferredUntil = try fields.decodeIfPresent(Day.self, forKey: .deferredUntil)
        resumeState = try fields.decodeIfPresent(DossierState.self, forKey: .resumeState)
        interruptions = try defaulted(.interruptions, [])
        circumstances = try fields.decodeIfPresent(DebtorCircumstances.self, forKey: .circumstances)
        referredToDebtCounselling = try defaulted(.referredToDebtCounselling, false)
        screening = try fields.decodeIfPresent(ScreeningResult.self, forKey: .screening)
        closingFrom = try fields.decodeIfPresent(Day.self, forKey: .closingFrom)
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: CodingKeys.self)
        func unlessDefault<Value: Encodable & Equatable>(_ value: Value, _ fallback: Value, _ key: CodingKeys) throws {
            if value != fallback { try fields.encode(value, forKey: key) }
        }
        try fields.encode(formatVersion, forKey: .formatVersion)
        try fields.encodeIfPresent(lastStepDay, forKey: .lastStepDay)
        try unlessDefault(lastResponseSequence, 0, .lastResponseSequence)
        try fields.encodeIfPresent(lastResponseDay, forKey: .lastResponseDay)
        try unlessDefault(nextStepIndex, 0, .nextStepIndex)
        try fields.encodeIfPresent(nextStepDay, forKey: .nextStepDay)
        try fields.encodeIfPresent(lastContactStepDay, forKey: .lastContactStepDay)
        try fields.encodeIfPresent(collectionStartDay, forKey: .collectionStartDay)
        try fields.encodeIfPresent(reminderLetter, forKey: .reminderLetter)
        try unlessDefault(interestBooked, .zero, .interestBooked)
        try fields.encodeIfPresent(interestBookedThrough, forKey: .interestBookedThrough)
        try fields.encodeIfPresent(costsCharged, forKey: .costsCharged)
        try unlessDefault(paymentsAllocated, .zero, .paymentsAllocated)
        try unlessDefault(costsPaid, .zero, .costsPaid)
        try unlessDefault(interestPaid, .zero, .interestPaid)
        try unlessDefault(repayments, [], .repayments)
        try unlessDefault(freezes, [], .freezes)
        try fields.encodeIfPresent(contactPausedUntil, forKey: .contactPausedUntil)
        try fields.encodeIfPresent(arrangement, forKey: .arrangement)
        try fields.encodeIfPresent(deferredUntil, forKey: .deferredUntil)
        try fields.encodeIfPresent(resumeState, forKey: .resumeState)
        try unlessDefault(interruptions, [], .interruptions)
        try fields.encodeIfPresent(circumstances, forKey: .circumstances)
        try unlessDefault(referredToDebtCounselling, false, .referredToDebtCounselling)
        try fields.encodeIfPresent(screening, forKey: .screening)
        try fields.encodeIfPresent(closingFrom, forKey: .closingFrom)
    }
}
