import CCCDDaemonAPI
import Foundation
import Testing

/// docs/openapi.json says what the decoders do (scripts/api-fuzz.sh checks it against the running
/// daemon; these checks are the fast ones): every error code the daemon answers is in the document's
/// enum, and the document's patterns accept exactly what the decoders accept.
@Suite struct OpenAPIBehaviourTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func document() throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("docs/openapi.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func schema(_ path: [String]) throws -> [String: Any] {
        var node: Any = try document()
        for key in path {
            if let index = Int(key), let array = node as? [Any] {
                node = array[index]
            } else {
                node = try #require((node as? [String: Any])?[key], "\(path)")
            }
        }
        return try #require(node as? [String: Any])
    }

    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func everyErrorCodeOfTheDaemonIsInTheDocument() throws {
        let codes = Set(
            try Self.schema(["components", "schemas", "Error", "properties", "error", "properties", "code"])["enum"]
                as? [String] ?? [])
        let literal = try NSRegularExpression(pattern: #"code: "([a-z_]+)""#)
        var found: Set<String> = []
        for folder in ["Sources/CCCDDaemon", "Sources/CCCDDaemonAPI"] {
            let walker = try #require(
                FileManager.default.enumerator(at: Self.root.appendingPathComponent(folder), includingPropertiesForKeys: nil))
            for case let url as URL in walker where url.pathExtension == "swift" {
                let text = try String(contentsOf: url, encoding: .utf8)
                for match in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    found.insert(String(text[Range(match.range(at: 1), in: text)!]))
                }
            }
        }
        #expect(found.count >= 20)
        #expect(
            found.subtracting(codes).isEmpty,
            "codes the daemon answers but the document does not list: \(found.subtracting(codes).sorted())")
    }

    @Test func base64PatternIsWhatTheDecodersAccept() throws {
        let pattern = try #require(
            try Self.schema(["components", "schemas", "FaceCompareRequest", "properties", "liveImage"])["pattern"] as? String)
        let verifyPattern =
            try Self.schema(["components", "schemas", "VerifyRequest", "properties", "files", "additionalProperties"])["pattern"]
            as? String
        #expect(verifyPattern == pattern)
        let samples = [
            "QQ==", "QUI=", "QUJD", "QR==", "/9j/4AAQ", "data:image/jpeg;base64,/9j/", "data:,QUJD", "", "QQ", "Q===",
            "QQ==QQ==", " QUJD", "QUJD ", "QU JD", "QUJD\nQUJD", "data:image/png;base64,", "data:QUJD", "QUJ-", "QUJ_", "====",
        ]
        for sample in samples {
            let body = try JSONSerialization.data(withJSONObject: ["liveImage": sample, "chipImage": "QUJD"])
            let accepted = (try? FaceCompareRequest.decode(from: body)) != nil
            #expect(accepted == (try Self.matches(pattern, sample)), "\(sample.debugDescription)")
            let files = try JSONSerialization.data(withJSONObject: ["files": ["EF.SOD": sample]])
            #expect(((try? VerifyRequest.decode(from: files)) != nil) == accepted, "\(sample.debugDescription)")
        }
    }

    @Test func accessPatternsAreWhatTheReadDecoderAccepts() throws {
        let access = ["components", "schemas", "ReadRequest", "properties", "access", "oneOf"]
        func pattern(_ index: String, _ field: String) throws -> String {
            try #require(try Self.schema(access + [index, "properties", field])["pattern"] as? String)
        }
        func check(_ field: String, _ patternText: String, _ samples: [String], body: (String) -> [String: String]) throws {
            for sample in samples {
                let json = try JSONSerialization.data(withJSONObject: ["access": body(sample)])
                let accepted = (try? ReadRequest.decode(from: json)) != nil
                #expect(accepted == (try Self.matches(patternText, sample)), "\(field): \(sample.debugDescription)")
            }
        }
        let dates = [
            "1990-08-15", "1900-01-01", "2199-12-31", "1899-12-31", "2200-01-01", "1990-13-01", "1990-00-10", "1990-02-31",
            "1990-08-32", "1990-08-00", " 1990-08-15", "1990-8-15", "19900815", "1990/08/15", "\u{661}990-08-15",
        ]
        try check("dob", try pattern("2", "dob"), dates) { ["id": "079190012345", "dob": $0, "expiry": "none"] }
        try check("expiry", try pattern("2", "expiry"), dates + ["none", "NONE", "None", "non", "none ", "nonë"]) {
            ["id": "079190012345", "dob": "1990-08-15", "expiry": $0]
        }
        try check(
            "id", try pattern("2", "id"),
            ["079190012345", "07919001234", "0791900123456", " 079190012345", "07919001234a", "\u{661}79190012345"]
        ) {
            ["id": $0, "dob": "1990-08-15", "expiry": "none"]
        }
        try check(
            "mrz", try pattern("1", "mrz"),
            [
                "190012345,900815,300815", "c01234567,900815,300815", " 190012345 , 900815 , 300815 ", "AB<,000101,991231",
                "1234567890123456789012,900815,300815", "12345678901234567890123,900815,300815", ",900815,300815",
                "190012345,901315,300815",
                "190012345,900815", "190012345,900815,300815,1", "1900-12345,900815,300815", "190012345,90081,300815",
                "ß,900815,300815",
                "190012345,\t900815,300815",
            ]
        ) { ["mrz": $0] }
        try check("can", try pattern("0", "can"), ["012345", "0", "12a456", "", " 012345", "\u{661}23456"]) { ["can": $0] }
        let challenge = try #require(
            try Self.schema([
                "components", "schemas", "ReadRequest", "properties", "options", "properties",
                "activeAuthenticationChallenge",
            ])["pattern"] as? String)
        for sample in [
            "0011223344556677", "00112233445566AA", "0011223344556677 ", "001122334455667", "AAECAwQFBgc=", "AAECAwQFBgc",
            "AAECAwQFBgcI",
        ] {
            let json = try JSONSerialization.data(withJSONObject: [
                "access": ["can": "012345"], "options": ["activeAuthenticationChallenge": sample],
            ])
            #expect(
                ((try? ReadRequest.decode(from: json)) != nil) == (try Self.matches(challenge, sample)),
                "\(sample.debugDescription)")
        }
    }

    @Test func theReadLinksToItsResult() throws {
        let links = try Self.schema(["paths", "/v1/readers/{id}/read", "post", "responses", "200", "links"])
        let operations = Set(links.values.compactMap { ($0 as? [String: Any])?["operationId"] as? String })
        #expect(operations == ["getRead", "getReadPhoto", "readEvidence", "deleteRead"])
        for case let link as [String: Any] in links.values {
            #expect((link["parameters"] as? [String: String]) == ["readId": "$response.body#/readId"])
        }
    }
}
