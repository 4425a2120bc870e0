public import Money

/// A creditor (opdrachtgever) that hands its unpaid invoices to Ademruimte.
public struct Client: Identifiable, Hashable, Sendable, Codable {
    /// The client's id is its reference (`CLIENT_REF`), e.g. `ACME`.
    public typealias ID = Identifier<Client>

    /// The client reference.
    public let id: ID
    /// The client's name as it appears on letters.
    public var name: String
    /// What the client allows us to do on its behalf.
    public var mandate: Mandate
    /// How letters, e-mails and pages look when sent in the client's name.
    public var brand: Brand
    /// Which collection strategy the daily run applies to this client's dossiers.
    public var strategy: StrategyReference

    /// A client with the default mandate, a brand in its own name and the default strategy.
    public init(
        id: ID, name: String, mandate: Mandate = .standard, brand: Brand? = nil, strategy: StrategyReference = .standard
    ) {
        self.id = id
        self.name = name
        self.mandate = mandate
        self.brand = brand ?? Brand(name: name)
        self.strategy = strategy
    }

    /// True when `reference` can be a client reference: 1 to 64 letters, digits, `-`, `_` or `.`.
    public static func isValidReference(_ reference: String) -> Bool {
        (1...64).contains(reference.utf8.count)
            && reference.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F || byte == 0x2E
            }
    }
}

/// The mandate (opdracht): the limits within which we may collect for a client.
public struct Mandate: Hashable, Sendable, Codable {
    /// Whether we may freeze interest for a debtor in hardship (rentebevriezing).
    public var mayFreezeInterest: Bool
    /// The longest payment arrangement we may agree without asking the client, in months.
    public var maxArrangementMonths: Int
    /// Whether we may contact a debtor's debt counsellor (schuldhulpverlening) directly.
    public var mayContactDebtCounsellors: Bool
    /// Whether we may hand a dossier to a bailiff for court proceedings.
    public var mayGoToCourt: Bool
    /// Our commission on amounts collected.
    public var commission: Rate
    /// Whether the client waives statutory interest (art. 6:119/6:119a BW) on all its files: the
    /// engine then charges none and journals the whole collection as an interest freeze
    /// (`FreezeKind.waived`), so the social report counts the interest not charged. False by default:
    /// interest is charged except during a freeze.
    public var waivesStatutoryInterest: Bool

    /// A mandate with every field given.
    public init(
        mayFreezeInterest: Bool, maxArrangementMonths: Int, mayContactDebtCounsellors: Bool, mayGoToCourt: Bool,
        commission: Rate, waivesStatutoryInterest: Bool = false
    ) {
        precondition(maxArrangementMonths >= 0, "arrangement months cannot be negative")
        self.mayFreezeInterest = mayFreezeInterest
        self.maxArrangementMonths = maxArrangementMonths
        self.mayContactDebtCounsellors = mayContactDebtCounsellors
        self.mayGoToCourt = mayGoToCourt
        self.commission = commission
        self.waivesStatutoryInterest = waivesStatutoryInterest
    }

    private enum CodingKeys: String, CodingKey {
        case mayFreezeInterest, maxArrangementMonths, mayContactDebtCounsellors, mayGoToCourt, commission
        case waivesStatutoryInterest
    }

    /// Decodes a stored mandate; one stored before `waivesStatutoryInterest` existed has no such key
    /// and keeps charging interest, as it did.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let months = try container.decode(Int.self, forKey: .maxArrangementMonths)
        guard months >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .maxArrangementMonths, in: container, debugDescription: "arrangement months cannot be negative")
        }
        self.init(
            mayFreezeInterest: try container.decode(Bool.self, forKey: .mayFreezeInterest),
            maxArrangementMonths: months,
            mayContactDebtCounsellors: try container.decode(Bool.self, forKey: .mayContactDebtCounsellors),
            mayGoToCourt: try container.decode(Bool.self, forKey: .mayGoToCourt),
            commission: try container.decode(Rate.self, forKey: .commission),
            waivesStatutoryInterest: try container.decodeIfPresent(Bool.self, forKey: .waivesStatutoryInterest) ?? false
        )
    }

    /// Encodes the mandate; `waivesStatutoryInterest` only when set, so a mandate that charges interest
    /// stays byte for byte what it was before the field existed (stored JSON and state digests unchanged).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mayFreezeInterest, forKey: .mayFreezeInterest)
        try container.encode(maxArrangementMonths, forKey: .maxArrangementMonths)
        try container.encode(mayContactDebtCounsellors, forKey: .mayContactDebtCounsellors)
        try container.encode(mayGoToCourt, forKey: .mayGoToCourt)
        try container.encode(commission, forKey: .commission)
        if waivesStatutoryInterest { try container.encode(true, forKey: .waivesStatutoryInterest) }
    }

    /// The default mandate `adem client add` gives: social by default (freeze allowed, 12 months,
    /// counsellors allowed), no court without an explicit change, 15% commission.
    public static let standard = Mandate(
        mayFreezeInterest: true,
        maxArrangementMonths: 12,
        mayContactDebtCounsellors: true,
        mayGoToCourt: false,
        commission: Rate(basisPoints: 1500)
    )
}

/// The look of everything sent in a client's name.
public struct Brand: Hashable, Sendable, Codable {
    /// The name shown as sender.
    public var name: String
    /// The main colour as `#RRGGBB`.
    public var primaryColour: String
    /// The accent colour as `#RRGGBB`.
    public var accentColour: String
    /// A path or URL of the logo, if the client supplied one.
    public var logo: String?
    /// The addresses messages are sent from.
    public var senderAddresses: SenderAddresses

    /// A brand with neutral colours and no logo.
    public init(
        name: String, primaryColour: String = "#1F4E79", accentColour: String = "#F2A900", logo: String? = nil,
        senderAddresses: SenderAddresses = SenderAddresses()
    ) {
        self.name = name
        self.primaryColour = primaryColour
        self.accentColour = accentColour
        self.logo = logo
        self.senderAddresses = senderAddresses
    }
}

/// The sender addresses of a brand, one per channel.
public struct SenderAddresses: Hashable, Sendable, Codable {
    /// The From address of e-mails.
    public var email: String?
    /// The sender name or number of text messages (at most 11 characters for a name).
    public var sms: String?
    /// The return address printed on letters.
    public var postal: String?

    /// Sender addresses; all optional until the client supplies them.
    public init(email: String? = nil, sms: String? = nil, postal: String? = nil) {
        self.email = email
        self.sms = sms
        self.postal = postal
    }
}

/// The name of a collection strategy the Engine knows (the steps, their timing and channels).
public struct StrategyReference: Hashable, Sendable, Codable {
    /// The strategy's name, e.g. `standard-consumer`.
    public var name: String

    /// A reference to the strategy called `name`.
    public init(name: String) { self.name = name }

    /// The strategy new clients get.
    public static let standard = StrategyReference(name: "standard")
}
