import CCCDCrypto
import CCCDLDS
import CCCDPrimitives
import CCCDTestSupport
import CCCDTransport
import Foundation
import Testing

@testable import CCCDProtocols

@Suite("SecurityInfos (EF.CardAccess, EF.CardSecurity content, DG14)")
struct SecurityInfosTests {
    @Test func cccdCardAccess() throws {
        let infos = try SecurityInfos(encoded: AccessPolicy.cccdCardAccess)
        #expect(infos.infos.count == 3)
        #expect(infos.terminalAuthenticationInfos.first?.version == 1)
        let ca = try #require(infos.chipAuthenticationInfos.first)
        #expect(ca.protocolOID == "0.4.0.127.0.7.2.2.3.2.2")
        #expect(ca.isECDH && ca.cipher == .aes128 && ca.version == 1)
        let pace = try #require(infos.paceInfos.first)
        #expect(pace.protocolOID == "0.4.0.127.0.7.2.2.4.2.2")
        #expect(pace.version == 2 && pace.parameterID == 13)
        let configuration = try PACEConfiguration.preferred(from: infos)
        #expect(configuration.algorithm == PACEAlgorithm(keyAgreement: .ecdh, mapping: .generic, cipher: .aes128))
        #expect(configuration.parameterIDForMSE == 13)
        // The MSE:Set AT we send to a CCCD for CAN: with 84 01 0D.
        let mse = PACECommands.mseSetAT(algorithm: configuration.algorithm, passwordReference: 2, parameterID: 13)
        #expect(mse.bytesForTest == Array(hex: "0022C1A412800A04007F0007020204020283010284010D"))
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func openPACESampleFiles() throws {
        let directory = SharedFolder.url("samples/openpace_eactest")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.contains("CardAccess") && $0.hasSuffix(".bin") }.sorted()
        #expect(names.count == 7)
        for name in names {
            let bytes = try Vectors.sample("openpace_eactest/" + name)
            let infos = try SecurityInfos(encoded: bytes)
            // The Slovenian sample offers Chip/Terminal Authentication only.
            #expect(infos.paceInfos.isEmpty == name.hasPrefix("SI_"), "\(name)")
            for info in infos.paceInfos { #expect(info.algorithm != nil, "\(name): \(info.protocolOID)") }
            if name.hasPrefix("DE_new_testcard") || name.hasPrefix("SI_") {
                #expect(infos.trailingByteCount > 0, "\(name) carries trailing garbage")
            }
        }
        let de = try SecurityInfos(encoded: Vectors.sample("openpace_eactest/DE_eID_EF.CardAccess.bin"))
        #expect(de.paceInfos.contains { $0.protocolOID == "0.4.0.127.0.7.2.2.4.2.2" && $0.parameterID == 13 })
        let si = try SecurityInfos(encoded: Vectors.sample("openpace_eactest/SI_EF.CardAccess.bin"))
        #expect(!si.chipAuthenticationInfos.isEmpty && !si.unknownInfos.isEmpty)
        let old = try SecurityInfos(encoded: Vectors.sample("openpace_eactest/DE_old_testcard_EF.CardAccess.bin"))
        #expect(!old.paceDomainParameterInfos.isEmpty)
        let ca3 = try SecurityInfos(encoded: Vectors.sample("openpace_eactest/ca3_EF.CardAccess.bin"))
        #expect(ca3.paceInfos.contains { $0.algorithm?.mapping == .chipAuthentication })
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func dg14WithExplicitBrainpoolParameters() throws {
        // DG14 = 6E L SecurityInfos; the CA key uses explicit ECParameters.
        for file in ["bsi2008_jmrtd/Datagroup14.bin", "pymrtd_tests/BSI_TR-03105-5_DG14.bin"] {
            let dg14 = try Vectors.sample(file)
            let (outer, _) = try BERTLV.parse(dg14[...], at: 0)
            #expect(outer.tag == 0x6E)
            let infos = try SecurityInfos(encoded: outer.value)
            let key = try #require(infos.chipAuthenticationPublicKeyInfos.first)
            switch try key.domainParameters() {
            case .ec(let group):
                let point = try group.decodePoint(key.publicKeyValue())
                #expect(point.x.count == group.fieldSize)
            case .dh(let group):
                try group.validatePublicKey(key.publicKeyValue())
            }
        }
    }

    @Test func malformedInputsAreTypedErrors() throws {
        #expect(throws: SecurityInfoError.self) { try SecurityInfos(encoded: []) }
        #expect(throws: SecurityInfoError.self) { try SecurityInfos(encoded: [0x31, 0x05, 0x30, 0x03]) }
        #expect(throws: SecurityInfoError.self) { try SecurityInfos(encoded: [0x30, 0x00]) }
        // A PACEInfo whose version is not an INTEGER.
        let bad: [UInt8] = [0x31, 0x11, 0x30, 0x0F, 0x06, 0x0A, 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02, 0x02, 0x04, 0x01, 0x02]
        #expect(throws: SecurityInfoError.self) { try SecurityInfos(encoded: bad) }
        // Unknown entries are kept raw.
        let unknown: [UInt8] = [0x31, 0x08, 0x30, 0x06, 0x06, 0x01, 0x2A, 0x02, 0x01, 0x01]
        let infos = try SecurityInfos(encoded: unknown)
        #expect(infos.unknownInfos.first?.protocolOID == "1.2")
        #expect(infos.unknownInfos.first?.encoded == Array(unknown[2...]))
    }

    @Test func domainParametersByID() throws {
        let standardized = AlgorithmIdentifier(oid: SecurityInfoOID.standardizedDomainParameters, parameters: [0x02, 0x01, 0x0D])
        guard case .ec(let group) = try DomainParameters(algorithmIdentifier: standardized) else {
            Issue.record("expected EC")
            return
        }
        #expect(group.curve == .brainpoolP256r1)
        guard case .dh(let dh) = try DomainParameters(standardizedID: 2) else {
            Issue.record("expected DH")
            return
        }
        #expect(dh == .rfc5114_2048_256)
        #expect(throws: SecurityInfoError.self) { try DomainParameters(standardizedID: 5) }
    }
}
