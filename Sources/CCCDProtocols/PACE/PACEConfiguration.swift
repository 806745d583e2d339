import CCCDCrypto
import CCCDLDS

/// A PACE algorithm with its domain parameters, ready to run: chosen from a PACEInfo (and the
/// PACEDomainParameterInfos when the chip uses explicit parameters).
public struct PACEConfiguration: Sendable {
    public let info: PACEInfo
    public let algorithm: PACEAlgorithm
    public let domain: DomainParameters
    /// The value of tag 0x84 in MSE:Set AT: the standardized ID, or the local ID of explicit
    /// parameters; nil when the chip gave none.
    public let parameterIDForMSE: Int?

    /// - Parameter allowExplicitDomainParameters: ICAO 9303-11 §9.2.2 forbids using chip-supplied
    ///   explicit parameters unless known to be secure; off by default.
    public init(info: PACEInfo, domainParameterInfos: [PACEDomainParameterInfo] = [],
                allowExplicitDomainParameters: Bool = false) throws(AccessControlError)
    {
        guard let algorithm = info.algorithm else { throw .unsupportedPACEConfiguration("unknown OID \(info.protocolOID)") }
        guard info.version == 2 else { throw .unsupportedPACEConfiguration("PACEInfo version \(info.version)") }
        let domain: DomainParameters
        if let id = info.parameterID, StandardizedDomainParameters.isStandardized(id) {
            guard let standard = StandardizedDomainParameters(rawValue: id) else {
                throw .unsupportedPACEConfiguration("reserved parameter ID \(id)")
            }
            guard standard.isEC == (algorithm.keyAgreement == .ecdh) else {
                throw .unsupportedPACEConfiguration("parameter ID \(id) does not fit \(algorithm)")
            }
            if algorithm.mapping == .integrated && standard == .nistP224 {
                throw .unsupportedPACEConfiguration("P-224 cannot be used with the integrated mapping")
            }
            do { domain = try standard.domainParameters() } catch { throw .crypto(error) }
        } else {
            guard allowExplicitDomainParameters else {
                throw .unsupportedPACEConfiguration("explicit domain parameters are not accepted")
            }
            let candidates = domainParameterInfos.filter { $0.parameterID == info.parameterID }
            guard candidates.count == 1 else {
                throw .unsupportedPACEConfiguration("no unique PACEDomainParameterInfo for the PACEInfo")
            }
            do { domain = try candidates[0].domainParameters() } catch {
                throw .unsupportedPACEConfiguration("\(error)")
            }
        }
        self.info = info
        self.algorithm = algorithm
        self.domain = domain
        self.parameterIDForMSE = info.parameterID
    }

    /// The preferred configuration among the card's PACEInfos: ECDH before DH; generic mapping,
    /// then CAM, then integrated; AES before 3DES. Unsupported entries are skipped.
    public static func preferred(from infos: SecurityInfos, allowExplicitDomainParameters: Bool = false)
        throws(AccessControlError) -> PACEConfiguration
    {
        var best: (rank: Int, configuration: PACEConfiguration)?
        var lastError: AccessControlError = .paceNotOffered
        for info in infos.paceInfos {
            do {
                let configuration = try PACEConfiguration(
                    info: info, domainParameterInfos: infos.paceDomainParameterInfos,
                    allowExplicitDomainParameters: allowExplicitDomainParameters)
                let rank = rankOf(configuration.algorithm)
                if best == nil || rank < best!.rank { best = (rank, configuration) }
            } catch {
                lastError = error
            }
        }
        guard let best else { throw lastError }
        return best.configuration
    }

    private static func rankOf(_ algorithm: PACEAlgorithm) -> Int {
        let agreement = algorithm.keyAgreement == .ecdh ? 0 : 100
        let mapping: Int
        switch algorithm.mapping {
        case .generic: mapping = 0
        case .chipAuthentication: mapping = 10
        case .integrated: mapping = 20
        }
        let cipher = algorithm.cipher == .tripleDES ? 5 : 0
        return agreement + mapping + cipher
    }
}
