import Money
import Reporting
import Testing

/// The reference year sized to a smaller portfolio: counts and amounts per dossier, means and shares as they are.
@Suite struct ReferenceScalingTests {
    let reference = ReferenceFigures.reference2024

    @Test func theFullSizeIsTheReferenceItself() {
        #expect(reference.scaled(toDossiers: 783_180) == reference)
    }

    @Test func countsAndAmountsScaleMeansAndSharesStay() throws {
        let tenth = try #require(reference.scaled(toDossiers: 78_318))
        #expect(tenth.entries["dossiersHandled"]?.value == .count(78_318))
        // 2,787,862 / 10 = 278,786.2 and 724,953 / 10 = 72,495.3: rounded half up.
        #expect(tenth.entries["messages.email"]?.value == .count(278_786))
        #expect(tenth.entries["messages.letter"]?.value == .count(72_495))
        #expect(tenth.entries["amountCollected"]?.value == .money(Money(euros: 7_000_000)))
        #expect(tenth.entries["amountCollected"]?.qualifier == .rounded)
        #expect(tenth.entries["arrangements.meanMonths"] == reference.entries["arrangements.meanMonths"])
        #expect(tenth.entries["international.share"] == reference.entries["international.share"])
        // Half a count rounds up: 15,887 x 1 / 783,180 is 0.02; 49,676,900 x 100 cents x 2 / 783,180 = 12,685.6 cents.
        let two = try #require(reference.scaled(toDossiers: 2))
        #expect(two.entries["screenedNegative"]?.value == .count(0))
        #expect(two.entries["interestFrozen.amountNotCharged"]?.value == .money(Money(cents: 12_686)))
        #expect(reference.scaled(toDossiers: 0)?.entries["messages.sms"]?.value == .count(0))
    }

    @Test func withoutADossierCountThereIsNothingToScaleBy() {
        #expect(ReferenceFigures(name: "x", entries: [:]).scaled(toDossiers: 10) == nil)
    }
}
