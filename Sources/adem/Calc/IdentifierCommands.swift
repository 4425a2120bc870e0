import ArgumentParser
import Domain

/// `adem calc iban`: checks an IBAN (ISO 13616: country length and mod 97-10).
struct IBANCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iban",
        abstract: "Check an IBAN: exit 0 when valid, 1 when invalid (with the reason)."
    )

    @Argument(help: "The IBAN, with or without spaces.")
    var iban: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        do {
            let valid = try IBAN(iban)
            output.emit(
                json: .object([
                    ("valid", .bool(true)), ("iban", .string(valid.electronic)),
                    ("country", .string(valid.countryCode)),
                ]),
                table: "valid: \(valid.formatted) (\(valid.countryCode))")
        } catch {
            output.emit(
                json: .object([("valid", .bool(false)), ("reason", .string(error.description))]),
                table: "invalid: \(error.description)")
            throw ExitCode(1)
        }
    }
}

/// `adem calc reference`: checks or generates a Dutch payment reference or an RF creditor reference.
struct ReferenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Check a payment reference (16-digit betalingskenmerk, or RF creditor reference), or generate one.",
        discussion: """
            adem calc reference 5010002167010010     checks a Dutch payment reference (exit 0 valid, 1 invalid)
            adem calc reference RF18539007547034     checks an ISO 11649 creditor reference
            adem calc reference --generate 010002167010010        prepends the check digit to 15 digits
            adem calc reference --generate 539007547034 --rf      makes an RF reference of a body
            """
    )

    @Argument(help: "The reference to check.")
    var reference: String?

    @Option(name: .long, help: "Generate a reference from this body (15 digits, or up to 21 characters with --rf).")
    var generate: String?

    @Flag(name: .long, help: "With --generate: make an ISO 11649 RF creditor reference.")
    var rf = false

    @OptionGroup var output: OutputOptions

    func run() async throws {
        switch (reference, generate) {
        case (nil, let body?): try generateReference(body)
        case (let text?, nil): try check(text)
        default: throw ValidationError("reference: give a reference to check, or --generate BODY")
        }
    }

    private func generateReference(_ body: String) throws {
        do {
            let generated =
                rf
                ? try CreditorReference.generate(body: body).electronic
                : try PaymentReference.generate(body15: body).digits
            output.emit(json: .object([("reference", .string(generated))]), table: generated)
        } catch let error as CreditorReferenceError {
            throw ValidationError("--generate: \(error.description)")
        } catch let error as PaymentReferenceError {
            throw ValidationError("--generate: \(error.description)")
        }
    }

    private func check(_ text: String) throws {
        let isCreditorReference = text.uppercased().hasPrefix("RF")
        let kind = isCreditorReference ? "creditor reference, ISO 11649" : "Dutch payment reference, betalingskenmerk"
        var reason: String?
        var formatted = ""
        if isCreditorReference {
            do { formatted = try CreditorReference(text).formatted } catch { reason = error.description }
        } else {
            do { formatted = try PaymentReference(text).formatted } catch { reason = error.description }
        }
        if let reason {
            output.emit(
                json: .object([("valid", .bool(false)), ("reason", .string(reason))]), table: "invalid: \(reason)")
            throw ExitCode(1)
        }
        output.emit(
            json: .object([("valid", .bool(true)), ("kind", .string(isCreditorReference ? "rf" : "nl"))]),
            table: "valid: \(formatted) (\(kind))")
    }
}
