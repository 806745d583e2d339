import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// A cloned card: the default data set's genuine files on a chip with fresh AA/CA keys. Passive
/// authentication still passes; Active and Chip Authentication catch the clone.
extension PCSCEndToEnd {
    @Test func cloneOfTheDefaultDataSetIsInvalid() async throws {
        let card = try DataSetChip.load(Self.defaultDataSet, clone: true)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }

        let csca = Self.defaultDataSet.appendingPathComponent("pki/csca.pem").path
        let run = try Self.runCLI(["read", "--reader", "0", "--json", "--timeout", "15", "--trust", csca, "--can", "012345"])
        #expect(run.status == 3, "stderr: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "\(run.stderr)")
        let verification = try #require(object["verification"] as? [String: Any])
        #expect(verification["overall"] as? String == "invalid")
        #expect((verification["passive"] as? [String: Any])?["status"] as? String == "valid")
        let active = try #require(verification["active"] as? [String: Any])
        let chip = try #require(verification["chip"] as? [String: Any])
        #expect(active["status"] as? String == "invalid", "\(active)")
        #expect(chip["status"] as? String == "invalid", "\(chip)")
        // The clone signs with its own RSA key: read as a number under the genuine DG15 modulus its
        // signature either does not verify or (when the number is at or above that modulus, which
        // happens for some challenges) is not a signature at all. Both fail closed.
        let activeCodes = (active["reasons"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        #expect(activeCodes.contains { $0 == "signatureInvalid" || $0 == "signatureMalformed" }, "\(active)")
        #expect((chip["reasons"] as? [[String: Any]])?.contains { ($0["message"] as? String)?.contains("clone") == true } == true,
                "\(chip)")
    }
}
