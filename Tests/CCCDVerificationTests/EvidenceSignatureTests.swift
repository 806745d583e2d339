import CCCDCrypto
import CCCDKit
import Foundation
import Testing

/// Device-signed evidence bundles (issue 15, item 5): ES256 through OpenSSL, the JWK's RFC 7638
/// thumbprint recomputed independently (python3 hashlib over the canonical JSON), JWS verification
/// failing closed on any changed byte.
@Suite struct EvidenceSignatureTests {
    @Test func es256SignVerifyRoundTrip() throws {
        let key = try P256SigningKey.generate()
        let message = Array("cccdkit evidence".utf8)
        let signature = try key.sign(message)
        #expect(signature.count == 64)
        let publicKey = try key.publicKey()
        #expect(publicKey.isValidSignature(signature, for: message))
        #expect(!publicKey.isValidSignature(signature, for: message + [0]))
        var flipped = signature
        flipped[40] ^= 0x01
        #expect(!publicKey.isValidSignature(flipped, for: message))
        #expect(!publicKey.isValidSignature(Array(signature.prefix(63)), for: message))
        #expect(!publicKey.isValidSignature([UInt8](repeating: 0, count: 64), for: message))
        #expect(!(try P256SigningKey.generate().publicKey()).isValidSignature(signature, for: message))
    }

    @Test func pemRoundTripKeepsTheKey() throws {
        let key = try P256SigningKey.generate()
        let pem = try key.pem()
        #expect(String(decoding: pem, as: UTF8.self).hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let reloaded = try P256SigningKey(pem: pem)
        #expect(try reloaded.publicKey() == key.publicKey())
        let signature = try reloaded.sign([1, 2, 3])
        #expect(try key.publicKey().isValidSignature(signature, for: [1, 2, 3]))
        #expect(throws: CryptoError.self) { try P256SigningKey(pem: Array("not a key".utf8)) }
    }

    @Test func pointsOffTheCurveAreRefused() {
        #expect(throws: CryptoError.self) {
            try P256PublicKey(x: [UInt8](repeating: 1, count: 32), y: [UInt8](repeating: 1, count: 32))
        }
        #expect(throws: CryptoError.self) { try P256PublicKey(x: [1], y: [2]) }
        let bad = Data(#"{"kty":"EC","crv":"P-256","x":"AQ","y":"AQ"}"#.utf8)
        #expect(throws: EvidenceSignatureError.self) { try DeviceJWK(json: bad) }
        #expect(throws: EvidenceSignatureError.self) { try DeviceJWK(json: Data(#"{"kty":"RSA","n":"AQ","e":"AQAB"}"#.utf8)) }
    }

    @Test func thumbprintMatchesAnIndependentComputation() throws {
        let jwk = DeviceJWK(key: try P256SigningKey.generate().publicKey())
        let json = jwk.jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: String])
        #expect(object["kty"] == "EC" && object["crv"] == "P-256" && object["alg"] == "ES256" && object["use"] == "sig")
        #expect(object["kid"] == jwk.thumbprint)
        #expect(try DeviceJWK(json: json) == jwk)
        // RFC 7638 §3: required members only, lexicographic order, no white space; SHA-256; base64url.
        let script = """
            import sys, json, hashlib, base64
            k = json.load(sys.stdin)
            canonical = json.dumps({m: k[m] for m in ("crv", "kty", "x", "y")}, sort_keys=True, separators=(",", ":"))
            print(base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).decode().rstrip("="))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(json)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == jwk.thumbprint)
        #expect(jwk.thumbprint.count == 43)
    }

    @Test func jwsRoundTripAndTampering() throws {
        let key = try P256SigningKey.generate()
        let jwk = DeviceJWK(key: try key.publicKey())
        let payload = Data(#"{"format":"cccdkit-evidence/1","readId":"r1"}"#.utf8)
        let jws = try EvidenceJWS.sign(payload, key: key)
        #expect(EvidenceJWS.isCompact(Data(jws.utf8)) && !EvidenceJWS.isCompact(payload))
        #expect(try EvidenceJWS.verify(Data(jws.utf8), jwk: jwk) == payload)
        let parts = jws.split(separator: ".").map(String.init)
        let headerBytes = try #require(Base64URL.decode(parts[0]))
        let header = try #require(try JSONSerialization.jsonObject(with: Data(headerBytes)) as? [String: String])
        #expect(header == ["alg": "ES256", "kid": jwk.thumbprint, "typ": "cccdkit-evidence+jws"])

        let otherKey = DeviceJWK(key: try P256SigningKey.generate().publicKey())
        #expect(throws: EvidenceSignatureError.badSignature) { try EvidenceJWS.verify(Data(jws.utf8), jwk: otherKey) }
        // One changed byte of the payload, then of the signature.
        for index in [parts[0].count + 5, jws.count - 20] {
            var bytes = Array(jws.utf8)
            bytes[index] = bytes[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            #expect(throws: EvidenceSignatureError.badSignature) { try EvidenceJWS.verify(Data(bytes), jwk: jwk) }
        }
        // alg "none" (RFC 7515's unsecured JWS) is never accepted.
        let none = Base64URL.encode(Array(#"{"alg":"none"}"#.utf8)) + "." + parts[1] + "."
        #expect(throws: EvidenceSignatureError.self) { try EvidenceJWS.verify(Data(none.utf8), jwk: jwk) }
        #expect(throws: EvidenceSignatureError.self) { try EvidenceJWS.verify(Data("a.b".utf8), jwk: jwk) }
    }

    @Test func base64URLHasNoPaddingAndRefusesOtherAlphabets() {
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
        #expect(Base64URL.decode("+/8=") == nil)
        #expect(Base64URL.decode("A") == nil)
    }
}
