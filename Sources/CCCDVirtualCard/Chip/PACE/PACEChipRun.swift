/// A PACE run in progress on the chip, from MSE:Set AT to the mutual authentication.
struct PACEChipRun: Sendable {
    enum Step: Sendable {
        case encryptedNonce
        case mapping(nonce: [UInt8])
        case keyAgreement(generator: ChipGenerator, mappingPrivateKey: [UInt8]?)
        case mutualAuthentication(keys: ChipSessionKeys, chipPublicKey: [UInt8], terminalPublicKey: [UInt8],
                                  mappingPrivateKey: [UInt8]?)
    }

    let offer: PACEOffer
    let domain: ChipDomain
    let passwordKey: [UInt8]
    var step: Step = .encryptedNonce
}

/// What MSE:Set AT (`00 22 C1 A4`) selected: the offered algorithm and the password reference.
enum MSESetATParsing {
    /// Parses 80 (OID content), 83 (password reference), 84 (parameter ID, optional) and picks the
    /// matching offer. Other objects (e.g. a CHAT for Terminal Authentication) are ignored.
    static func select(_ data: [UInt8], offers: [PACEOffer]) throws(ChipError) -> (offer: PACEOffer, passwordReference: UInt8) {
        guard let objects = try? ChipTLV.parse(data) else { throw .incorrectData("MSE:Set AT is not BER-TLV") }
        var oid: [UInt8]?
        var reference: [UInt8]?
        var parameterID: Int?
        for object in objects {
            switch object.tag {
            case 0x80: oid = object.value
            case 0x83: reference = object.value
            case 0x84:
                guard (1...4).contains(object.value.count) else { throw .incorrectData("parameter ID") }
                parameterID = object.value.reduce(0) { $0 << 8 | Int($1) }
            default: continue
            }
        }
        guard let oid, let reference, reference.count == 1 else { throw .incorrectData("80 and 83 are required") }
        let candidates = offers.filter { $0.oidContent == oid }
        guard !candidates.isEmpty else { throw .referencedDataNotFound("algorithm not offered") }
        let offer: PACEOffer?
        if let parameterID {
            offer = candidates.first { $0.parameterID == parameterID }
        } else {
            offer = candidates.count == 1 ? candidates[0] : nil
        }
        guard let offer else { throw .referencedDataNotFound("domain parameters not offered") }
        return (offer, reference[0])
    }
}
