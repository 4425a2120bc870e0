/// The IBAN length of every country in the SWIFT IBAN registry (ISO 13616), by ISO 3166 country code.
///
/// From the SWIFT "IBAN Registry" as carried by the Python package schwifty 2026.10.1 (its
/// `iban_registry/generated.json`, 105 codes). It includes the territories the registry lists under France,
/// Finland and the United Kingdom with their own codes (e.g. GF, RE, AX, JE). Countries with only
/// "experimental" IBANs outside the registry (e.g. AO, MA, SN) are left out on purpose: a debtor's
/// account there cannot be paid by SEPA transfer anyway. A new registry release means editing this
/// table; the standard changes a few times a year at most.
enum IBANRegistry {
    /// IBAN length in characters (country code and check digits included), by country code.
    static let lengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AX": 18, "AZ": 28, "BA": 20, "BE": 16,
        "BG": 22, "BH": 22, "BI": 27, "BL": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22,
        "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
        "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GF": 27,
        "GG": 22, "GI": 23, "GL": 18, "GP": 27, "GR": 27, "GT": 28, "HN": 28, "HR": 21,
        "HU": 28, "IE": 22, "IL": 23, "IM": 22, "IQ": 23, "IS": 26, "IT": 27, "JE": 22,
        "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
        "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MF": 27, "MK": 19, "MN": 20,
        "MQ": 27, "MR": 27, "MT": 31, "MU": 30, "NC": 27, "NI": 28, "NL": 18, "NO": 15,
        "OM": 23, "PF": 27, "PK": 24, "PL": 28, "PM": 27, "PS": 29, "PT": 25, "QA": 29,
        "RE": 27, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24,
        "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TF": 27, "TL": 23,
        "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "WF": 27, "XK": 20, "YE": 30,
        "YT": 27,
    ]
}
