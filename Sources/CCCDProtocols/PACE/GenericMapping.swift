import CCCDCrypto

/// PACE Generic Mapping (ICAO 9303-11 §4.4.3.3.1), also the mapping of PACE-CAM.
package enum GenericMapping {
    /// ECDH: Ĝ = s×G + H with H = SK_map,IFD × PK_map,IC. DH: ĝ = g^s · h with h = PK_map,IC^SK_map,IFD.
    /// Returns the mapped generator and the shared point/element H (for checks and tests).
    package static func mapGenerator(domain: DomainParameters, nonce s: [UInt8], terminalMappingPrivateKey sk: [UInt8],
                                    chipMappingPublicKey pkIC: [UInt8]) throws(AccessControlError)
        -> (generator: PACEGenerator, sharedElement: [UInt8])
    {
        try crypto { () throws(CryptoError) in
            switch domain {
            case .ec(let group):
                let h = try group.multiply(group.decodePoint(pkIC), by: sk)
                let sG = try group.multiplyGenerator(by: s)
                let mapped = try group.add(sG, h)
                return (.ec(mapped), h.uncompressed)
            case .dh(let group):
                try group.validatePublicKey(pkIC)
                let field = try ModularField(modulus: group.p)
                let h = try field.power(BigNumber(bytes: pkIC), BigNumber(bytes: sk))
                guard !h.isOne, !h.isZero else { throw .invalidPublicKey("mapping produced the neutral element") }
                let gs = try field.power(BigNumber(bytes: group.g), BigNumber(bytes: s))
                let mapped = try field.multiply(gs, h)
                guard !mapped.isOne else { throw .invalidPublicKey("mapped generator is 1") }
                return (.dh(mapped.bytes), try h.bytes(paddedTo: group.primeSize))
            }
        }
    }
}
