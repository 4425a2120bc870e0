// A debtor's profile writes and reads its canonical JSON directly: the daily run reads the profile
// of every debtor it steps, and the claim import writes one for every new debtor
// (docs/performance.md). Fields are written in key order; a reader throws wherever `init(from:)`
// would read differently, so that `CanonicalJSONDecoder` reads such a text through Codable.

extension DebtorProfile: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("address", address)
        writer.field("birthDay", birthDay)
        writer.field("consent", consent)
        writer.field("email", email)
        writer.field("iban", iban)
        writer.field("isPseudonymised", isPseudonymised)
        writer.field("language", language)
        writer.field("name", name)
        writer.field("phone", phone)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        self.init(
            name: try object.string("name"), address: try object.decode("address"),
            email: try object.string(ifPresent: "email"), phone: try object.string(ifPresent: "phone"),
            iban: try object.string(ifPresent: "iban"), birthDay: try object.day(ifPresent: "birthDay"),
            language: try object.string("language"), consent: try object.decode("consent"),
            isPseudonymised: try object.bool("isPseudonymised"))
    }
}

extension PostalAddress: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("city", city)
        writer.field("country", country.code)
        writer.field("houseNumber", houseNumber)
        writer.field("postcode", postcode)
        writer.field("street", street)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        guard let country = CountryCode(try object.string("country")) else { throw CanonicalJSONObject.Mismatch() }
        self.init(
            street: try object.string("street"), houseNumber: try object.string(ifPresent: "houseNumber"),
            postcode: try object.string("postcode"), city: try object.string("city"), country: country)
    }
}

extension ChannelConsent: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("optedOut", optedOut) { $0.raw($1) }
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        let channels: [Channel] = try object.array("optedOut") { try $0.raw() }
        // The initialiser sorts and removes repeats; Codable keeps the list as stored.
        guard zip(channels, channels.dropFirst()).allSatisfy({ $0 < $1 }) else { throw CanonicalJSONObject.Mismatch() }
        self.init(optedOut: channels)
    }
}
