import Domain
public import Money

/// What portfolio to generate: how many clients and dossiers, over which year, from which seed.
public struct PortfolioSpec: Sendable, Equatable {
    /// The year whose hand-overs are generated.
    public let year: Int
    /// The number of clients (creditors).
    public let clients: Int
    /// The number of dossiers over all clients.
    public let dossiers: Int
    /// The seed: the same spec and seed give the same portfolio.
    public let seed: UInt64

    /// A spec; at least one dossier per client.
    public init(year: Int, clients: Int, dossiers: Int, seed: UInt64) {
        precondition(clients >= 1 && dossiers >= clients, "at least one dossier per client")
        self.year = year
        self.clients = clients
        self.dossiers = dossiers
        self.seed = seed
    }
}

/// One generated client: its reference, name, sector and how many dossiers it hands over.
public struct SyntheticClient: Sendable, Equatable {
    /// The client reference, `C00001` and up.
    public let reference: String
    /// A made-up company name.
    public let name: String
    /// The client's sector.
    public let sector: Sector
    /// The number of dossiers it hands over in the year.
    public let dossiers: Int
    /// The client's position (0-based), which seeds its own random stream.
    public let index: Int
}

/// One monthly hand-over of a client: the day it arrives and the claims as import CSV.
public struct HandOver: Sendable, Equatable {
    /// The day the claims are handed over (the dossiers' opening day).
    public let day: Day
    /// The claims in the import format of docs/import-format.md.
    public let csv: String
    /// The number of claim rows in `csv`.
    public let rows: Int
}

/// Generates a synthetic portfolio: clients of several sectors, and per client the monthly
/// hand-overs of claims in the real import format, so a simulation runs through the real import.
public enum PortfolioGenerator {
    /// The header of every generated file.
    public static let header =
        "invoice_number,debtor_ref,debtor_type,name,street,house_number,postcode,city,country,invoice_date,due_date,amount,email,phone,iban,description,language"

    /// The share of businesses among persons who owe several clients (before the profile's
    /// `businessLikelihood`): about the sectors' average, as the reference's debtors are 10% businesses.
    public static let multiCreditorBusinessShare = 0.09

    /// The share of debtors who live abroad.
    public static let abroadShare = 0.12

    /// The clients, with the dossiers spread over them by sector volume and a heavy tail (a few
    /// large clients hand over most dossiers). The counts add up to `spec.dossiers` exactly.
    ///
    /// The mix is the same at every size: the sectors' shares of the clients follow
    /// `Sector.clientWeight` and their shares of the dossiers `clientWeight x volumeWeight` (largest
    /// remainder, among the sectors that have a client), and only within a sector do the clients'
    /// sizes vary at random. So a run of 10,000 dossiers over 67 clients holds the same kinds of
    /// claims as the reference year's 783,180 over 5,217, and calibrates the same.
    public static func clients(_ spec: PortfolioSpec) -> [SyntheticClient] {
        var random = SeededRandom(seed: spec.seed, stream: 0)
        let clientsPerSector = largestRemainder(spec.clients, over: Sector.allCases.map(\.clientWeight))
        var sectors = zip(Sector.allCases, clientsPerSector).flatMap { Array(repeating: $0, count: $1) }
        for index in sectors.indices.reversed() where index > 0 {
            sectors.swapAt(index, random.integer(in: 0...index))
        }
        let tails = sectors.map { _ in random.logNormal(median: 1, sigma: 1.1) }
        let present = Sector.allCases.filter(sectors.contains)
        let perSector = largestRemainder(spec.dossiers - spec.clients, over: present.map { $0.clientWeight * $0.volumeWeight })
        var counts = [Int](repeating: 1, count: spec.clients)
        for (position, sector) in present.enumerated() {
            let members = sectors.indices.filter { sectors[$0] == sector }
            for (member, share) in zip(members, largestRemainder(perSector[position], over: members.map { tails[$0] })) {
                counts[member] += share
            }
        }
        return sectors.enumerated().map { position, sector in
            let word = SyntheticNames.businessWords[position % SyntheticNames.businessWords.count]
            return SyntheticClient(
                reference: "C" + padded(position + 1, to: 5), name: "\(sectorName(sector)) \(word) \(position + 1)",
                sector: sector, dossiers: counts[position], index: position)
        }
    }

    /// The client's hand-overs: its dossiers spread over the twelve months of the year, each
    /// arriving on the first working day of its month.
    public static func handOvers(of client: SyntheticClient, spec: PortfolioSpec, debtors: BehaviourModel? = nil)
        -> [HandOver]
    {
        (1...12).compactMap { handOver(of: client, month: $0, spec: spec, debtors: debtors) }
    }

    /// The client's hand-over of one month (1-12), or nil when it hands nothing over that month.
    /// Each month draws from its own stream, so a simulation generates one month at a time and
    /// never holds the year's files. `debtors` (the simulation's behaviour model; by default the
    /// reference knobs with the spec's seed) says who will live close to the protected income: their
    /// claims are larger (`BehaviourKnobs.tightDebtFactor`).
    public static func handOver(
        of client: SyntheticClient, month: Int, spec: PortfolioSpec, debtors: BehaviourModel? = nil
    ) -> HandOver? {
        precondition((1...12).contains(month), "a month is 1-12")
        let perMonth = dossiersPerMonth(of: client)
        guard perMonth[month - 1] > 0 else { return nil }
        var random = SeededRandom(seed: spec.seed, stream: 1, substream: UInt64(client.index) * 16 + UInt64(month))
        let day = firstWorkingDay(year: spec.year, month: month)
        let first = perMonth[..<(month - 1)].reduce(0, +) + 1
        var lines = [header]
        let model = debtors ?? BehaviourModel(seed: spec.seed)
        for dossierNumber in first..<(first + perMonth[month - 1]) {
            let debtorID = Debtor.id(client: Client.ID(client.reference), reference: debtorReference(dossierNumber))
            let dossierID = Dossier.id(debtor: debtorID, ordinal: 1)
            let profile = model.debtor(dossierID).profile
            let factor = model.knobs.debtFactor(of: profile)
            let person = sharedPerson(of: dossierID, month: month, profile: profile, spec: spec, knobs: model.knobs)
            lines += rows(
                client: client, dossier: dossierNumber, handOver: day, amountFactor: factor,
                businessFactor: profile.businessLikelihood, person: person, random: &random)
        }
        return HandOver(day: day, csv: lines.joined(separator: "\n") + "\n", rows: lines.count - 1)
    }

    /// The person a dossier's debtor is when they owe several clients at once, or nil for a debtor
    /// of this client alone. A share (`BehaviourKnobs.multiCreditorShare`) of each month's dossiers
    /// belongs to such persons: each picks one of a pool of persons of the same month and behaviour
    /// profile, the pool sized so a person holds `multiCreditorDossiers` of those dossiers on
    /// average (some one, many two or three, a few more). The same profile, because a person acts
    /// alike towards each creditor; the same month, because someone who falls behind does so with
    /// several bills at once. Their dossiers at different clients carry the same name, address and
    /// contact data, so the store sees one person (`PersonKey`).
    static func sharedPerson(
        of dossierID: Dossier.ID, month: Int, profile: BehaviourProfile, spec: PortfolioSpec, knobs: BehaviourKnobs
    ) -> SeededRandom? {
        var random = SeededRandom(seed: spec.seed, stream: 3, substream: StableHash.of(dossierID.rawValue))
        guard random.chance(knobs.multiCreditorShare) else { return nil }
        let profileShare = (knobs.profileShares[profile] ?? 0) / BehaviourProfile.allCases.map { knobs.profileShares[$0] ?? 0 }.reduce(0, +)
        let dossiers = knobs.multiCreditorShare * profileShare * Double(spec.dossiers) / 12
        let pool = max(1, Int((dossiers / knobs.multiCreditorDossiers).rounded()))
        let slot = random.integer(in: 0...(pool - 1))
        return SeededRandom(seed: spec.seed, stream: 4, substream: StableHash.of("\(month)/\(profile.rawValue)/\(slot)"))
    }

    /// The day of the month's hand-overs (the first working day).
    public static func handOverDay(year: Int, month: Int) -> Day { firstWorkingDay(year: year, month: month) }

    /// How many dossiers the client hands over in each month.
    static func dossiersPerMonth(of client: SyntheticClient) -> [Int] {
        var perMonth = [Int](repeating: client.dossiers / 12, count: 12)
        for month in 0..<(client.dossiers % 12) { perMonth[(month * 5 + client.index) % 12] += 1 }
        return perMonth
    }

    /// The client's reference of the debtor of its `dossier`-th dossier: one debtor per dossier, so
    /// the import opens the dossier `Dossier.id(debtor:ordinal: 1)` for it.
    static func debtorReference(_ dossier: Int) -> String { "D\(padded(dossier, to: 6))" }

    /// The claim rows of one dossier (one debtor, one or more invoices), the amounts' median
    /// `amountFactor` times the sector's; the debtor is a business with `businessFactor` times the
    /// sector's share of businesses. A `person` (the stream of a person who owes several clients,
    /// `sharedPerson`) gives the debtor's identity, the same at every client.
    static func rows(
        client: SyntheticClient, dossier: Int, handOver: Day, amountFactor: Double, businessFactor: Double,
        person: SeededRandom? = nil, random: inout SeededRandom
    ) -> [String] {
        let sector = client.sector
        let debtor: Identity
        if var person {
            let mailbox = "p" + String(person.next() % 100_000_000_000, radix: 36)
            let isBusiness = person.chance(multiCreditorBusinessShare * businessFactor)
            debtor = identity(isBusiness: isBusiness, &person).with(mailbox: mailbox)
        } else {
            debtor = identity(isBusiness: random.chance(sector.businessShare * businessFactor), &random)
        }
        let email = debtor.hasEmail ? "debiteur.\(debtor.mailbox ?? "\(client.index + 1).\(dossier)")@example.org" : ""
        let debtorReference = debtorReference(dossier)
        let invoices = random.integer(in: sector.invoicesPerDossier)
        return (1...invoices).map { invoice in
            let age = random.integer(in: 20...75) + 30 * (invoices - invoice)
            let invoiceDay = handOver.adding(days: -age)
            let dueDay = invoiceDay.adding(days: sector == .publicTransport ? 21 : 14)
            let euros = random.logNormal(median: sector.amount.median * amountFactor, sigma: sector.amount.sigma)
            let amount = Money(cents: max(500, Int64((euros * 100).rounded())))
            let fields = [
                "\(client.reference)-\(padded(dossier, to: 6))-\(invoice)", debtorReference,
                debtor.isBusiness ? "business" : "consumer", debtor.name, debtor.street, debtor.houseNumber,
                debtor.postcode, debtor.town, debtor.country, invoiceDay.description, dueDay.description,
                amount.description, email, debtor.phone, debtor.iban, sector.invoiceDescription, debtor.language,
            ]
            return fields.joined(separator: ",")
        }
    }

    /// Who a generated debtor is: name, address and contact data.
    struct Identity {
        let isBusiness: Bool
        let name: String
        let street: String
        let houseNumber: String
        let postcode: String
        let town: String
        let country: String
        let hasEmail: Bool
        /// The mailbox of a person's own address (nil: one made from the client and dossier).
        let mailbox: String?
        let phone: String
        let iban: String
        let language: String

        /// The same identity with its own mailbox.
        func with(mailbox: String) -> Identity {
            Identity(
                isBusiness: isBusiness, name: name, street: street, houseNumber: houseNumber, postcode: postcode, town: town,
                country: country, hasEmail: hasEmail, mailbox: mailbox, phone: phone, iban: iban, language: language)
        }
    }

    /// Draws an identity from `random`: a person's own stream, or a dossier's.
    static func identity(isBusiness: Bool, _ random: inout SeededRandom) -> Identity {
        let country = random.chance(abroadShare) ? random.pick(SyntheticNames.abroad) : "NL"
        let first = SyntheticNames.firstNames[random.integer(in: 0...(SyntheticNames.firstNames.count - 1))]
        let surname = SyntheticNames.surnames[random.integer(in: 0...(SyntheticNames.surnames.count - 1))]
        let name =
            isBusiness
            ? "\(surname) \(SyntheticNames.businessWords[random.integer(in: 0...7)]) \(SyntheticNames.businessForms[random.integer(in: 0...3)])"
                .trimmingTrailingSpace
            : "\(first) \(surname)"
        let street = SyntheticNames.streets[random.integer(in: 0...(SyntheticNames.streets.count - 1))]
        let town =
            country == "NL"
            ? SyntheticNames.towns[random.integer(in: 0...(SyntheticNames.towns.count - 1))]
            : SyntheticNames.abroadTowns[country] ?? "Stad"
        let postcode = country == "NL" ? "\(random.integer(in: 1000...9999)) \(postcodeLetters(&random))" : "\(random.integer(in: 10000...99999))"
        let hasEmail = random.chance(0.85)
        let phone = random.chance(0.75) ? "+316\(padded(random.integer(in: 0...99_999_999), to: 8))" : ""
        let iban = random.chance(0.6) ? syntheticIBAN(&random) : ""
        return Identity(
            isBusiness: isBusiness, name: name, street: street, houseNumber: String(random.integer(in: 1...240)),
            postcode: postcode, town: town, country: country, hasEmail: hasEmail,
            mailbox: nil, phone: phone, iban: iban, language: country == "NL" || country == "BE" ? "nl" : "en")
    }

    /// `total` split in proportion to `weights` in whole numbers that add up to `total` exactly: each
    /// gets the whole part of its share, and the rest goes one by one to the largest remainders
    /// (ties to the earlier position).
    static func largestRemainder(_ total: Int, over weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * $0 / sum }
        var parts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), $1) > (exact[$1] - Double(parts[$1]), $0) }
        for index in order.prefix(total - parts.reduce(0, +)) { parts[index] += 1 }
        return parts
    }

    static func firstWorkingDay(year: Int, month: Int) -> Day {
        var day = Day(year: year, month: month, day: 1)!
        while day.weekday == .saturday || day.weekday == .sunday || (month == 1 && day.dayOfMonth == 1) {
            day = day.adding(days: 1)
        }
        return day
    }

    static func postcodeLetters(_ random: inout SeededRandom) -> String {
        let letters = Array("ABCEGHJKLMNPRTVWXZ")
        return String([letters[random.integer(in: 0...(letters.count - 1))], letters[random.integer(in: 0...(letters.count - 1))]])
    }

    /// A Dutch IBAN of an invented bank (`XADM`), valid by mod 97 so the import accepts it.
    static func syntheticIBAN(_ random: inout SeededRandom) -> String {
        let account = padded(random.integer(in: 0...999_999_999), to: 10)
        return (try? IBAN(countryCode: "NL", bban: "XADM" + account).electronic) ?? ""
    }

    static func sectorName(_ sector: Sector) -> String {
        switch sector {
        case .energy: return "Energie"
        case .telecom: return "Telecom"
        case .publicTransport: return "Vervoer"
        case .leasing: return "Lease"
        case .housing: return "Wonen"
        case .webshop: return "Webwinkel"
        }
    }

    static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension String {
    fileprivate var trimmingTrailingSpace: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
