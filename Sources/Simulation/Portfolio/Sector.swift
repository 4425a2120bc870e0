/// The kinds of client the simulation generates, each with its own claims and debtors.
public enum Sector: String, Sendable, CaseIterable, Codable {
    case energy, telecom, publicTransport, leasing, housing, webshop

    /// How common clients of this sector are among an agency's clients.
    var clientWeight: Double {
        switch self {
        case .energy: return 0.08
        case .telecom: return 0.12
        case .publicTransport: return 0.04
        case .leasing: return 0.10
        case .housing: return 0.16
        case .webshop: return 0.50
        }
    }

    /// How many dossiers a client of this sector hands over relative to others (energy and
    /// telecom companies are few but large).
    var volumeWeight: Double {
        switch self {
        case .energy: return 6
        case .telecom: return 5
        case .publicTransport: return 8
        case .leasing: return 0.6
        case .housing: return 0.8
        case .webshop: return 0.5
        }
    }

    /// The median claim in euros and the log-normal spread.
    var amount: (median: Double, sigma: Double) {
        switch self {
        case .energy: return (165, 0.8)
        case .telecom: return (85, 0.7)
        case .publicTransport: return (45, 0.5)
        case .leasing: return (780, 0.9)
        case .housing: return (690, 0.7)
        case .webshop: return (70, 0.8)
        }
    }

    /// The share of business debtors among this sector's debtors.
    var businessShare: Double {
        switch self {
        case .leasing: return 0.45
        case .webshop: return 0.065
        case .housing: return 0.05
        case .energy, .telecom: return 0.10
        case .publicTransport: return 0.0
        }
    }

    /// Invoices per dossier: recurring suppliers hand over several months at once.
    var invoicesPerDossier: ClosedRange<Int> {
        switch self {
        case .energy, .telecom, .housing: return 1...3
        case .leasing: return 1...2
        case .publicTransport, .webshop: return 1...1
        }
    }

    /// The words a client of this sector puts in an invoice description.
    var invoiceDescription: String {
        switch self {
        case .energy: return "Energielevering"
        case .telecom: return "Abonnement mobiel"
        case .publicTransport: return "Boete zonder geldig vervoersbewijs"
        case .leasing: return "Leasetermijn"
        case .housing: return "Huur"
        case .webshop: return "Bestelling"
        }
    }
}
