import CCCDTestSupport
import Testing
@testable import CCCDLDS

@Suite("DG15 Active Authentication key")
struct DG15Tests {
    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"), arguments: [
        (Samples.bsiDG15, "CF9A8BA6"),
        (Samples.loesDG15, "B44F490A"),
        (Samples.etsiDG15, "95BDA814"),
        (Samples.tr03105DG15, nil),
    ] as [(String, String?)])
    func rsaSamples(path: String, modulusPrefix: String?) throws {
        let bytes = try Samples.bytes(path)
        let info = try DG15Parser.parse(bytes)
        #expect(info.algorithm.oid == ObjectIdentifiers.rsaEncryption)
        #expect(info.algorithm.hasNoParameters)
        guard case .rsa(let key) = info.key else {
            Issue.record("expected an RSA key")
            return
        }
        #expect(key.modulusBitLength == 1024)
        #expect(key.modulus.count == 128)
        // The BSI 2008 sample encodes its modulus without the 00 sign octet; it is read as unsigned.
        #expect(key.publicExponent == [0x01, 0x00, 0x01])
        if let modulusPrefix { #expect(hexString(key.modulus.prefix(4)) == modulusPrefix) }
        // The SPKI DER is the value of the 6F template, byte for byte.
        let header = try TLVHeader.decode(bytes)
        #expect(info.subjectPublicKeyInfoDER == Array(bytes[header.headerLength..<header.totalLength]))
    }

    static let brainpoolP256r1: [UInt8] = [0x2B, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x07]
    static let ecPublicKeyOID: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01]
    static let point: [UInt8] = [0x04] + Array(repeating: 0x11, count: 32) + Array(repeating: 0x22, count: 32)

    @Test func ecNamedCurve() throws {
        let spki = TLV.sequence(
            TLV.sequence(TLV.oid(Self.ecPublicKeyOID), TLV.oid(Self.brainpoolP256r1)),
            TLV.element(0x03, [0x00] + Self.point))
        let info = try DG15Parser.parse(TLV.element(0x6F, spki))
        #expect(info.subjectPublicKeyInfoDER == spki)
        #expect(info.key == .ec(ECPublicKey(parameters: .namedCurve(oid: "1.3.36.3.3.2.8.1.1.7"), point: Self.point)))
        // The same through the SPKI entry point.
        #expect(try PublicKeyInfoParser.parse(subjectPublicKeyInfo: spki) == info)
    }

    @Test func ecExplicitParameters() throws {
        let primeFieldOID: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x01, 0x01]
        let parameters = TLV.sequence(
            TLV.integer(1),
            TLV.sequence(TLV.oid(primeFieldOID), TLV.element(0x02, [0x00, 0xA9, 0xFB])),
            TLV.sequence(TLV.element(0x04, [0x7D, 0x5A]), TLV.element(0x04, [0x26, 0xDC])),
            TLV.element(0x04, [0x04, 0x8B, 0xD2]),
            TLV.element(0x02, [0x00, 0xA9, 0xFB, 0x57]),
            TLV.integer(1))
        let spki = TLV.sequence(
            TLV.sequence(TLV.oid(Self.ecPublicKeyOID), parameters), TLV.element(0x03, [0x00] + Self.point))
        let info = try DG15Parser.parse(TLV.element(0x6F, spki))
        guard case .ec(let key) = info.key, case .explicit(let explicit) = key.parameters else {
            Issue.record("expected explicit EC parameters")
            return
        }
        #expect(explicit.version == 1)
        #expect(explicit.fieldType == ObjectIdentifiers.primeField)
        #expect(explicit.prime == [0xA9, 0xFB])
        #expect(explicit.a == [0x7D, 0x5A] && explicit.b == [0x26, 0xDC])
        #expect(explicit.generator == [0x04, 0x8B, 0xD2])
        #expect(explicit.order == [0xA9, 0xFB, 0x57])
        #expect(explicit.cofactor == [0x01])
        #expect(explicit.der == parameters)
        #expect(key.point == Self.point)
    }

    @Test func otherAlgorithms() throws {
        let dsa: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x38, 0x04, 0x01]
        let spki = TLV.sequence(TLV.sequence(TLV.oid(dsa)), TLV.element(0x03, [0x00, 0x02, 0x01, 0x05]))
        let info = try DG15Parser.parse(TLV.element(0x6F, spki))
        #expect(info.key == .other(subjectPublicKey: [0x02, 0x01, 0x05]))
        let implicitCA = TLV.sequence(
            TLV.sequence(TLV.oid(Self.ecPublicKeyOID), [0x05, 0x00]), TLV.element(0x03, [0x00] + Self.point))
        #expect(try DG15Parser.parse(TLV.element(0x6F, implicitCA)).key == .ec(ECPublicKey(parameters: .implicitlyCA, point: Self.point)))
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func malformed() throws {
        let sample = try Samples.bytes(Samples.bsiDG15)
        #expect(kind { try DG15Parser.parse([]) } == .truncated)
        #expect(kind { try DG15Parser.parse(hex("6E 02 30 00")) } == .wrongTag)
        #expect(kind { try DG15Parser.parse(hex("6F 84 FF FF FF FF 30")) } == .tooLarge)
        #expect(kind { try DG15Parser.parse(hex("6F 81 A1 30")) } == .truncated)
        #expect(kind { try DG15Parser.parse(hex("6F 02 30 00")) } == .unexpectedStructure)
        #expect(kind { try DG15Parser.parse(hex("6F 04 30 80 00 00")) } == .invalidEncoding)  // DER forbids indefinite
        #expect(kind { try DG15Parser.parse(hex("6F 03 30 81 00")) } == .invalidEncoding)  // non-minimal length
        #expect(kind { try DG15Parser.parse(hex("6F 02 31 00")) } == .wrongTag)
        // Bit string with unused bits.
        let rsaOID: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
        let unused = TLV.sequence(TLV.sequence(TLV.oid(rsaOID), [0x05, 0x00]), TLV.element(0x03, [0x01, 0x80]))
        #expect(kind { try DG15Parser.parse(TLV.element(0x6F, unused)) } == .invalidValue)
        // RSA key that is not a SEQUENCE of two integers.
        let notRSA = TLV.sequence(TLV.sequence(TLV.oid(rsaOID), [0x05, 0x00]), TLV.element(0x03, [0x00] + TLV.sequence(TLV.integer(5))))
        #expect(kind { try DG15Parser.parse(TLV.element(0x6F, notRSA)) } == .unexpectedStructure)
        // Zero modulus.
        let zero = TLV.sequence(
            TLV.sequence(TLV.oid(rsaOID), [0x05, 0x00]),
            TLV.element(0x03, [0x00] + TLV.sequence(TLV.element(0x02, [0x00]), TLV.integer(3))))
        #expect(kind { try DG15Parser.parse(TLV.element(0x6F, zero)) } == .invalidValue)
        // Empty integer.
        let empty = TLV.sequence(
            TLV.sequence(TLV.oid(rsaOID), [0x05, 0x00]),
            TLV.element(0x03, [0x00] + TLV.sequence(TLV.element(0x02, []), TLV.integer(3))))
        #expect(kind { try DG15Parser.parse(TLV.element(0x6F, empty)) } == .invalidValue)
        for length in 0..<sample.count {
            #expect(kind { try DG15Parser.parse(Array(sample.prefix(length))) } != nil)
        }
    }
}
