public import Law
public import Money

/// The payload keys of the report events (`docs/journal-payloads.md`).
public enum ReportPayloadKey: String, Hashable, Sendable, CaseIterable {
    case client, debtor, debtorKind, amount, channel, direction, months, monthlyInstalment
    case kind, previousFreezeEnded, interestAvoided, outcome, country, reason, debtorOpenDossiers
    case mayGoToCourt, debtCounselling, score
}

/// Why a journal event is not a report event the contract allows.
public enum ReportPayloadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The report does not read this event type.
    case notAReportEvent(JournalEventType)
    /// A required key is missing.
    case missing(ReportPayloadKey, JournalEventType)
    /// A key's value is not in the contract's format.
    case invalid(ReportPayloadKey, String, JournalEventType)

    public var description: String {
        switch self {
        case .notAReportEvent(let type): "the report does not read \(type.rawValue) events"
        case .missing(let key, let type): "\(type.rawValue) without \(key.rawValue)"
        case .invalid(let key, let value, let type): "\(type.rawValue): '\(value)' is not a valid \(key.rawValue)"
        }
    }
}

/// Reads payload values in the contract's formats.
struct PayloadReader {
    let event: JournalEvent

    func text(_ key: ReportPayloadKey) throws(ReportPayloadError) -> String {
        guard let value = event.payload[key.rawValue], !value.isEmpty else { throw .missing(key, event.type) }
        return value
    }

    func invalid(_ key: ReportPayloadKey, _ value: String) -> ReportPayloadError { .invalid(key, value, event.type) }

    /// A raw-value enum.
    func value<Value: RawRepresentable>(_ key: ReportPayloadKey, as: Value.Type) throws(ReportPayloadError) -> Value
    where Value.RawValue == String {
        let raw = try text(key)
        guard let value = Value(rawValue: raw) else { throw invalid(key, raw) }
        return value
    }

    /// An amount in its canonical form `1234.56`, at least `minimumCents`.
    func money(_ key: ReportPayloadKey, minimumCents: Int64) throws(ReportPayloadError) -> Money {
        let raw = try text(key)
        guard let amount = try? Money(parsing: raw), amount.description == raw, amount.cents >= minimumCents
        else { throw invalid(key, raw) }
        return amount
    }

    /// A whole number in `range`, written without sign or leading zeros.
    func integer(_ key: ReportPayloadKey, in range: ClosedRange<Int>) throws(ReportPayloadError) -> Int {
        let raw = try text(key)
        guard let number = Int(raw), String(number) == raw, range.contains(number) else { throw invalid(key, raw) }
        return number
    }

    /// `true` or `false`.
    func flag(_ key: ReportPayloadKey) throws(ReportPayloadError) -> Bool {
        switch try text(key) {
        case "true": return true
        case "false": return false
        case let raw: throw invalid(key, raw)
        }
    }

    /// An ISO day, or nil when the key is absent.
    func optionalDay(_ key: ReportPayloadKey) throws(ReportPayloadError) -> Day? {
        guard let raw = event.payload[key.rawValue] else { return nil }
        guard let day = Day(iso: raw) else { throw invalid(key, raw) }
        return day
    }
}

extension ReportFact {
    /// Reads the fact of an event of `type` from its payload.
    init(type: JournalEventType, reader: PayloadReader) throws(ReportPayloadError) {
        switch type {
        case .dossierOpened:
            self = .dossierOpened(
                debtor: Debtor.ID(try reader.text(.debtor)),
                debtorKind: try reader.value(.debtorKind, as: DebtorKind.self))
        case .paymentReceived:
            self = .paymentReceived(amount: try reader.money(.amount, minimumCents: 1))
        case .contactDelivered:
            self = .contactDelivered(channel: try reader.value(.channel, as: Channel.self))
        case .callMade:
            self = .callMade(direction: try reader.value(.direction, as: CallDirection.self))
        case .portalLogin:
            self = .portalLogin
        case .arrangementAgreed:
            self = .arrangementAgreed(
                months: try reader.integer(.months, in: 1...600),
                monthlyInstalment: try reader.money(.monthlyInstalment, minimumCents: 1))
        case .freezeStarted:
            self = .freezeStarted(
                kind: try reader.value(.kind, as: FreezeKind.self),
                previousFreezeEnded: try reader.optionalDay(.previousFreezeEnded))
        case .freezeEnded:
            self = .freezeEnded(
                kind: try reader.value(.kind, as: FreezeKind.self),
                interestAvoided: try reader.money(.interestAvoided, minimumCents: 0))
        case .screened:
            self = .screened(outcome: try reader.value(.outcome, as: ScreeningOutcome.self))
        case .referred:
            self = .referred(try Referral(reader: reader))
        case .closed:
            self = .closed(
                DossierClosing(
                    reason: try reader.value(.reason, as: CloseReason.self),
                    debtor: Debtor.ID(try reader.text(.debtor)),
                    debtorKind: try reader.value(.debtorKind, as: DebtorKind.self),
                    debtorOpenDossiers: try reader.integer(.debtorOpenDossiers, in: 0...Int(Int32.max)),
                    mayGoToCourt: try reader.flag(.mayGoToCourt),
                    inDebtCounselling: try reader.flag(.debtCounselling)))
        case .surveyAnswered:
            self = .surveyAnswered(score: try reader.integer(.score, in: 1...5))
        default:
            throw .notAReportEvent(type)
        }
    }

    /// The payload fields of the fact, without `client`.
    var payloadFields: [String: String] {
        var fields: [ReportPayloadKey: String] = [:]
        switch self {
        case .dossierOpened(let debtor, let debtorKind):
            fields = [.debtor: debtor.rawValue, .debtorKind: debtorKind.rawValue]
        case .paymentReceived(let amount):
            fields = [.amount: amount.description]
        case .contactDelivered(let channel):
            fields = [.channel: channel.rawValue]
        case .callMade(let direction):
            fields = [.direction: direction.rawValue]
        case .portalLogin:
            break
        case .arrangementAgreed(let months, let monthlyInstalment):
            fields = [.months: String(months), .monthlyInstalment: monthlyInstalment.description]
        case .freezeStarted(let kind, let previousFreezeEnded):
            fields = [.kind: kind.rawValue]
            fields[.previousFreezeEnded] = previousFreezeEnded?.description
        case .freezeEnded(let kind, let interestAvoided):
            fields = [.kind: kind.rawValue, .interestAvoided: interestAvoided.description]
        case .screened(let outcome):
            fields = [.outcome: outcome.rawValue]
        case .referred(.debtCounselling):
            fields = [.kind: "debtCounselling"]
        case .referred(.abroad(let country)):
            fields = [.kind: "abroad", .country: country.code]
        case .closed(let closing):
            fields = [
                .reason: closing.reason.rawValue, .debtor: closing.debtor.rawValue,
                .debtorKind: closing.debtorKind.rawValue,
                .debtorOpenDossiers: String(closing.debtorOpenDossiers), .mayGoToCourt: String(closing.mayGoToCourt),
                .debtCounselling: String(closing.inDebtCounselling),
            ]
        case .surveyAnswered(let score):
            fields = [.score: String(score)]
        }
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.key.rawValue, $0.value) })
    }
}

extension Referral {
    init(reader: PayloadReader) throws(ReportPayloadError) {
        switch try reader.text(.kind) {
        case "debtCounselling":
            self = .debtCounselling
        case "abroad":
            let raw = try reader.text(.country)
            guard raw.count == 2, let country = CountryCode(raw), country.code == raw else {
                throw reader.invalid(.country, raw)
            }
            self = .abroad(country: country)
        case let raw:
            throw reader.invalid(.kind, raw)
        }
    }
}

/// Constructors of the events the social report reads, with exactly the keys of the contract: the
/// engine, the portal and the channels build their events through these.
extension JournalEvent {
    /// `dossierOpened` for `debtor` of `client`.
    public static func dossierOpened(
        _ dossier: Dossier.ID, on day: Day, client: Client.ID, debtor: Debtor.ID,
        debtorKind: DebtorKind
    ) -> JournalEvent {
        report(dossier, day, client, .dossierOpened(debtor: debtor, debtorKind: debtorKind))
    }

    /// `paymentReceived` of `amount` (positive, gross).
    public static func paymentReceived(_ dossier: Dossier.ID, on day: Day, client: Client.ID, amount: Money)
        -> JournalEvent
    {
        precondition(amount.isPositive, "a payment received is positive")
        return report(dossier, day, client, .paymentReceived(amount: amount))
    }

    /// `contactDelivered` through `channel`.
    public static func contactDelivered(_ dossier: Dossier.ID, on day: Day, client: Client.ID, channel: Channel)
        -> JournalEvent
    {
        report(dossier, day, client, .contactDelivered(channel: channel))
    }

    /// `callMade` in `direction`.
    public static func callMade(_ dossier: Dossier.ID, on day: Day, client: Client.ID, direction: CallDirection)
        -> JournalEvent
    {
        report(dossier, day, client, .callMade(direction: direction))
    }

    /// `portalLogin`: a successful log-in.
    public static func portalLogin(_ dossier: Dossier.ID, on day: Day, client: Client.ID) -> JournalEvent {
        report(dossier, day, client, .portalLogin)
    }

    /// `arrangementAgreed` of `months` instalments of `monthlyInstalment`.
    public static func arrangementAgreed(
        _ dossier: Dossier.ID, on day: Day, client: Client.ID, months: Int,
        monthlyInstalment: Money
    ) -> JournalEvent {
        precondition(months >= 1 && monthlyInstalment.isPositive, "an arrangement has months and a positive instalment")
        return report(dossier, day, client, .arrangementAgreed(months: months, monthlyInstalment: monthlyInstalment))
    }

    /// `freezeStarted` of `kind`; `previousFreezeEnded` is the end day of the dossier's previous freeze.
    public static func freezeStarted(
        _ dossier: Dossier.ID, on day: Day, client: Client.ID, kind: FreezeKind,
        previousFreezeEnded: Day?
    ) -> JournalEvent {
        precondition(previousFreezeEnded.map { $0 <= day } ?? true, "a dossier's freezes do not overlap")
        return report(dossier, day, client, .freezeStarted(kind: kind, previousFreezeEnded: previousFreezeEnded))
    }

    /// `freezeEnded` of `kind`, with the interest the whole freeze kept from being charged.
    public static func freezeEnded(
        _ dossier: Dossier.ID, on day: Day, client: Client.ID, kind: FreezeKind,
        interestAvoided: Money
    ) -> JournalEvent {
        precondition(!interestAvoided.isNegative, "interest avoided is not negative")
        return report(dossier, day, client, .freezeEnded(kind: kind, interestAvoided: interestAvoided))
    }

    /// `screened` with the recovery investigation's `outcome`.
    public static func screened(_ dossier: Dossier.ID, on day: Day, client: Client.ID, outcome: ScreeningOutcome)
        -> JournalEvent
    {
        report(dossier, day, client, .screened(outcome: outcome))
    }

    /// `referred` to debt counselling or abroad.
    public static func referred(_ dossier: Dossier.ID, on day: Day, client: Client.ID, to referral: Referral)
        -> JournalEvent
    {
        report(dossier, day, client, .referred(referral))
    }

    /// `closed` with the details the report needs.
    public static func closed(_ dossier: Dossier.ID, on day: Day, client: Client.ID, closing: DossierClosing)
        -> JournalEvent
    {
        report(dossier, day, client, .closed(closing))
    }

    /// `surveyAnswered` with `score` 1-5.
    public static func surveyAnswered(_ dossier: Dossier.ID, on day: Day, client: Client.ID, score: Int) -> JournalEvent
    {
        precondition((1...5).contains(score), "a survey score is 1-5")
        return report(dossier, day, client, .surveyAnswered(score: score))
    }

    /// The event with `fields` added for readers other than the report (audit, the import's id).
    /// They must not reuse a key of the contract: the report's keys are only ever written by the
    /// constructors above.
    public func addingPayload(_ fields: [String: String]) -> JournalEvent {
        precondition(
            fields.keys.allSatisfy { ReportPayloadKey(rawValue: $0) == nil },
            "extra payload keys must not be report keys")
        var payload = self.payload
        payload.fields.merge(fields) { existing, _ in existing }
        return JournalEvent(
            sequence: sequence, dossierID: dossierID, day: day, type: type, payload: payload, recordedAt: recordedAt)
    }

    private static func report(_ dossier: Dossier.ID, _ day: Day, _ client: Client.ID, _ fact: ReportFact)
        -> JournalEvent
    {
        ReportEvent(dossierID: dossier, day: day, clientID: client, fact: fact).journalEvent
    }
}
