public import Law
public import Money

/// A journal event the social report reads, with its payload parsed into typed values.
///
/// The payload contract is `docs/journal-payloads.md`. Every report event carries its client, so a
/// report for one client, and the per-client counters, need no lookup of the dossier. The mapping
/// both ways lives here: `init?(_:)` reads a `JournalEvent`, `journalEvent` writes one, so what the
/// engine writes and what the report reads cannot drift apart.
public struct ReportEvent: Hashable, Sendable {
    /// The dossier the event belongs to.
    public let dossierID: Dossier.ID
    /// The business day of the event.
    public let day: Day
    /// The client of the dossier (payload key `client`).
    public let clientID: Client.ID
    /// What happened, with its typed details.
    public let fact: ReportFact

    /// A report event.
    public init(dossierID: Dossier.ID, day: Day, clientID: Client.ID, fact: ReportFact) {
        self.dossierID = dossierID
        self.day = day
        self.clientID = clientID
        self.fact = fact
    }

    /// The event read from `event`, or nil when the report does not read its type or the payload
    /// breaks the contract (use `init(validating:)` to learn why).
    public init?(_ event: JournalEvent) {
        guard let parsed = try? ReportEvent(validating: event) else { return nil }
        self = parsed
    }

    /// The event read from `event`; throws when the report does not read the type or the payload
    /// breaks the contract.
    public init(validating event: JournalEvent) throws(ReportPayloadError) {
        let reader = PayloadReader(event: event)
        self.dossierID = event.dossierID
        self.day = event.day
        self.clientID = Client.ID(try reader.text(.client))
        self.fact = try ReportFact(type: event.type, reader: reader)
    }

    /// The journal event carrying exactly the contract's keys.
    public var journalEvent: JournalEvent {
        var fields = fact.payloadFields
        fields[ReportPayloadKey.client.rawValue] = clientID.rawValue
        return JournalEvent(dossierID: dossierID, day: day, type: fact.eventType, payload: JournalPayload(fields))
    }
}

/// What a report event says, by event type.
public enum ReportFact: Hashable, Sendable {
    /// `dossierOpened`: a dossier was taken into handling for `debtor`.
    case dossierOpened(debtor: Debtor.ID, debtorKind: DebtorKind)
    /// `paymentReceived`: money came in (gross, before remittance); `amount` is positive.
    case paymentReceived(amount: Money)
    /// `contactDelivered`: a message reached the debtor through `channel`.
    case contactDelivered(channel: Channel)
    /// `callMade`: a phone call with the debtor took place.
    case callMade(direction: CallDirection)
    /// `portalLogin`: a successful log-in to the debtor portal (failed attempts are not journaled).
    case portalLogin
    /// `arrangementAgreed`: a payment arrangement of `months` instalments of `monthlyInstalment`.
    case arrangementAgreed(months: Int, monthlyInstalment: Money)
    /// `freezeStarted`: interest and costs stop running. `previousFreezeEnded` is the end day of the
    /// dossier's previous freeze, nil for its first; the counters need it to count dossiers, not freezes.
    case freezeStarted(kind: FreezeKind, previousFreezeEnded: Day?)
    /// `freezeEnded`: the freeze is over; `interestAvoided` is the statutory interest the whole
    /// freeze kept from being charged.
    case freezeEnded(kind: FreezeKind, interestAvoided: Money)
    /// `screened`: the recovery investigation (verhaalsonderzoek) advised for or against a lawsuit.
    case screened(outcome: ScreeningOutcome)
    /// `referred`: the dossier went to debt counselling or to a partner office abroad.
    case referred(Referral)
    /// `closed`: the dossier closed; see `DossierClosing`.
    case closed(DossierClosing)
    /// `surveyAnswered`: a satisfaction survey answer, 1 (bad) to 5 (good).
    case surveyAnswered(score: Int)

    /// The journal event type of this fact.
    public var eventType: JournalEventType {
        switch self {
        case .dossierOpened: .dossierOpened
        case .paymentReceived: .paymentReceived
        case .contactDelivered: .contactDelivered
        case .callMade: .callMade
        case .portalLogin: .portalLogin
        case .arrangementAgreed: .arrangementAgreed
        case .freezeStarted: .freezeStarted
        case .freezeEnded: .freezeEnded
        case .screened: .screened
        case .referred: .referred
        case .closed: .closed
        case .surveyAnswered: .surveyAnswered
        }
    }

    /// The event types the report reads.
    public static let eventTypes: Set<JournalEventType> = [
        .dossierOpened, .paymentReceived, .contactDelivered, .callMade, .portalLogin, .arrangementAgreed,
        .freezeStarted, .freezeEnded, .screened, .referred, .closed, .surveyAnswered,
    ]
}

/// Who started a phone call.
public enum CallDirection: String, Hashable, Sendable, CaseIterable {
    /// The agency called the debtor.
    case outbound
    /// The debtor called the agency.
    case inbound
}

/// Why interest was frozen (rentebevriezing).
public enum FreezeKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The debtor is in financial hardship.
    case hardship
    /// The debtor disputes the claim: interest freezes while the dispute is open.
    case dispute
    /// A payment arrangement runs.
    case arrangement
    /// The debtor is in debt counselling (schuldhulpverlening, WSNP).
    case debtCounselling
    /// The whole amount is deferred for a while (uitstel van betaling).
    case deferral
    /// The client's mandate waives statutory interest on the file: frozen from the first step to closing.
    case waived
}

/// What a recovery investigation (verhaalsonderzoek) advised.
public enum ScreeningOutcome: String, Hashable, Sendable, CaseIterable {
    /// A lawsuit would pay.
    case positive
    /// A lawsuit would not pay: the legal route closes for this dossier.
    case negative
}

/// Where a dossier was referred.
public enum Referral: Hashable, Sendable {
    /// To municipal debt help or a court-appointed administrator; the dossier stays open, on hold,
    /// and counts as under debt counselling until it closes.
    case debtCounselling
    /// To the partner office in `country`, where the debtor lives.
    case abroad(country: CountryCode)
}

/// The details of a closing that the report needs, so that it never looks up the debtor or the mandate.
public struct DossierClosing: Hashable, Sendable {
    /// Why the dossier closed.
    public let reason: CloseReason
    /// The debtor of the dossier.
    public let debtor: Debtor.ID
    /// Consumer or business.
    public let debtorKind: DebtorKind
    /// The person's other dossiers still open after this one closed, at this client and every other
    /// one (`PersonKey`); 0 means this was the person's last. The name (and the payload key
    /// `debtorOpenDossiers`) is older than the count per person and stays, so stored journals still read.
    public let debtorOpenDossiers: Int
    /// Whether the client's mandate allowed going to court on the day of closing.
    public let mayGoToCourt: Bool
    /// Whether the dossier was under debt counselling when it closed.
    public let inDebtCounselling: Bool

    /// A closing with every detail given.
    public init(
        reason: CloseReason, debtor: Debtor.ID, debtorKind: DebtorKind, debtorOpenDossiers: Int,
        mayGoToCourt: Bool, inDebtCounselling: Bool
    ) {
        precondition(debtorOpenDossiers >= 0, "open dossiers cannot be negative")
        self.reason = reason
        self.debtor = debtor
        self.debtorKind = debtorKind
        self.debtorOpenDossiers = debtorOpenDossiers
        self.mayGoToCourt = mayGoToCourt
        self.inDebtCounselling = inDebtCounselling
    }

    /// Paid or settled: the debt was resolved without court (minnelijk).
    public var isAmicable: Bool { reason == .paid || reason == .settled }

    /// The person is debt-free: this was their last open dossier at any client and it closed amicably.
    public var makesDebtorDebtFree: Bool { isAmicable && debtorOpenDossiers == 0 }
}
