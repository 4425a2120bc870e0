public import Money

/// One unpaid invoice (vordering) a client handed over.
public struct Claim: Identifiable, Hashable, Sendable, Codable {
    /// A claim's id: `CLIENT_REF/INVOICE_NUMBER`, the natural key that makes imports idempotent.
    public typealias ID = Identifier<Claim>

    /// The claim's id.
    public let id: ID
    /// The client that issued the invoice.
    public let clientID: Client.ID
    /// The dossier the claim belongs to.
    public let dossierID: Dossier.ID
    /// The client's invoice number.
    public let invoiceNumber: String
    /// The day the invoice was issued.
    public let invoiceDay: Day
    /// The day payment was due; interest and reminders count from here.
    public let dueDay: Day
    /// The amount of the invoice still unpaid when handed over.
    public let principal: Money
    /// What the invoice was for, as the client describes it.
    public let description: String

    /// A claim; a due day before the invoice day or a non-positive principal is a programmer error
    /// (import validation rejects such rows before they become claims).
    public init(
        clientID: Client.ID, dossierID: Dossier.ID, invoiceNumber: String, invoiceDay: Day, dueDay: Day,
        principal: Money, description: String
    ) {
        precondition(dueDay >= invoiceDay, "a claim is due on or after its invoice day")
        precondition(principal.isPositive, "a claim's principal is positive")
        self.id = Claim.id(client: clientID, invoiceNumber: invoiceNumber)
        self.clientID = clientID
        self.dossierID = dossierID
        self.invoiceNumber = invoiceNumber
        self.invoiceDay = invoiceDay
        self.dueDay = dueDay
        self.principal = principal
        self.description = description
    }

    /// The id of invoice `invoiceNumber` of `client`.
    public static func id(client: Client.ID, invoiceNumber: String) -> ID { ID("\(client.rawValue)/\(invoiceNumber)") }
}
