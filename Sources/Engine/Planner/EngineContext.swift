public import Domain
public import Law
public import Money

/// The fixed inputs of a daily run: the law, the strategies and the policies.
public struct EngineContext: Sendable {
    /// Dutch law with its tables (LawData.netherlands() in the shell).
    public var law: Netherlands
    /// The strategies by name.
    public var strategies: StrategyCatalog
    /// The contact rules.
    public var contactPolicy: ContactPolicy
    /// The partner offices abroad.
    public var partnerOffices: PartnerOfficeTable
    /// The country whose law the engine applies; a debtor living elsewhere is referred.
    public var homeCountry: CountryCode
    /// When arrangement signals fire.
    public var monitoring: ArrangementMonitoringRules
    /// The longest deferral of the whole amount, in days.
    public var deferralDaysMax: Int
    /// Days from agreeing an arrangement to its first instalment.
    public var firstInstalmentAfterDays: Int
    /// The prescription term assumed per kind of debtor (the claim does not say which term applies;
    /// the cautious reading takes the shortest that may apply: 2 years for consumers, art. 7:28 BW).
    public var prescriptionKinds: [DebtorKind: PrescriptionKind]
    /// A remainder up to this amount left after the debtor paid (interest of the days the payment
    /// was under way) is written off and the dossier closes as paid: chasing it costs more than it brings.
    public var smallRemainderWriteOffMax: Money

    /// A context with the project's defaults for everything but the law.
    public init(law: Netherlands, strategies: StrategyCatalog = StrategyCatalog(), contactPolicy: ContactPolicy = .standard,
                partnerOffices: PartnerOfficeTable = PartnerOfficeTable(), homeCountry: CountryCode = .netherlands,
                monitoring: ArrangementMonitoringRules = .standard, deferralDaysMax: Int = 90, firstInstalmentAfterDays: Int = 14,
                prescriptionKinds: [DebtorKind: PrescriptionKind] = [.consumer: .consumerPurchase, .business: .contract],
                smallRemainderWriteOffMax: Money = Money(euros: 5)) {
        self.law = law
        self.strategies = strategies
        self.contactPolicy = contactPolicy
        self.partnerOffices = partnerOffices
        self.homeCountry = homeCountry
        self.monitoring = monitoring
        self.deferralDaysMax = deferralDaysMax
        self.firstInstalmentAfterDays = firstInstalmentAfterDays
        self.prescriptionKinds = prescriptionKinds
        self.smallRemainderWriteOffMax = smallRemainderWriteOffMax
    }
}
