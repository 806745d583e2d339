import CCCDCrypto

/// PACE generic mapping on the chip (ICAO 9303-11 §4.4.3.3.1), also used by PACE-CAM:
/// EC: Ĝ = s × G + SK_map,IC × PK_map,IFD; DH: ĝ = g^s · PK_map,IFD^SK_map,IC mod p.
enum GenericMappingStep {
    static func mappedGenerator(domain: ChipDomain, nonce s: [UInt8], chipMappingKey sk: [UInt8],
                                terminalMappingKey pk: [UInt8]) throws(ChipError) -> ChipGenerator
    {
        do {
            switch domain {
            case .ec(let group):
                let h = try group.multiply(group.decodePoint(pk), by: sk)
                return .ec(try group.add(group.multiplyGenerator(by: s), h))
            case .dh(let group):
                try group.validatePublicKey(pk)
                let field = try ModularField(modulus: group.p)
                let h = try field.power(BigNumber(bytes: pk), BigNumber(bytes: sk))
                let mapped = try field.multiply(field.power(BigNumber(bytes: group.g), BigNumber(bytes: s)), h)
                guard !mapped.isOne, !mapped.isZero else { throw ChipError.incorrectData("degenerate mapped generator") }
                return .dh(mapped.bytes)
            }
        } catch let error as ChipError {
            throw error
        } catch {
            // An invalid terminal key: the terminal's data are wrong.
            throw .incorrectData("mapping data rejected")
        }
    }
}
