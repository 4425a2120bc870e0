@testable import Domain
import Money
import Testing

@Suite struct LedgerTests {
    let dossier = Dossier.ID("ACME/D-1#1")
    let day = Day(iso: "2026-03-02")!

    func claim(_ cents: Int64) -> Claim {
        Claim(
            clientID: Client.ID("ACME"), dossierID: dossier, invoiceNumber: "F-\(cents)", invoiceDay: day,
            dueDay: day.adding(days: 14),
            principal: Money(cents: cents), description: "")
    }

    @Test func claimHandOverBalancesAndRaisesWhatIsOwed() {
        let transaction = LedgerTransaction.claimHandedOver(claim(12_345), on: day)
        let balances = LedgerBalances([transaction])
        #expect(balances.outstanding == Money(cents: 12_345))
        #expect(balances[.principal] == Money(cents: -12_345))
        #expect(balances.total == .zero)
    }

    /// Balances added up posting by posting and balances given as per-account sums agree, read zero
    /// for an account without postings, and list only the accounts not at zero.
    @Test func balancesFromTransactionsAndFromSumsAgree() {
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for round in 0..<200 {
            let accounts = LedgerAccount.allCases
            let transactions = (0..<next(6)).map { index in
                let amount = Money(cents: Int64(next(20_000)) - 10_000)
                return LedgerTransaction(
                    id: LedgerTransaction.ID("t\(round)-\(index)"), dossierID: dossier, day: day, memo: "",
                    postings: [Posting(accounts[next(7)], amount), Posting(accounts[next(7)], -amount)])
            }
            let balances = LedgerBalances(transactions)
            var sums: [LedgerAccount: Money] = [:]
            for posting in transactions.flatMap(\.postings) { sums[posting.account, default: .zero] += posting.amount }
            #expect(balances == LedgerBalances(sums: sums.map { ($0.key, $0.value) }))
            #expect(balances.byAccount == sums.filter { $0.value != .zero })
            for account in accounts { #expect(balances[account] == sums[account] ?? .zero) }
            #expect(balances.isEmpty == sums.values.allSatisfy { $0 == .zero })
            #expect(balances.total == .zero)
        }
        #expect(LedgerBalances([]).isEmpty && LedgerBalances([]).byAccount.isEmpty)
    }

    @Test func aReversalCancelsTheOriginalWithoutEditingIt() {
        let original = LedgerTransaction.claimHandedOver(claim(5_000), on: day)
        let correction = original.reversal(
            id: LedgerTransaction.ID("reverse:1"), on: day.adding(days: 3), memo: "wrong amount")
        #expect(correction.reverses == original.id)
        let balances = LedgerBalances([original, correction])
        #expect(balances.outstanding == .zero)
        #expect(balances[.principal] == .zero)
    }

    @Test func aPaymentMovesMoneyFromReceivableToCash() {
        let claimed = LedgerTransaction.claimHandedOver(claim(10_000), on: day)
        let payment = LedgerTransaction(
            id: LedgerTransaction.ID("pay:1"), dossierID: dossier, day: day, memo: "bank",
            postings: [
                Posting(.paymentsReceived, Money(cents: 4_000)), Posting(.debtorReceivable, Money(cents: -4_000)),
            ])
        let balances = LedgerBalances([claimed, payment])
        #expect(balances.outstanding == Money(cents: 6_000))
        #expect(balances[.paymentsReceived] == Money(cents: 4_000))
        #expect(balances.total == .zero)
    }

    @Test func anUnbalancedTransactionStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = LedgerTransaction(
                id: LedgerTransaction.ID("bad"), dossierID: Dossier.ID("x"), day: Day(iso: "2026-01-01")!, memo: "",
                postings: [Posting(.debtorReceivable, Money(cents: 1)), Posting(.principal, Money(cents: 0))])
        }
    }
}

@Suite struct IdentityAndModelTests {
    @Test func naturalKeysBuildIds() {
        let client = Client.ID("ACME")
        let debtor = Debtor.id(client: client, reference: "D-7")
        #expect(debtor.rawValue == "ACME/D-7")
        #expect(Dossier.id(debtor: debtor, ordinal: 2).rawValue == "ACME/D-7#2")
        #expect(Claim.id(client: client, invoiceNumber: "F-1").rawValue == "ACME/F-1")
    }

    @Test func clientReferencesAreShortAndPlain() {
        #expect(Client.isValidReference("ACME-01_x.y"))
        #expect(!Client.isValidReference(""))
        #expect(!Client.isValidReference("A/B"))
        #expect(!Client.isValidReference(String(repeating: "A", count: 65)))
    }

    @Test func countriesAreCheckedAgainstTheIsoList() {
        #expect(CountryCode("nl") == .netherlands)
        #expect(CountryCode(" BE ")?.code == "BE")
        #expect(CountryCode("XX") == nil)
        #expect(CountryCode("NLD") == nil)
        #expect(CountryCode("bE")?.code == "BE")
        #expect(CountryCode("N1") == nil)
        #expect(CountryCode("") == nil)
    }

    /// Every pair of letters in either case is assigned exactly when its upper-case form is on the
    /// list, and the code kept is upper case (the two-letter way and the general way agree).
    @Test func everyLetterPairAgreesWithTheList() {
        let letters = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { Character(UnicodeScalar($0)) }
        var assigned = 0
        for first in letters {
            for second in letters {
                let upper = String([first, second])
                let expected = CountryCode.assigned.contains(upper)
                for text in [upper, upper.lowercased(), String(first) + String(second).lowercased()] {
                    #expect(CountryCode(text)?.code == (expected ? upper : nil), "\(text)")
                    #expect(CountryCode(" \(text) ")?.code == (expected ? upper : nil), "padded \(text)")
                }
                if expected { assigned += 1 }
            }
        }
        #expect(assigned == 249)
    }

    @Test func closingADossierRecordsTheReasonAndClearsThePlan() {
        var dossier = Dossier(
            id: Dossier.ID("A/B#1"), clientID: Client.ID("A"), debtorID: Debtor.ID("A/B"),
            openedDay: Day(iso: "2026-01-01")!, nextActionDay: Day(iso: "2026-01-02"))
        dossier.close(on: Day(iso: "2026-02-01")!, reason: .paid)
        #expect(dossier.state == .closed)
        #expect(dossier.closure?.reason == .paid)
        #expect(dossier.nextActionDay == nil)
        // Nothing is planned for a closed dossier, however it is built or changed.
        dossier.nextActionDay = Day(iso: "2026-02-05")
        #expect(dossier.nextActionDay == nil)
        let closed = Dossier(
            id: Dossier.ID("A/B#2"), clientID: Client.ID("A"), debtorID: Debtor.ID("A/B"),
            openedDay: Day(iso: "2026-01-01")!, state: .closed, nextActionDay: Day(iso: "2026-01-02"),
            closure: DossierClosure(day: Day(iso: "2026-01-01")!, reason: .withdrawn))
        #expect(closed.nextActionDay == nil)
        var reopened = closed
        reopened.state = .collecting
        reopened.closure = nil
        reopened.nextActionDay = Day(iso: "2026-03-01")
        #expect(reopened.nextActionDay == Day(iso: "2026-03-01"))
    }

    @Test func pseudonymisingKeepsOnlyCountryAndLanguage() {
        let profile = DebtorProfile(
            name: "Jan Jansen",
            address: PostalAddress(
                street: "Dorpsstraat", houseNumber: "1", postcode: "1234 AB", city: "Ede", country: .netherlands),
            email: "jan@example.nl", phone: "0612345678", iban: "NL91ABNA0417164300", birthDay: Day(iso: "1980-05-05"),
            language: "nl")
        let hidden = profile.pseudonymised(token: "P-1")
        #expect(hidden.name == "P-1")
        #expect(hidden.email == nil && hidden.phone == nil && hidden.iban == nil && hidden.birthDay == nil)
        #expect(hidden.address.country == .netherlands && hidden.address.street == "-")
        #expect(hidden.isPseudonymised)
    }

    @Test func payloadJSONIsCanonical() {
        let payload = JournalPayload(["b": "2", "a": "x\"y\n"])
        #expect(payload.canonicalJSON == #"{"a":"x\"y\n","b":"2"}"#)
    }
}
