public import Domain
import Law
import Money

// The progress and everything it holds write and read their canonical JSON directly: the daily run
// does both for every dossier it steps (docs/performance.md). Fields are written in key order, and
// a reader throws wherever `init(from:)` would read differently (a precondition of the value's
// initialiser, an older layout), so that `CanonicalJSONDecoder` reads such a text through Codable.
// `CanonicalJSONDirectTests` compares both ways over generated values. Fields at their default are
// left out and read back as that default, as `encode(to:)` and `init(from:)` do.

extension CollectionProgress: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("arrangement", arrangement)
        writer.field("circumstances", circumstances)
        writer.field("closingFrom", closingFrom)
        writer.field("collectionStartDay", collectionStartDay)
        writer.field("contactPausedUntil", contactPausedUntil)
        writer.field("costsCharged", costsCharged)
        if costsPaid != .zero { writer.field("costsPaid", costsPaid) }
        writer.field("deferredUntil", deferredUntil)
        writer.field("formatVersion", formatVersion)
        if !freezes.isEmpty { writer.field("freezes", freezes) { $0.object($1) } }
        if interestBooked != .zero { writer.field("interestBooked", interestBooked) }
        writer.field("interestBookedThrough", interestBookedThrough)
        if interestPaid != .zero { writer.field("interestPaid", interestPaid) }
        if !interruptions.isEmpty { writer.field("interruptions", interruptions) { $0.day($1) } }
        writer.field("lastContactStepDay", lastContactStepDay)
        writer.field("lastResponseDay", lastResponseDay)
        if lastResponseSequence != 0 { writer.field("lastResponseSequence", lastResponseSequence) }
        writer.field("lastStepDay", lastStepDay)
        writer.field("nextStepDay", nextStepDay)
        if nextStepIndex != 0 { writer.field("nextStepIndex", nextStepIndex) }
        if paymentsAllocated != .zero { writer.field("paymentsAllocated", paymentsAllocated) }
        if referredToDebtCounselling { writer.field("referredToDebtCounselling", true) }
        writer.field("reminderLetter", reminderLetter)
        if !repayments.isEmpty { writer.field("repayments", repayments) { $0.object($1) } }
        writer.field("resumeState", resumeState)
        writer.field("screening", screening)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        self.init()
        arrangement = try object.decode(ifPresent: "arrangement")
        circumstances = try object.decode(ifPresent: "circumstances")
        closingFrom = try object.day(ifPresent: "closingFrom")
        collectionStartDay = try object.day(ifPresent: "collectionStartDay")
        contactPausedUntil = try object.day(ifPresent: "contactPausedUntil")
        costsCharged = try object.money(ifPresent: "costsCharged")
        costsPaid = try object.money(ifPresent: "costsPaid") ?? .zero
        deferredUntil = try object.day(ifPresent: "deferredUntil")
        formatVersion = try object.int("formatVersion")
        freezes = try object.array(ifPresent: "freezes") { try $0.decode() } ?? []
        interestBooked = try object.money(ifPresent: "interestBooked") ?? .zero
        interestBookedThrough = try object.day(ifPresent: "interestBookedThrough")
        interestPaid = try object.money(ifPresent: "interestPaid") ?? .zero
        interruptions = try object.array(ifPresent: "interruptions") { try $0.day() } ?? []
        lastContactStepDay = try object.day(ifPresent: "lastContactStepDay")
        lastResponseDay = try object.day(ifPresent: "lastResponseDay")
        lastResponseSequence = try object.int64(ifPresent: "lastResponseSequence") ?? 0
        lastStepDay = try object.day(ifPresent: "lastStepDay")
        nextStepDay = try object.day(ifPresent: "nextStepDay")
        nextStepIndex = try object.int(ifPresent: "nextStepIndex") ?? 0
        paymentsAllocated = try object.money(ifPresent: "paymentsAllocated") ?? .zero
        referredToDebtCounselling = try object.bool(ifPresent: "referredToDebtCounselling") ?? false
        reminderLetter = try object.decode(ifPresent: "reminderLetter")
        repayments = try object.array(ifPresent: "repayments") { try $0.decode() } ?? []
        resumeState = try object.raw(ifPresent: "resumeState")
        screening = try object.decode(ifPresent: "screening")
    }
}

extension ReminderLetterRecord: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("channel", channel)
        writer.field("costsDueFrom", costsDueFrom)
        writer.field("sentDay", sentDay)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        self.init(
            sentDay: try object.day("sentDay"), channel: try object.raw("channel"),
            costsDueFrom: try object.day("costsDueFrom"))
    }
}

extension PrincipalRepayment: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("amount", amount)
        writer.field("claimID", claimID.rawValue)
        writer.field("day", day)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        let amount = try object.money("amount")
        let claim = try object.string("claimID")
        guard amount.isPositive, !claim.isEmpty else { throw CanonicalJSONObject.Mismatch() }
        self.init(claimID: Claim.ID(claim), day: try object.day("day"), amount: amount)
    }
}

extension Freeze: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("from", from)
        writer.field("kind", kind)
        writer.field("through", through)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        let from = try object.day("from")
        let through = try object.day(ifPresent: "through")
        guard through.map({ $0 >= from.adding(days: -1) }) ?? true else { throw CanonicalJSONObject.Mismatch() }
        self.init(kind: try object.raw("kind"), from: from, through: through)
    }
}

extension ArrangementTerms: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("firstDueDay", firstDueDay)
        writer.field("monthlyInstalment", monthlyInstalment)
        writer.field("months", months)
        writer.field("total", total)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        let total = try object.money("total")
        let instalment = try object.money("monthlyInstalment")
        let months = try object.int("months")
        guard months >= 1, instalment.isPositive else { throw CanonicalJSONObject.Mismatch() }
        // The initialiser's checks, multiplied out without trapping: stored terms that overflow are
        // left to Codable, which keeps them as stored.
        let (covered, coveredOverflows) = instalment.cents.multipliedReportingOverflow(by: Int64(months))
        let (beforeLast, beforeLastOverflows) = instalment.cents.multipliedReportingOverflow(by: Int64(months - 1))
        guard !coveredOverflows, !beforeLastOverflows, covered >= total.cents, beforeLast < total.cents else {
            throw CanonicalJSONObject.Mismatch()
        }
        self.init(
            total: total, monthlyInstalment: instalment, months: months, firstDueDay: try object.day("firstDueDay"))
    }
}

extension SentSignal: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("day", day)
        writer.field("instalment", instalment)
        writer.field("kind", kind)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        self.init(instalment: try object.int("instalment"), kind: try object.raw("kind"), day: try object.day("day"))
    }
}

extension DebtorCircumstances: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("assets", assets)
        writer.field("fixedCosts", fixedCosts)
        writer.field("household", household)
        writer.field("housingCostsRaise", housingCostsRaise)
        writer.field("netIncome", netIncome)
        writer.field("otherDebts", otherDebts)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        let amounts = try ["netIncome", "housingCostsRaise", "fixedCosts", "assets", "otherDebts"].map {
            try object.money($0)
        }
        guard !amounts.contains(where: \.isNegative) else { throw CanonicalJSONObject.Mismatch() }
        self.init(
            netIncome: amounts[0], household: try object.raw("household"), housingCostsRaise: amounts[1],
            fixedCosts: amounts[2], assets: amounts[3], otherDebts: amounts[4])
    }
}

extension ScreeningResult: CanonicalJSONWritable, CanonicalJSONReadable {
    public func writeFields(to writer: inout CanonicalJSONWriter) {
        writer.field("estimatedCost", estimatedCost)
        writer.field("expectedRecovery", expectedRecovery)
        writer.field("isPositive", isPositive)
        writer.field("reason", reason)
    }

    public init(canonicalJSON object: CanonicalJSONObject) throws {
        self.init(
            isPositive: try object.bool("isPositive"), expectedRecovery: try object.money("expectedRecovery"),
            estimatedCost: try object.money("estimatedCost"), reason: try object.string("reason"))
    }
}
