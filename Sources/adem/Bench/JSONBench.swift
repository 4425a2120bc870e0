import ArgumentParser
import Domain
import Engine
import Foundation
import Money

/// `adem bench json`: the canonical JSON the store keeps (a dossier's progress, a planned message, a
/// debtor's profile), encoded and decoded many times. The daily run encodes a progress and its
/// messages for every step and decodes a progress and a profile for every dossier it reads.
struct JSONBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json", abstract: "Canonical JSON encoding and decoding per value (microseconds).")
    @Option(help: "Values per measurement.") var count = 20_000
    @Option(help: "Measurements (the median is reported).") var runs = 5

    /// Samples as the reference year stores them: a progress with an arrangement under way (1.7 kB), a
    /// typical progress (0.5 kB), a planned letter and a debtor's profile.
    static let progressLarge = """
        {"arrangement":{"agreedDay":"2024-04-12","paidBefore":"102.54","sent":[{"day":"2024-04-23","instalment":1,"kind":"reminderBefore"},{"day":"2024-04-29","instalment":1,"kind":"reminderAfter"},{"day":"2024-05-10","instalment":1,"kind":"warning"},{"day":"2024-05-23","instalment":2,"kind":"reminderBefore"},{"day":"2024-05-29","instalment":2,"kind":"reminderAfter"},{"day":"2024-06-10","instalment":2,"kind":"warning"},{"day":"2024-06-24","instalment":3,"kind":"reminderBefore"},{"day":"2024-06-29","instalment":3,"kind":"reminderAfter"},{"day":"2024-07-10","instalment":3,"kind":"warning"},{"day":"2024-07-23","instalment":4,"kind":"reminderBefore"},{"day":"2024-07-29","instalment":4,"kind":"reminderAfter"},{"day":"2024-08-09","instalment":4,"kind":"warning"}],"terms":{"firstDueDay":"2024-04-26","monthlyInstalment":"102.54","months":11,"total":"1127.84"}},"circumstances":{"assets":"0.00","fixedCosts":"465.62","household":"single","housingCostsRaise":"76.00","netIncome":"1801.66","otherDebts":"0.00"},"costsPaid":"0.00","formatVersion":1,"freezes":[{"from":"2024-03-01","kind":"waived"}],"interestBooked":"0.00","interestPaid":"0.00","interruptions":["2024-03-31"],"lastContactStepDay":"2024-03-21","lastResponseDay":"2024-04-12","lastResponseSequence":5,"lastStepDay":"2024-12-29","nextStepDay":"2024-03-27","nextStepIndex":2,"paymentsAllocated":"922.86","referredToDebtCounselling":false,"repayments":[{"amount":"102.54","claimID":"C00029/C00029-000283-1","day":"2024-04-12"},{"amount":"102.54","claimID":"C00029/C00029-000283-1","day":"2024-05-15"},{"amount":"84.17","claimID":"C00029/C00029-000283-1","day":"2024-06-15"},{"amount":"18.37","claimID":"C00029/C00029-000283-2","day":"2024-06-15"}]}
        """
    static let progressTypical = """
        {"collectionStartDay":"2024-01-08","costsCharged":"40.00","costsPaid":"0.00","formatVersion":1,"freezes":[{"from":"2024-01-02","kind":"waived","through":"2024-04-09"}],"interestBooked":"0.00","interestBookedThrough":"2024-04-09","interestPaid":"0.00","interruptions":["2024-01-10"],"lastContactStepDay":"2024-02-09","lastResponseSequence":0,"lastStepDay":"2024-04-09","nextStepDay":"2024-02-12","nextStepIndex":11,"paymentsAllocated":"0.00","referredToDebtCounselling":false,"reminderLetter":{"channel":"post","costsDueFrom":"2024-01-25","sentDay":"2024-01-08"},"repayments":[]}
        """
    static let message = """
        {"channel":"letter","dossierID":"C00001/D000001#1","id":"C00001/D000001#1/2024-01-02/pre-reminder","inClientName":true,"plannedDay":"2024-01-02","reason":"strategy reference-2024, step pre-reminder (fallback)","template":"pre-reminder","window":{"endMinute":1440,"startMinute":0}}
        """
    static let profile = """
        {"address":{"city":"Apeldoorn","country":"NL","houseNumber":"42","postcode":"7713 XJ","street":"Schoolstraat"},"consent":{"optedOut":[]},"iban":"NL57XADM0120265851","isPseudonymised":false,"language":"nl","name":"Bram Peters","phone":"+31646294327"}
        """

    func run() throws {
        let decoder = CanonicalJSONDecoder()
        let encoder = CanonicalJSONEncoder()
        let large = try decoder.decode(CollectionProgress.self, from: Self.progressLarge)
        let typical = try decoder.decode(CollectionProgress.self, from: Self.progressTypical)
        let profile = try decoder.decode(DebtorProfile.self, from: Self.profile)
        // The values the store reads and writes most write and read themselves; Codable beside it.
        try measureDirect("progress, arrangement (1.7 kB)", large)
        try measure("progress, arrangement (1.7 kB), Codable", large)
        try measureDirect("progress, typical", typical)
        try measure("progress, typical, Codable", typical)
        let message = try decoder.decode(OutboxMessage.self, from: Self.message)
        try measureDirect("planned message", message)
        try measure("planned message, Codable", message)
        try measureDirect("debtor profile", profile)
        try measure("debtor profile, Codable", profile)

        func measureDirect<Value: CanonicalJSONWritable & CanonicalJSONReadable & Equatable>(
            _ name: String, _ value: Value
        ) throws {
            try report(
                name, value, encode: { try encoder.encode($0) }, decode: { try decoder.decode(Value.self, from: $0) })
        }

        func measure<Value: Codable & Equatable>(_ name: String, _ value: Value) throws {
            try report(
                name, value, encode: { try encoder.encode($0) }, decode: { try decoder.decode(Value.self, from: $0) })
        }

        func report<Value: Equatable>(
            _ name: String, _ value: Value, encode: (Value) throws -> String, decode: (String) throws -> Value
        ) throws {
            let text = try encode(value)
            guard try decode(text) == value else { throw Shell.fail("\(name): no round trip") }
            var encoding: [Double] = []
            var decoding: [Double] = []
            var bytes = 0
            for _ in 0..<runs {
                let clock = ContinuousClock()
                var start = clock.now
                for _ in 0..<count { bytes &+= try encode(value).utf8.count }
                encoding.append(Self.microseconds(clock.now - start) / Double(count))
                start = clock.now
                for _ in 0..<count { _ = try decode(text) }
                decoding.append(Self.microseconds(clock.now - start) / Double(count))
            }
            print(
                String(
                    format: "%@: %d bytes, encode %.2f us, decode %.2f us (median of %d x %d)", name, text.utf8.count,
                    Self.median(encoding), Self.median(decoding), runs, count))
        }
    }

    static func microseconds(_ duration: Duration) -> Double { duration.inSeconds * 1e6 }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}
