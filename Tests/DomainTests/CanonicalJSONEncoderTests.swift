import Domain
import Foundation
import Money
import PropertyBased
import Testing

/// The store's JSON encoder and decoder: Foundation reads back every value the encoder writes, keys
/// come sorted at every level, the same value always gives the same text, it matches Foundation's
/// sorted output; the decoder reads its own text and Foundation's, and refuses broken text.
@Suite struct CanonicalJSONEncoderTests {
    enum Kind: Codable, Hashable {
        case paid(amount: Money)
        case disputed(reason: String, until: Day?)
        case silent
    }

    struct Sample: Codable, Hashable {
        var name: String
        var count: Int
        var big: Int64
        var flag: Bool
        var day: Day?
        var amounts: [Money]
        var tags: [String: String]
        var kinds: [Kind]
        var nested: [[Int]]
        var optionalText: String?
    }

    /// A value built from `seed` alone (a linear congruence), with awkward strings.
    static func sample(_ seed: Int) -> Sample {
        var state = UInt64(truncatingIfNeeded: seed) &* 6_364_136_223_846_793_005 &+ 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet: [String] = ["a", "Z", "é", "€", "💶", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1F}", " ", "0", "{"]
        func text() -> String { (0..<next(8)).map { _ in alphabet[next(alphabet.count)] }.joined() }
        let day = Day(iso: "2024-01-01")!.adding(days: next(3_000))
        return Sample(
            name: text(), count: next(2_000_000) - 1_000_000, big: Int64(next(1 << 30)) * Int64(next(1 << 30)) * (next(2) == 0 ? -1 : 1),
            flag: next(2) == 0, day: next(3) == 0 ? nil : day,
            amounts: (0..<next(4)).map { _ in Money(cents: Int64(next(10_000_000)) - 5_000_000) },
            tags: Dictionary((0..<next(5)).map { index in ("k\(next(100))\(text())", text()) }, uniquingKeysWith: { $1 }),
            kinds: (0..<next(4)).map { _ in
                switch next(3) {
                case 0: return .paid(amount: Money(cents: Int64(next(100_000))))
                case 1: return .disputed(reason: text(), until: next(2) == 0 ? nil : day)
                default: return .silent
                }
            },
            nested: (0..<next(3)).map { _ in (0..<next(3)).map { _ in next(100) } },
            optionalText: next(2) == 0 ? nil : text())
    }

    @Test func foundationReadsBackEveryValue() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let value = Self.sample(seed)
            let text = try CanonicalJSONEncoder().encode(value)
            #expect(try JSONDecoder().decode(Sample.self, from: Data(text.utf8)) == value, "\(text)")
        }
    }

    @Test func keysAreSortedAtEveryLevelAndTheTextIsCanonical() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let value = Self.sample(seed)
            let text = try CanonicalJSONEncoder().encode(value)
            // The same value, its dictionary rebuilt in another insertion order, gives the same text.
            var rebuilt = value
            rebuilt.tags = Dictionary(uniqueKeysWithValues: value.tags.sorted { $0.key > $1.key })
            #expect(try CanonicalJSONEncoder().encode(rebuilt) == text)
            // Every object's keys, read in document order, are sorted.
            #expect(try Self.objectKeysInOrder(text).allSatisfy { keys in keys == keys.sorted() }, "\(text)")
        }
    }

    @Test func itMatchesFoundationsSortedOutputForPlainKeys() throws {
        let profile = DebtorProfile(
            name: "Zoë \"de\" Vries\n", address: PostalAddress(
                street: "Dorpsstraat", houseNumber: "1a", postcode: "1234 AB", city: "Ede", country: CountryCode("NL")!),
            email: "zoe@example.nl", phone: nil, iban: "NL91ABNA0417164300", birthDay: Day(iso: "1980-02-29"),
            language: "nl", consent: ChannelConsent(optedOut: [.sms]))
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(try CanonicalJSONEncoder().encode(profile) == String(decoding: try foundation.encode(profile), as: UTF8.self))
        let payload = ["b": 2, "a": 1, "c": 3]
        #expect(try CanonicalJSONEncoder().encode(payload) == #"{"a":1,"b":2,"c":3}"#)
        #expect(try CanonicalJSONEncoder().encode([String?.none, "x"]) == #"[null,"x"]"#)
        #expect(try CanonicalJSONEncoder().encode("tab\there\u{1}") == #""tab\there\u0001""#)
    }

    @Test func theDecoderReadsBackItsOwnTextAndFoundations() async {
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted]
        await propertyCheck(count: 400, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let value = Self.sample(seed)
            let decoder = CanonicalJSONDecoder()
            #expect(try decoder.decode(Sample.self, from: CanonicalJSONEncoder().encode(value)) == value)
            // Foundation's text: other key order, whitespace, escaped slashes.
            let foundation = String(decoding: try pretty.encode(value), as: UTF8.self)
            #expect(try decoder.decode(Sample.self, from: foundation) == value, "\(foundation)")
        }
    }

    @Test func theDecoderReadsEveryEscapeAndRefusesBrokenText() throws {
        let decoder = CanonicalJSONDecoder()
        #expect(
            try decoder.decode(String.self, from: #" "a\"\\\/\b\f\n\r\t\u00e9\ud83d\udcb6" "#) == "a\"\\/\u{8}\u{C}\n\r\té💶")
        #expect(try decoder.decode([Int64].self, from: "[0, -12, 9223372036854775807]") == [0, -12, .max])
        #expect(try decoder.decode([String: Bool?].self, from: #"{"a": true, "b": null}"#) == ["a": true, "b": Bool?.none])
        for broken in [
            "", "{", "[1,]", "{\"a\" 1}", "\"open", "[1] x", "01", "1.", "-", "tru", "\"\u{1}\"", #""\ud800""#,
            #""\ud800\u0041""#, #""\x""#, String(repeating: "[", count: 10_000),
        ] {
            #expect(throws: DecodingError.self, "\(broken.prefix(20))") { try decoder.decode([Int].self, from: broken) }
        }
        // A missing key and a wrong type name where they are.
        struct Inner: Decodable { let count: Int }
        struct Outer: Decodable { let inner: Inner }
        do {
            _ = try decoder.decode(Outer.self, from: #"{"inner": {"count": "7"}}"#)
            Issue.record("a string is not an Int")
        } catch let error as DecodingError {
            #expect("\(error)".contains("inner.count"))
        }
        #expect(throws: DecodingError.self) { try decoder.decode(Outer.self, from: #"{"inner": {}}"#) }
    }

    @Test func aJournalPayloadReadsBackAsStoredAndAsFoundationWritesIt() async throws {
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted]
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let payload = JournalPayload(Self.sample(seed).tags)
            #expect(try JournalPayload(storedJSON: payload.canonicalJSON) == payload, "\(payload.canonicalJSON)")
            let foundation = String(decoding: try pretty.encode(payload.fields), as: UTF8.self)
            #expect(try JournalPayload(storedJSON: foundation) == payload, "\(foundation)")
        }
        // A key given twice keeps its last value, as a dictionary decoded through Codable does.
        #expect(try JournalPayload(storedJSON: #"{"b":"1","a":"2","b":"3"}"#) == JournalPayload(["a": "2", "b": "3"]))
        // A value that is not text is refused with Codable's message, which names the key.
        do {
            _ = try JournalPayload(storedJSON: #"{"amount":12}"#)
            Issue.record("a number is not a payload's text")
        } catch let error as DecodingError {
            #expect("\(error)".contains("amount"))
        }
    }

    @Test func floatingPointIsRefused() {
        #expect(throws: EncodingError.self) { try CanonicalJSONEncoder().encode(["rate": 0.5]) }
        #expect(throws: EncodingError.self) { try CanonicalJSONEncoder().encode(Float(1)) }
    }

    /// The keys of each object in `text`, in document order (a small scanner; strings are skipped whole).
    static func objectKeysInOrder(_ text: String) throws -> [[String]] {
        var stack: [(isObject: Bool, keys: [String])] = []
        var done: [[String]] = []
        var characters = Array(text.unicodeScalars)[...]
        var expectKey = false
        while let character = characters.popFirst() {
            switch character {
            case "{":
                stack.append((true, []))
                expectKey = true
            case "[":
                stack.append((false, []))
                expectKey = false
            case "}", "]":
                if let top = stack.popLast(), top.isObject { done.append(top.keys) }
                expectKey = false
            case ",": expectKey = stack.last?.isObject ?? false
            case "\"":
                var literal = "\""
                while let next = characters.popFirst(), next != "\"" {
                    literal.unicodeScalars.append(next)
                    if next == "\\", let escaped = characters.popFirst() { literal.unicodeScalars.append(escaped) }
                }
                literal += "\""
                if expectKey, !stack.isEmpty {
                    // The key as text, its escapes undone by Foundation.
                    stack[stack.count - 1].keys.append(try JSONDecoder().decode(String.self, from: Data(literal.utf8)))
                    expectKey = false
                }
            default: break
            }
        }
        return done
    }
}
