public import Law
public import Money

/// A person or business that owes a client money (schuldenaar).
public struct Debtor: Identifiable, Hashable, Sendable, Codable {
    /// A debtor's id: `CLIENT_REF/DEBTOR_REF`, so the same reference at two clients is two debtors.
    public typealias ID = Identifier<Debtor>

    /// The debtor's id.
    public let id: ID
    /// The client whose debtor this is.
    public let clientID: Client.ID
    /// The client's own reference for this debtor (`debtor_ref` in an import).
    public let reference: String
    /// Consumer or business: the law protects consumers more (art. 6:96 BW, WIK).
    public var kind: DebtorKind
    /// Contact data, address and preferences: the personal data retention may pseudonymise.
    public var profile: DebtorProfile

    /// A debtor of `clientID` known by the client as `reference`.
    public init(clientID: Client.ID, reference: String, kind: DebtorKind, profile: DebtorProfile) {
        self.id = Debtor.id(client: clientID, reference: reference)
        self.clientID = clientID
        self.reference = reference
        self.kind = kind
        self.profile = profile
    }

    /// The id of the debtor `reference` of `client`.
    public static func id(client: Client.ID, reference: String) -> ID { ID("\(client.rawValue)/\(reference)") }
}

/// The personal data held on a debtor.
public struct DebtorProfile: Hashable, Sendable, Codable {
    /// Full name or business name.
    public var name: String
    /// Postal address.
    public var address: PostalAddress
    /// E-mail address, if known.
    public var email: String?
    /// Phone number, if known.
    public var phone: String?
    /// Bank account (IBAN), if known.
    public var iban: String?
    /// Day of birth, if known (consumers only).
    public var birthDay: Day?
    /// Preferred language as an ISO 639-1 code (`nl`, `en`, ...).
    public var language: String
    /// Which channels we may use.
    public var consent: ChannelConsent
    /// True once retention replaced the personal data by placeholders.
    public var isPseudonymised: Bool

    /// A profile with every field given; consent defaults to "everything lawful, no opt-outs".
    public init(
        name: String, address: PostalAddress, email: String? = nil, phone: String? = nil, iban: String? = nil,
        birthDay: Day? = nil, language: String = "nl", consent: ChannelConsent = ChannelConsent(),
        isPseudonymised: Bool = false
    ) {
        self.name = name
        self.address = address
        self.email = email
        self.phone = phone
        self.iban = iban
        self.birthDay = birthDay
        self.language = language
        self.consent = consent
        self.isPseudonymised = isPseudonymised
    }

    /// The profile with all personal data replaced, keeping only the country and language (which
    /// the social report counts). `token` is a stable, non-identifying label such as `P-3f2a`.
    public func pseudonymised(token: String) -> DebtorProfile {
        DebtorProfile(
            name: token,
            address: PostalAddress(street: "-", houseNumber: nil, postcode: "-", city: "-", country: address.country),
            language: language,
            consent: ChannelConsent(optedOut: Channel.allCases),
            isPseudonymised: true
        )
    }
}

/// A postal address.
public struct PostalAddress: Hashable, Sendable, Codable {
    /// Street name.
    public var street: String
    /// House number with any addition, if given apart from the street.
    public var houseNumber: String?
    /// Postcode.
    public var postcode: String
    /// City.
    public var city: String
    /// Country.
    public var country: CountryCode

    /// An address.
    public init(street: String, houseNumber: String?, postcode: String, city: String, country: CountryCode) {
        self.street = street
        self.houseNumber = houseNumber
        self.postcode = postcode
        self.city = city
        self.country = country
    }
}

/// A channel through which we may reach a debtor.
public enum Channel: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case letter, email, sms, phone, portal

    public static func < (left: Channel, right: Channel) -> Bool { left.rawValue < right.rawValue }
}

/// Channel consent and opt-outs (AVG/GDPR, Telecommunicatiewet).
public struct ChannelConsent: Hashable, Sendable, Codable {
    /// Channels the debtor asked us not to use, sorted.
    public private(set) var optedOut: [Channel]

    /// Consent with the given opt-outs.
    public init(optedOut: [Channel] = []) { self.optedOut = Array(Set(optedOut)).sorted() }

    /// Whether `channel` may be used.
    public func allows(_ channel: Channel) -> Bool { !optedOut.contains(channel) }

    /// Records an opt-out of `channel`.
    public mutating func optOut(of channel: Channel) { self = ChannelConsent(optedOut: optedOut + [channel]) }
}
