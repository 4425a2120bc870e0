public import Money

/// A collection case: one debtor, one client, the claims between them, and where we stand.
public struct Dossier: Identifiable, Hashable, Sendable, Codable {
    /// A dossier's id: `CLIENT_REF/DEBTOR_REF#N`, N counting the debtor's dossiers at that client.
    public typealias ID = Identifier<Dossier>

    /// The dossier's id.
    public let id: ID
    /// The client on whose behalf we collect.
    public let clientID: Client.ID
    /// The debtor who owes.
    public let debtorID: Debtor.ID
    /// The day the dossier was opened.
    public let openedDay: Day
    /// Where the dossier is in its lifecycle.
    public var state: DossierState {
        didSet { if state == .closed { nextActionDay = nil } }
    }
    /// The day the daily run should next look at this dossier; nil when nothing is planned, and
    /// always nil once the dossier is closed (the store's plan of a day reads its index of next
    /// action days alone, without looking up each dossier's state).
    public var nextActionDay: Day? {
        didSet { if state == .closed { nextActionDay = nil } }
    }
    /// Conditions that change what we may do.
    public var flags: DossierFlags
    /// Why and when the dossier closed; set exactly when `state == .closed`.
    public var closure: DossierClosure?
    /// Optimistic concurrency: the store bumps it on every write and refuses a write whose
    /// expected version is stale.
    public var version: Int64

    /// A new dossier in state `.new`, due for its first action on `openedDay`.
    public init(
        id: ID, clientID: Client.ID, debtorID: Debtor.ID, openedDay: Day, state: DossierState = .new,
        nextActionDay: Day? = nil, flags: DossierFlags = [], closure: DossierClosure? = nil, version: Int64 = 1
    ) {
        precondition((state == .closed) == (closure != nil), "a dossier has a closure exactly when it is closed")
        self.id = id
        self.clientID = clientID
        self.debtorID = debtorID
        self.openedDay = openedDay
        self.state = state
        self.nextActionDay = state == .closed ? nil : nextActionDay
        self.flags = flags
        self.closure = closure
        self.version = version
    }

    /// The id of the `ordinal`-th dossier (from 1) of `debtor`.
    public static func id(debtor: Debtor.ID, ordinal: Int) -> ID { ID("\(debtor.rawValue)#\(ordinal)") }

    /// Closes the dossier on `day` for `reason`; nothing is planned after that.
    public mutating func close(on day: Day, reason: CloseReason) {
        state = .closed
        closure = DossierClosure(day: day, reason: reason)
        nextActionDay = nil
    }
}

/// The lifecycle of a dossier.
public enum DossierState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Imported, nothing sent yet.
    case new
    /// Reminders in the client's name before the 14-day letter (pre-incasso).
    case preCollection
    /// The 14-day letter (14-dagenbrief, art. 6:96 lid 6 BW) was sent; waiting for its deadline.
    case reminderLetter
    /// Collecting: reminders, calls, e-mails.
    case collecting
    /// A payment arrangement runs.
    case arrangement
    /// Paused until a person decides (e.g. a vulnerability flag awaiting review).
    case onHold
    /// Handed to a bailiff or court (the legal hand-off, step 7).
    case legal
    /// Finished; see the closure reason.
    case closed
    /// Payment of the whole amount is deferred (uitstel) until a day.
    case deferred
    /// The debtor disputes the claim: no contact, interest frozen, until resolved.
    case disputed
    /// The debtor is in debt counselling (schuldhulpverlening, WSNP): collection frozen.
    case inDebtCounselling
    /// The recovery investigation (verhaalsonderzoek) before any legal step.
    case screening
    /// The debtor lives abroad: the partner office of that country collects.
    case referredAbroad
}

/// Conditions on a dossier, as a set of flags.
public struct DossierFlags: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The debtor disputes the claim: collection stops until it is resolved.
    public static let disputed = DossierFlags(rawValue: 1 << 0)
    /// Interest and costs are frozen.
    public static let frozen = DossierFlags(rawValue: 1 << 1)
    /// Signs of vulnerability: a person, not the strategy, decides the next step.
    public static let vulnerable = DossierFlags(rawValue: 1 << 2)
    /// The debtor is in a debt counselling programme (schuldhulpverlening, WSNP).
    public static let inDebtCounselling = DossierFlags(rawValue: 1 << 3)
    /// The debtor lives abroad: other law and channels may apply.
    public static let abroad = DossierFlags(rawValue: 1 << 4)
    /// At least one claim has prescribed (verjaard): it may not be collected as if enforceable.
    public static let prescribed = DossierFlags(rawValue: 1 << 5)
    /// A recovery investigation advised against a lawsuit, or the mandate forbids one: no legal route.
    public static let legalRouteClosed = DossierFlags(rawValue: 1 << 6)
    /// A person reviewed the vulnerability flag and allowed contact again.
    public static let vulnerabilityReviewed = DossierFlags(rawValue: 1 << 7)
}

/// When and why a dossier closed.
public struct DossierClosure: Hashable, Sendable, Codable {
    /// The day of closing.
    public let day: Day
    /// The reason.
    public let reason: CloseReason

    /// A closure on `day` for `reason`.
    public init(day: Day, reason: CloseReason) {
        self.day = day
        self.reason = reason
    }
}

/// Why a dossier closed.
public enum CloseReason: String, Hashable, Sendable, Codable, CaseIterable {
    case paid, settled, writtenOff, prescribed, referred, handedToCourt, withdrawn
}
