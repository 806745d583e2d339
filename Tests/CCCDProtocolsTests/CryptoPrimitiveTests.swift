import CCCDCrypto
import CCCDPrimitives
import CCCDTransport
import Testing

@testable import CCCDProtocols

@Suite("Crypto primitives (OpenSSL wrappers)")
struct CryptoPrimitiveTests {
    @Test func retailMACVectors() throws {
        let section = try Vectors.section("iso9797_1")
        let vectors = try section.list("mac_alg3_vectors")
        #expect(vectors.count == 6)
        for v in vectors {
            let key = try v.hex("key")
            let input = try v.hex("input")
            let padding = try v.string("padding")
            let mac: [UInt8]
            if padding.hasPrefix("none") || padding.hasPrefix("already") {
                mac = try RetailMAC.authenticate(key: key, paddedData: input)
            } else {
                mac = try RetailMAC.authenticate(key: key, data: input)
            }
            let origin = (v["origin"] as? String) ?? "?"
            #expect(try mac == v.hex("mac"), "\(origin)")
        }
    }

    @Test func paddingMethod2() throws {
        let vectors = try Vectors.section("iso9797_1").list("padding_method2_blocksize8")
        #expect(vectors.count == 7)
        for v in vectors {
            let input = Hex.decode(try v.string("in")) ?? []
            let padded = ISO9797Padding.pad(input, blockSize: 8)
            #expect(padded == (try v.hex("out")))
            #expect(try ISO9797Padding.unpad(padded, blockSize: 8) == input)
        }
        #expect(throws: CryptoError.invalidPadding) { try ISO9797Padding.unpad([0x01, 0x02, 0, 0], blockSize: 8) }
        #expect(throws: CryptoError.invalidPadding) { try ISO9797Padding.unpad([], blockSize: 8) }
        #expect(throws: CryptoError.invalidPadding) {
            try ISO9797Padding.unpad([0x80] + [UInt8](repeating: 0, count: 16), blockSize: 8)
        }
    }

    @Test func aesCMACRFC4493() throws {
        let section = try Vectors.section("iso9797_1").dict("aes_cmac_rfc4493")
        let key = try section.hex("key")
        let vectors = try section.list("vectors")
        #expect(vectors.count == 3)
        for v in vectors {
            let message = Hex.decode(try v.string("m")) ?? []
            #expect(try AESCMAC.authenticate(key: key, data: message) == (try v.hex("t")))
        }
    }

    @Test func tripleDESCBC() throws {
        let vectors = try Vectors.section("sm_3des_additional").list("vectors")
        let v = try #require(vectors.first { ($0["origin"] as? String)?.contains("testDES3Encryption") == true })
        let plaintext = Array(try v.string("plaintext_ascii").utf8)
        let ciphertext = try TripleDES.encryptCBC(key: v.hex("key"), iv: v.hex("iv"), data: plaintext)
        #expect(ciphertext == (try v.hex("ciphertext_3des_cbc")))
        #expect(try TripleDES.decryptCBC(key: v.hex("key"), iv: v.hex("iv"), data: ciphertext) == plaintext)
    }

    @Test func sscIncrement() throws {
        guard let vectors = try Vectors.section("ssc_increment")["vectors"] as? [[String]] else {
            throw VectorError.missing("vectors")
        }
        #expect(vectors.count == 9)
        for pair in vectors {
            var ssc = SendSequenceCounter(Array(hex: pair[0]))
            ssc.increment()
            #expect(ssc.bytes == Array(hex: pair[1]))
        }
    }

    @Test func hashes() throws {
        let abc = Array("abc".utf8)
        #expect(try HashAlgorithm.sha1.hash(abc) == Array(hex: "A9993E364706816ABA3E25717850C26C9CD0D89D"))
        #expect(try HashAlgorithm.sha256.hash(abc)
            == Array(hex: "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"))
        #expect(try HashAlgorithm.sha224.hash(abc).count == 28)
        #expect(try HashAlgorithm.sha384.hash(abc).count == 48)
        #expect(try HashAlgorithm.sha512.hash(abc).count == 64)
    }

    @Test func singleDESMatchesKnownAnswer() throws {
        // FIPS 81 / classic DES test: key 0123456789ABCDEF, "Now is t" → 3FA40E8A984D4815.
        let out = try DES.encryptECB(key: Array(hex: "0123456789ABCDEF"), data: Array(hex: "4E6F772069732074"))
        #expect(out == Array(hex: "3FA40E8A984D4815"))
    }

    @Test func badInputsAreTypedErrors() throws {
        #expect(throws: CryptoError.self) { try AES.encryptCBC(key: [1, 2, 3], data: [UInt8](repeating: 0, count: 16)) }
        #expect(throws: CryptoError.self) { try AES.encryptCBC(key: [UInt8](repeating: 0, count: 16), data: [1]) }
        #expect(throws: CryptoError.self) { try RetailMAC.authenticate(key: [0], paddedData: [UInt8](repeating: 0, count: 8)) }
        let group = try ECGroup(curve: .brainpoolP256r1)
        #expect(throws: CryptoError.self) { try group.decodePoint([0x04, 0x01, 0x02]) }
        #expect(throws: CryptoError.self) { try group.decodePoint([0x04] + [UInt8](repeating: 0x11, count: 64)) }
        #expect(throws: CryptoError.self) { try group.decodePoint([]) }
        #expect(throws: CryptoError.invalidScalar) { try group.multiplyGenerator(by: [0]) }
        #expect(throws: CryptoError.self) { try DHGroup.rfc5114_1024_160.validatePublicKey([1]) }
    }

    @Test func everyStandardCurveWorks() throws {
        for curve in StandardCurve.allCases {
            let group = try ECGroup(curve: curve)
            let a = try group.privateKey(fromRandom: SecureRandom.bytes(group.orderSize + 8))
            let b = try group.privateKey(fromRandom: SecureRandom.bytes(group.orderSize + 8))
            let pa = try group.publicKey(privateKey: a)
            let pb = try group.publicKey(privateKey: b)
            #expect(try group.sharedSecret(privateKey: a, peer: pb) == group.sharedSecret(privateKey: b, peer: pa))
            #expect(try group.decodePoint(pa.uncompressed) == pa)
        }
    }

    @Test func rfc5114GroupsMatchWorkedExampleAndSubgroupOrder() throws {
        let g2 = try Vectors.section("pace_gm_dh_modp1024")
        let group = DHGroup.rfc5114_1024_160
        #expect(group.p == (try g2.hex("group_p")))
        #expect(group.g == (try g2.hex("group_g")))
        #expect(group.q == (try g2.hex("group_q")))
        // g has order q in every group: g^q = 1 mod p.
        for group in [DHGroup.rfc5114_1024_160, .rfc5114_2048_224, .rfc5114_2048_256] {
            let field = try ModularField(modulus: group.p)
            let q = try #require(group.q)
            #expect(try field.power(BigNumber(bytes: group.g), BigNumber(bytes: q)).isOne)
            let x = try group.privateKey(fromRandom: SecureRandom.bytes(group.privateKeyRandomLength))
            let y = try group.publicKey(privateKey: x)
            try group.validatePublicKey(y)
        }
    }

    @Test func desParity() throws {
        let bac = try Vectors.section("bac")
        #expect(try DESParity.adjusted(bac.hex("k_enc_before_parity")) == bac.hex("k_enc"))
        #expect(try DESParity.adjusted(bac.hex("k_mac_before_parity")) == bac.hex("k_mac"))
    }
}
