import CCCDLDS
import CCCDProtocols
import CCCDTransport
import CCCDVirtualCard
import Foundation
import Testing

@Suite struct ChipConfigurationTests {
    @Test func defaultCardAccessIsTheCCCDOne() throws {
        let configuration = ChipConfiguration.cccd(can: "123456", mrz: ChipFixtures.mrz)
        #expect(try configuration.cardAccessContents() == TestPatternCard.cccdCardAccess)
        #expect(try configuration.cardAccessContents() == AccessPolicy.cccdCardAccess)
    }

    @Test func cardAccessParsesOnTheReaderSide() throws {
        let configuration = ChipFixtures.configuration(
            pace: [.cccd, PACEOffer(keyAgreement: .dh, mapping: .integrated, cipher: .aes256, parameterID: 2)])
        let infos = try SecurityInfos(encoded: #require(try configuration.cardAccessContents()))
        #expect(Set(infos.paceInfos.map(\.protocolOID)) == ["0.4.0.127.0.7.2.2.4.2.2", "0.4.0.127.0.7.2.2.4.3.4"])
        #expect(Set(infos.paceInfos.compactMap(\.parameterID)) == [13, 2])
        #expect(try ChipFixtures.configuration(pace: []).cardAccessContents() == nil)
    }

    @Test func jsonWithDefaults() throws {
        let json = #"{"can": "123456", "mrz": {"documentNumber": "090012345", "dateOfBirth": "900115", "dateOfExpiry": "300115"}}"#
        let decoded = try JSONDecoder().decode(ChipConfiguration.self, from: Data(json.utf8))
        #expect(decoded == ChipConfiguration.cccd(can: "123456", mrz: ChipFixtures.mrz))
        let caKey = try ChipAuthenticationKey.generate()
        let full = ChipFixtures.configuration(
            pace: [PACEOffer(mapping: .chipAuthentication)], profile: .shortOnly, caKey: caKey)
        let roundTrip = try JSONDecoder().decode(ChipConfiguration.self, from: JSONEncoder().encode(full))
        #expect(roundTrip == full)
        #expect(!full.description.contains("123456") && !full.description.contains(caKey.privateKey))
    }

    @Test func inconsistentConfigurationsAreRejected() throws {
        #expect(throws: ChipError.self) {
            try ChipConfiguration(can: "1", mrz: nil, offersBAC: true).validate()
        }
        #expect(throws: ChipError.self) {
            try ChipFixtures.configuration(pace: [PACEOffer(mapping: .chipAuthentication)]).validate()
        }
        #expect(throws: ChipError.self) {
            try ChipFixtures.configuration(pace: [PACEOffer(keyAgreement: .dh, parameterID: 13)]).validate()
        }
        #expect(throws: ChipError.self) {
            try ChipFixtures.configuration(pace: [PACEOffer(mapping: .integrated, parameterID: 10)]).validate()
        }
    }

}
