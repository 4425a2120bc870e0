/// The seven steps of social collection as the report's sections, with the figures each shows.
struct ReportStep {
    let number: Int
    let title: (nl: String, en: String)
    let intro: (nl: String, en: String)
    let keys: [String]
    let charts: [ReportChart]

    static let all: [ReportStep] = [
        ReportStep(
            number: 1, title: ("Ondersteuning en schuldhulpverlening", "Support and debt counselling"),
            intro: (
                "Wie structureel in de problemen zit, verwijzen we met toestemming door naar schuldhulpverlening of bewindvoering. Zolang zij werken, staat de incasso stil.",
                "Debtors with structural problems are referred, with their consent, to municipal debt help or an administrator. While they work, collection pauses."
            ),
            keys: ["debtCounselling", "debtorsDebtFree.consumer", "debtorsDebtFree.business"], charts: []),
        ReportStep(
            number: 2, title: ("Kredietbeleid en gedragscode", "Credit policy and sector code"),
            intro: (
                "Per opdrachtgever leggen we vast wat we mogen: rente bevriezen, regelingen treffen, contact met hulpverleners en wel of geen rechtszaak. Schuldenaren in het buitenland helpen partnerkantoren in hun eigen land.",
                "For every client the mandate fixes what we may do: freeze interest, agree arrangements, contact counsellors, go to court or not. Debtors abroad are helped by partner offices in their own country."
            ),
            keys: ["dossiersHandled", "international.dossiers", "international.share"], charts: []),
        ReportStep(
            number: 3, title: ("Voorkomen dat schulden escaleren", "Prevent escalation"),
            intro: (
                "Vroeg, persoonlijk en via het kanaal dat werkt: herinneringen op naam van de opdrachtgever voordat kosten gaan lopen, en een portaal waar klanten zelf hun zaak regelen.",
                "Early, personal and through the channel that works: reminders in the client's name before costs start, and a portal where debtors settle their own case."
            ),
            keys: ["messages.email", "messages.letter", "messages.sms", "portalLogins"], charts: [.messages]),
        ReportStep(
            number: 4, title: ("Slim ondersteunen bij gemiste betalingen", "AI for missed payments"),
            intro: (
                "Kanaal, moment en toon kiezen we per klant op basis van wat werkt; signalen van kwetsbaarheid legt een medewerker altijd zelf naast het dossier. Na contact vragen we hoe het ging.",
                "Channel, moment and tone are chosen per debtor from what works; a person reviews every sign of vulnerability. After contact we ask how it went."
            ),
            keys: ["calls.outbound", "calls.inbound", "csat"], charts: [.calls]),
        ReportStep(
            number: 5, title: ("Duurzame betalingsregelingen", "Sustainable payment arrangements"),
            intro: (
                "Regelingen passen bij wat iemand kan betalen. Tijdens een regeling, geschil of hulptraject bevriezen we de rente.",
                "Arrangements fit what a debtor can pay. During an arrangement, a dispute or debt help, interest is frozen."
            ),
            keys: [
                "amountCollected", "arrangements.count", "arrangements.meanMonths",
                "arrangements.meanMonthlyInstalment",
                "interestFrozen.dossiers", "interestFrozen.amountNotCharged",
            ],
            charts: [.arrangements, .freezes]),
        ReportStep(
            number: 6, title: ("Besparen op gerechtelijke kosten", "Save court costs"),
            intro: (
                "Eerst een minnelijke oplossing. Voor elke rechtszaak onderzoeken we of er iets te verhalen valt; is dat niet zo, dan blijft de rechter erbuiten.",
                "An amicable solution first. Before any lawsuit a recovery investigation asks whether it would pay; if not, the court stays out of it."
            ),
            keys: ["screenedNegative", "legalCostsSaved"], charts: []),
        ReportStep(
            number: 7, title: ("Gerechtelijk traject, alleen als het moet", "Legal track, only if needed"),
            intro: (
                "Alleen als het verhaalsonderzoek positief is en de opdrachtgever het toestaat, gaat een dossier met een compleet dossier naar deurwaarder of advocaat.",
                "Only when the recovery investigation is positive and the client allows it does a dossier go, with a complete file, to a bailiff or lawyer."
            ),
            keys: [], charts: []),
    ]
}

/// A monthly chart of the report.
enum ReportChart {
    case messages, calls, arrangements, freezes

    func title(_ language: ReportLanguage) -> String {
        switch self {
        case .messages: language.pick("Berichten per maand", "Messages per month")
        case .calls: language.pick("Telefoongesprekken per maand", "Phone calls per month")
        case .arrangements: language.pick("Betalingsregelingen per maand", "Payment arrangements per month")
        case .freezes: language.pick("Rentebevriezingen per maand", "Interest freezes per month")
        }
    }

    /// The series: a label and the value per month.
    func series(_ report: SocialReport, _ language: ReportLanguage) -> [(label: String, values: [Int64])] {
        let months = report.monthly
        switch self {
        case .messages:
            return [
                (language.pick("E-mail", "E-mail"), months.map(\.messages.email)),
                (language.pick("Brief", "Letter"), months.map(\.messages.letter)),
                (language.pick("Sms", "SMS"), months.map(\.messages.sms)),
            ]
        case .calls:
            return [
                (language.pick("Door ons gebeld", "Outbound"), months.map(\.calls.outbound)),
                (language.pick("Door de klant gebeld", "Inbound"), months.map(\.calls.inbound)),
            ]
        case .arrangements:
            return [(language.pick("Getroffen", "Agreed"), months.map(\.arrangements))]
        case .freezes:
            return [
                (language.pick("Gestart", "Started"), months.map(\.freezesStarted)),
                (language.pick("Beëindigd", "Ended"), months.map(\.freezesEnded)),
            ]
        }
    }
}
