public import Engine
import Domain

/// Made-up partner offices abroad, one for every country the generator puts debtors in, so the
/// simulated year refers its foreign debtors as the reference agency does (12% of dossiers).
public enum SyntheticPartnerOffices {
    /// The table: `CC;Partner Incasso CC;dossiers@partner-cc.example`.
    public static var table: PartnerOfficeTable {
        let lines = SyntheticNames.abroad.map { country, _ in
            "\(country);Partner Incasso \(country);dossiers@partner-\(country.lowercased()).example"
        }
        // The lines are built from the generator's own country codes, so they always parse.
        return try! PartnerOfficeTable(parsing: lines.joined(separator: "\n"))
    }
}
