import CCCDPrimitives
import CCCDTestSupport
import Foundation

/// The public sample files in ../shared/samples (`SharedFolder`; absent on a plain clone, where the
/// tests that read them are skipped).
enum Samples {
    static var directory: URL { SharedFolder.url("samples") }

    /// The bytes of a sample, by its path under samples/.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(path)))
    }

    static let bsiCOM = "bsi2008_jmrtd/EF_COM.bin"
    static let bsiDG1 = "bsi2008_jmrtd/Datagroup1.bin"
    static let bsiDG2 = "bsi2008_jmrtd/Datagroup2.bin"
    static let bsiDG3 = "bsi2008_jmrtd/Datagroup3.bin"
    static let bsiDG4 = "bsi2008_jmrtd/Datagroup4.bin"
    static let bsiDG15 = "bsi2008_jmrtd/Datagroup15.bin"
    static let bsiSOD = "bsi2008_jmrtd/EF_SOD.bin"
    static let loesCOM = "loes2006_jmrtd/ef011E.bin"
    static let loesDG1 = "loes2006_jmrtd/ef0101.bin"
    static let loesDG2 = "loes2006_jmrtd/ef0102.bin"
    static let loesDG15 = "loes2006_jmrtd/ef010F.bin"
    static let loesSOD = "loes2006_jmrtd/ef011D.bin"
    static let tr03105DG1 = "pymrtd_tests/BSI_TR-03105-5_DG1.bin"
    static let tr03105DG15 = "pymrtd_tests/BSI_TR-03105-5_DG15_not_in_SOD.bin"
    static let tr03105SOD = "pymrtd_tests/BSI_TR-03105-5_EF_SOD.bin"
    static let tr03105DG14 = "pymrtd_tests/BSI_TR-03105-5_DG14.bin"
    static let etsiDG14 = "pymrtd_tests/ETSI_TR103200_EACAA_DG14.bin"
    static let etsiDG1 = "pymrtd_tests/ETSI_TR103200_EACAA_DG1.bin"
    static let etsiDG15 = "pymrtd_tests/ETSI_TR103200_EACAA_DG15.bin"
    static let etsiSOD = "pymrtd_tests/ETSI_TR103200_EACAA_EF_SOD.bin"
    static let dg11 = "tsemrtd_dgs/EF_DG11.bin"
    static let dg12 = "tsemrtd_dgs/EF_DG12.bin"
    static let dg5 = "tsemrtd_dgs/EF_DG5.bin"
    static let dg7 = "tsemrtd_dgs/EF_DG7.bin"
    static let cardSecurityFiles = [
        "openpace_eactest/DE_eID_EF.CardSecurity.bin",
        "openpace_eactest/BSI_EAC_worked_example_ECDH_EF.CardSecurity.bin",
        "openpace_eactest/BSI_EAC_worked_example_DH_EF.CardSecurity.bin",
        "jmrtd_efcardsecurity.dump",
    ]
}

/// Bytes from hex text (spaces, newlines and colons ignored); the package's one hex codec.
func hex(_ text: String) -> [UInt8] { [UInt8](hex: text) }

/// Hex text of bytes, upper case, no separators.
func hexString<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 { Hex.encode(bytes) }
