import Domain
import Foundation
import Money
import Testing

/// Mandates are stored as JSON: a mandate stored before a field existed must read back as it behaved.
@Suite struct MandateTests {
    /// A mandate that charges interest is written exactly as before `waivesStatutoryInterest` existed,
    /// and such a stored mandate reads back as charging interest.
    @Test func aMandateStoredWithoutTheWaiverChargesInterest() throws {
        let stored = try CanonicalJSONEncoder().encode(Mandate.standard)
        #expect(!stored.contains("waivesStatutoryInterest"))
        #expect(stored.hasPrefix(#"{"commission":"#) && stored.hasSuffix(#""mayGoToCourt":false}"#))
        let read = try CanonicalJSONDecoder().decode(Mandate.self, from: stored)
        #expect(read == Mandate.standard && !read.waivesStatutoryInterest)
    }

    @Test func aWaiverOfInterestRoundTrips() throws {
        var mandate = Mandate.standard
        mandate.waivesStatutoryInterest = true
        let stored = try CanonicalJSONEncoder().encode(mandate)
        #expect(stored.contains(#""waivesStatutoryInterest":true"#))
        #expect(try CanonicalJSONDecoder().decode(Mandate.self, from: stored) == mandate)
    }

    /// Bad stored data is an error to handle, not a crash.
    @Test func negativeMonthsAreRefused() throws {
        let stored = try CanonicalJSONEncoder().encode(Mandate.standard).replacingOccurrences(
            of: #""maxArrangementMonths":12"#, with: #""maxArrangementMonths":-1"#)
        #expect(throws: (any Error).self) { try CanonicalJSONDecoder().decode(Mandate.self, from: stored) }
    }
}
