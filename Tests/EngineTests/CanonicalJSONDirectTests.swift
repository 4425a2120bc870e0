import Domain
import Engine
import Foundation
import Law
import Money
import PropertyBased
import Testing

/// The progress and the debtor profile write and read their canonical JSON themselves. The text is
/// byte for byte what Codable makes of the same value, reading gives what Codable reads, and any text
/// the direct reader does not take as it is (another key order, an older layout, a value its
/// initialiser would refuse, a bad value) is read, or refused, exactly as Codable does.
@Suite struct CanonicalJSONDirectTests {
    /// The text through `Encodable`: in a context that only knows `Encodable`, the encoder's
    /// Codable path is the one chosen.
    static func codableText<Value: Encodable>(_ value: Value) throws -> String {
        try CanonicalJSONEncoder().encode(value)
    }

    /// The value through `Decodable`.
    static func codableValue<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        try CanonicalJSONDecoder().decode(type, from: text)
    }

    /// A small deterministic generator (a linear congruence) for values built from a seed.
    struct Source {
        var state: UInt64

        init(_ seed: Int) { state = UInt64(truncatingIfNeeded: seed) &* 6_364_136_223_846_793_005 &+ 1 }

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }

        mutating func chance() -> Bool { next(2) == 0 }

        mutating func day() -> Day { Day(iso: "2023-01-01")!.adding(days: next(1_500)) }
        mutating func maybeDay() -> Day? { chance() ? nil : day() }
        mutating func money(negative: Bool = true) -> Money {
            Money(cents: Int64(next(5_000_000)) - (negative ? 1_000_000 : 0))
        }
        mutating func text() -> String {
            let alphabet = ["a", "Z", "é", "€", "💶", "\"", "\\", "/", "\n", "\u{1}", " ", "0", "{", "ß"]
            return (0..<next(9)).map { _ in alphabet[next(alphabet.count)] }.joined()
        }
        mutating func pick<Value>(_ values: [Value]) -> Value { values[next(values.count)] }
    }

    static func progress(_ seed: Int) -> CollectionProgress {
        var source = Source(seed)
        var progress = CollectionProgress()
        progress.formatVersion = source.next(3)
        progress.lastStepDay = source.maybeDay()
        progress.lastResponseSequence = source.chance() ? 0 : Int64(source.next(1 << 30)) * Int64(source.next(1 << 20))
        progress.lastResponseDay = source.maybeDay()
        progress.nextStepIndex = source.next(40)
        progress.nextStepDay = source.maybeDay()
        progress.lastContactStepDay = source.maybeDay()
        progress.collectionStartDay = source.maybeDay()
        if source.chance() {
            progress.reminderLetter = ReminderLetterRecord(
                sentDay: source.day(), channel: source.pick(ReminderChannel.allCases), costsDueFrom: source.day())
        }
        progress.interestBooked = source.chance() ? .zero : source.money()
        progress.interestBookedThrough = source.maybeDay()
        progress.costsCharged = source.chance() ? nil : source.money()
        progress.paymentsAllocated = source.chance() ? .zero : source.money()
        progress.costsPaid = source.chance() ? .zero : source.money()
        progress.interestPaid = source.chance() ? .zero : source.money()
        progress.repayments = (0..<source.next(4)).map { _ in
            PrincipalRepayment(
                claimID: Claim.ID("C\(source.next(99))/\(source.text())x"), day: source.day(),
                amount: Money(cents: Int64(1 + source.next(100_000))))
        }
        progress.freezes = (0..<source.next(4)).map { _ in
            let from = source.day()
            return Freeze(
                kind: source.pick(FreezeKind.allCases), from: from,
                through: source.chance() ? nil : from.adding(days: source.next(300) - 1))
        }
        progress.contactPausedUntil = source.maybeDay()
        if source.chance() {
            let months = 1 + source.next(36)
            let instalment = Money(cents: Int64(1 + source.next(50_000)))
            let total = instalment * (months - 1) + Money(cents: Int64(1 + source.next(Int(instalment.cents))))
            let terms = ArrangementTerms(
                total: total, monthlyInstalment: instalment, months: months, firstDueDay: source.day())
            let sent = (0..<source.next(5)).map { _ in
                SentSignal(
                    instalment: 1 + source.next(months), kind: source.pick(SentSignal.Kind.allCases), day: source.day())
            }
            progress.arrangement = ArrangementRecord(
                terms: terms, agreedDay: source.day(), paidBefore: source.money(), sent: sent)
        }
        progress.deferredUntil = source.maybeDay()
        progress.resumeState = source.chance() ? nil : source.pick(DossierState.allCases)
        progress.interruptions = (0..<source.next(4)).map { _ in source.day() }
        if source.chance() {
            progress.circumstances = DebtorCircumstances(
                netIncome: source.money(negative: false), household: source.pick(Household.allCases),
                housingCostsRaise: source.money(negative: false), fixedCosts: source.money(negative: false),
                assets: source.money(negative: false), otherDebts: source.money(negative: false))
        }
        progress.referredToDebtCounselling = source.chance()
        if source.chance() {
            progress.screening = ScreeningResult(
                isPositive: source.chance(), expectedRecovery: source.money(), estimatedCost: source.money(),
                reason: source.text())
        }
        progress.closingFrom = source.maybeDay()
        return progress
    }

    static func profile(_ seed: Int) -> DebtorProfile {
        var source = Source(seed)
        return DebtorProfile(
            name: source.text(),
            address: PostalAddress(
                street: source.text(), houseNumber: source.chance() ? nil : source.text(), postcode: source.text(),
                city: source.text(),
                country: source.pick([CountryCode.netherlands, CountryCode("BE")!, CountryCode("DE")!])),
            email: source.chance() ? nil : source.text(), phone: source.chance() ? nil : source.text(),
            iban: source.chance() ? nil : source.text(), birthDay: source.maybeDay(),
            language: source.pick(["nl", "en", "de"]),
            consent: ChannelConsent(optedOut: (0..<source.next(4)).map { _ in source.pick(Channel.allCases) }),
            isPseudonymised: source.chance())
    }

    static func message(_ seed: Int) -> OutboxMessage {
        var source = Source(seed)
        let start = source.next(1_440)
        return OutboxMessage(
            dossierID: Dossier.ID("C\(source.next(99))/\(source.text())#1"), channel: source.pick(Channel.allCases),
            template: source.pick(["pre-reminder", "reminder-14-days", "call"]), plannedDay: source.day(),
            window: ContactWindow(startMinute: start, endMinute: start + 1 + source.next(1_440 - start)),
            reason: source.text(), inClientName: source.chance(), deadline: source.maybeDay())
    }

    @Test func theTextIsCodablesTextByteForByte() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let progress = Self.progress(seed)
            let direct = try CanonicalJSONEncoder().encode(progress)
            #expect(direct == (try Self.codableText(progress)))
            let profile = Self.profile(seed)
            #expect(try CanonicalJSONEncoder().encode(profile) == (try Self.codableText(profile)))
            let message = Self.message(seed)
            #expect(try CanonicalJSONEncoder().encode(message) == (try Self.codableText(message)))
        }
    }

    /// A field at its default is left out of the text (most dossiers never pay, freeze or repay, and
    /// the daily run rewrites the progress for every step); each is written once it is not.
    @Test func fieldsAtTheirDefaultAreLeftOut() throws {
        #expect(try CanonicalJSONEncoder().encode(CollectionProgress()) == #"{"formatVersion":1}"#)
        #expect(try Self.codableText(CollectionProgress()) == #"{"formatVersion":1}"#)
        var progress = CollectionProgress()
        progress.costsPaid = Money(cents: 1)
        progress.referredToDebtCounselling = true
        progress.nextStepIndex = 2
        progress.interruptions = [Day(iso: "2024-01-11")!]
        let text = #"{"costsPaid":"0.01","formatVersion":1,"interruptions":["2024-01-11"],"nextStepIndex":2,"#
            + #""referredToDebtCounselling":true}"#
        #expect(try CanonicalJSONEncoder().encode(progress) == text)
        #expect(try Self.codableText(progress) == text)
        #expect(try CanonicalJSONDecoder().decode(CollectionProgress.self, from: text) == progress)
    }

    /// The generators set every stored property at least once, so a property added to one of the
    /// types but not to its writer or reader fails the comparisons above (once the generator sets it,
    /// which this test demands).
    @Test func theGeneratedValuesHoldEveryStoredProperty() throws {
        func keys(_ text: String) throws -> Set<String> {
            Set((try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]).keys)
        }
        func properties(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }
        var progressKeys = Set<String>()
        var profileKeys = Set<String>()
        var messageKeys = Set<String>()
        for seed in 0..<200 {
            progressKeys.formUnion(try keys(Self.codableText(Self.progress(seed))))
            profileKeys.formUnion(try keys(Self.codableText(Self.profile(seed))))
            messageKeys.formUnion(try keys(Self.codableText(Self.message(seed))))
        }
        #expect(progressKeys == properties(CollectionProgress()))
        #expect(profileKeys == properties(Self.profile(0)))
        #expect(messageKeys == properties(Self.message(0)))
    }

    @Test func readingGivesWhatCodableReads() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let progress = Self.progress(seed)
            let text = try Self.codableText(progress)
            let read = try CanonicalJSONDecoder().decode(CollectionProgress.self, from: text)
            #expect(read == progress)
            #expect(read == (try Self.codableValue(CollectionProgress.self, text)))
            let profile = Self.profile(seed)
            #expect(try CanonicalJSONDecoder().decode(DebtorProfile.self, from: Self.codableText(profile)) == profile)
            let message = Self.message(seed)
            #expect(try CanonicalJSONDecoder().decode(OutboxMessage.self, from: Self.codableText(message)) == message)
        }
    }

    @Test func otherLayoutsAreReadAsCodableReadsThem() async {
        // Foundation's text: keys in declaration order, spaces and new lines.
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted]
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let progress = Self.progress(seed)
            let text = String(decoding: try pretty.encode(progress), as: UTF8.self)
            #expect(try CanonicalJSONDecoder().decode(CollectionProgress.self, from: text) == progress)
            let profile = Self.profile(seed)
            let profileText = String(decoding: try pretty.encode(profile), as: UTF8.self)
            #expect(try CanonicalJSONDecoder().decode(DebtorProfile.self, from: profileText) == profile)
        }
    }

    @Test func textsTheDirectReaderLeavesToCodableReadTheSame() throws {
        let decoder = CanonicalJSONDecoder()
        let base = try Self.codableText(CollectionProgress())
        func progress(adding fields: String) -> String { "{" + fields + "," + base.dropFirst() }
        func progress(appending fields: String) -> String { base.dropLast() + "," + fields + "}" }
        let arrangement =
            #""arrangement":{"agreedDay":"2024-04-12","paidBefore":"0.00","#
            + #""terms":{"firstDueDay":"2024-04-26","monthlyInstalment":"50.00","months":3,"total":"120.00"}}"#
        let odd = [
            // An arrangement stored before signals were remembered: no list, so not remembered.
            progress(adding: arrangement),
            // A repayment of nothing and a freeze ending before it starts: refused by the initialisers,
            // kept as stored by Codable.
            #"{"costsPaid":"0.00","formatVersion":1,"freezes":[{"from":"2024-05-10","kind":"dispute","through":"2024-01-01"}],"#
                + #""interestBooked":"0.00","interestPaid":"0.00","interruptions":[],"lastResponseSequence":0,"#
                + #""nextStepIndex":0,"paymentsAllocated":"0.00","referredToDebtCounselling":false,"#
                + #""repayments":[{"amount":"0.00","claimID":"C1/1","day":"2024-01-02"}]}"#,
            // Terms whose instalments overflow when multiplied out: refused by the initialiser's
            // checks, kept as stored by Codable (and never a crash).
            progress(
                adding: #""arrangement":{"agreedDay":"2024-04-12","paidBefore":"0.00","sent":[],"#
                    + #""terms":{"firstDueDay":"2024-04-26","monthlyInstalment":"90000000000000000.00","months":3,"total":"120.00"}}"#
            ),
            // A key given twice: the last one counts.
            progress(appending: #""nextStepIndex":3,"nextStepIndex":7"#),
            // Every default written out, as stored before defaults were left out.
            #"{"costsPaid":"0.00","formatVersion":1,"freezes":[],"interestBooked":"0.00","interestPaid":"0.00","#
                + #""interruptions":[],"lastResponseSequence":0,"nextStepIndex":0,"paymentsAllocated":"0.00","#
                + #""referredToDebtCounselling":false,"repayments":[]}"#,
            // An unknown key is left alone.
            progress(adding: #""zzz":[1,{"a":null}]"#),
            // Null for an optional value.
            progress(adding: #""arrangement":null,"closingFrom":null"#),
        ]
        for text in odd {
            #expect(
                try decoder.decode(CollectionProgress.self, from: text)
                    == (try Self.codableValue(CollectionProgress.self, text)), "\(text)")
        }
        let unremembered = try decoder.decode(CollectionProgress.self, from: odd[0])
        #expect(try Self.codableText(unremembered).contains(#""sent""#) == false)
        #expect(try decoder.decode(CollectionProgress.self, from: odd[3]).nextStepIndex == 7)
        #expect(try decoder.decode(CollectionProgress.self, from: odd[4]) == CollectionProgress())
        // A consent list out of order or with repeats is kept as stored, as Codable keeps it.
        let profileText =
            #"{"address":{"city":"Ede","country":"nl","postcode":"1234 AB","street":"Dorpsstraat"},"#
            + #""consent":{"optedOut":["sms","email","sms"]},"isPseudonymised":false,"language":"nl","name":"A"}"#
        let profile = try decoder.decode(DebtorProfile.self, from: profileText)
        #expect(profile == (try Self.codableValue(DebtorProfile.self, profileText)))
        #expect(profile.consent.optedOut == [.sms, .email, .sms])
        #expect(profile.address.country == .netherlands)
        // A message whose stored id is not the one its fields make is kept as stored.
        let message = Self.message(1)
        let renamed = try Self.codableText(message).replacingOccurrences(of: #""id":""#, with: #""id":"renamed "#)
        #expect(try decoder.decode(OutboxMessage.self, from: renamed).id == "renamed " + message.id)
    }

    @Test func badTextsAreRefusedWithCodablesMessage() throws {
        let base = try Self.codableText(CollectionProgress())
        let bad = [
            "{" + #""costsPaid":"twelve","# + base.dropFirst(),
            String(base.dropLast()) + #","nextStepIndex":"0"}"#,
            String(base.dropLast()) + #","referredToDebtCounselling":null,"repayments":{}}"#,
            // No format version: the one field always written.
            #"{"nextStepIndex":2}"#,
            "{" + #""lastStepDay":"2024-02-30","# + base.dropFirst(),
            "[]",
        ]
        for text in bad {
            var direct = ""
            var codable = ""
            do { _ = try CanonicalJSONDecoder().decode(CollectionProgress.self, from: text) } catch {
                direct = "\(error)"
            }
            do { _ = try Self.codableValue(CollectionProgress.self, text) } catch { codable = "\(error)" }
            #expect(!direct.isEmpty, "\(text) was read")
            #expect(direct == codable)
        }
    }
}
