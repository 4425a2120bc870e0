/// Made-up names, streets and towns for synthetic debtors: no real person is ever generated.
/// Combinations of common Dutch first names, surnames, street names and towns are random; house
/// numbers, postcodes, e-mail addresses (under `example.org`) and bank accounts are invented.
enum SyntheticNames {
    static let firstNames = [
        "Anna", "Bram", "Chantal", "Daan", "Emma", "Fatima", "Gijs", "Hanna", "Ibrahim", "Jasmijn", "Kees", "Lotte",
        "Mohamed", "Noor", "Olaf", "Priya", "Quinten", "Romy", "Sem", "Tess", "Umut", "Vera", "Wouter", "Yara", "Zoë",
    ]
    static let surnames = [
        "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
        "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Yilmaz", "El Amrani",
        "Kowalski", "Nguyen", "Pinas", "Autar",
    ]
    static let streets = [
        "Kerkstraat", "Molenweg", "Dorpsstraat", "Schoolstraat", "Stationsweg", "Julianalaan", "Beatrixstraat",
        "Lindelaan", "Eikenlaan", "Parallelweg", "Nieuwstraat", "Industrieweg", "Havenkade", "Bloemgracht",
    ]
    static let towns = [
        "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda",
        "Nijmegen", "Apeldoorn", "Arnhem", "Haarlem", "Enschede", "Zwolle", "Leeuwarden", "Maastricht", "Emmen",
    ]
    static let businessWords = ["Bouw", "Transport", "Installatie", "Horeca", "Advies", "Schilders", "Kappers", "Logistiek"]
    static let businessForms = ["B.V.", "V.O.F.", "Holding B.V.", ""]

    /// Countries of debtors who live abroad, with their share among them.
    static let abroad: [(String, Double)] = [
        ("BE", 0.24), ("DE", 0.28), ("FR", 0.08), ("PL", 0.12), ("ES", 0.07), ("GB", 0.06), ("IT", 0.05),
        ("RO", 0.04), ("PT", 0.03), ("AT", 0.03),
    ]
    static let abroadTowns = [
        "BE": "Antwerpen", "DE": "Düsseldorf", "FR": "Lille", "PL": "Wrocław", "ES": "Málaga", "GB": "Manchester",
        "IT": "Milano", "RO": "Cluj-Napoca", "PT": "Porto", "AT": "Wien",
    ]
}
