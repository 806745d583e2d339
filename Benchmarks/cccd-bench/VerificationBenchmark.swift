import ArgumentParser
import CCCDChipAuthentication
import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDTestData
import CCCDVerification
import COpenSSL
import Foundation

/// CPU time of passive authentication of a full data set next to the bare OpenSSL calls it
/// makes (DG digests, messageDigest, signature, path validation, CRL), and of the terminal-side
/// crypto of active and chip authentication.
struct VerificationBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Passive, active and chip authentication CPU time (TestVectors/datasets).")

    @Option(help: "Iterations per measurement.")
    var iterations = 200

    @Option(help: "The data-set folder.")
    var datasets = "TestVectors/datasets"

    func run() throws {
        let root = URL(fileURLWithPath: datasets)
        let pki = root.appendingPathComponent("pki")
        let trust = TrustStoreLoader.load(paths: ["csca-ecdsa.pem", "csca-rsa.pem", "csca-ecdsa.crl", "csca-rsa.crl"].map {
            pki.appendingPathComponent($0)
        })
        print("Passive authentication, CPU time per verification (\(iterations) runs, thread CPU time)")
        for (name, label) in [("default", "ECDSA brainpoolP256r1 DSC (explicit params), CSCA brainpoolP512r1"),
                              ("no-expiry", "RSA-PSS 2048 DSC, CSCA RSA-3072")] {
            let dump = try DumpFolder(folder: root.appendingPathComponent(name))
            let input = dump.passiveAuthenticationInput
            let full = sample(iterations) {
                let result = PassiveAuthenticator.verify(input, trustStore: trust)
                precondition(result.status == .valid)
            }
            let bare = try BareOpenSSLPassiveAuthentication(input: input, trust: trust)
            let baseline = sample(iterations) { precondition(bare.run()) }
            let ratio = full.median / baseline.median
            print("  \(name) — \(label)")
            print("    CCCDVerification: \(full)")
            print("    bare OpenSSL:     \(baseline)")
            print(String(format: "    ratio (median): %.2f× (target ≤ 1.5×)", ratio))
        }
        try activeAndChipAuthentication(root)
    }

    func activeAndChipAuthentication(_ root: URL) throws {
        print("Active authentication, terminal side (verify one response)")
        for name in ["default", "no-expiry"] {
            let folder = root.appendingPathComponent(name)
            let spec = DataSetSpec.all.first { $0.name == name }!
            let keys = try DataSetWriter.chipKeys(spec, folder: folder)
            let dump = try DumpFolder(folder: folder)
            let dg15 = try DG15Parser.parse(dump.files[.dataGroup(.dg15)]!)
            let dg14 = try DataGroup14.securityInfos(dump.files[.dataGroup(.dg14)]!)
            let challenge: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
            let signature: [UInt8]
            if keys.activeAuthentication.isRSA {
                let representative = try ChipSideSigning.iso9796Representative(
                    m1Source: [UInt8](repeating: 0x33, count: 256), challenge: challenge, modulusBytes: 256, sha256: false)
                signature = try ChipSideSigning.rsaRaw(representative, key: keys.activeAuthentication)
            } else {
                let der = try ChipSideSigning.ecdsa(challenge, hash: "SHA256", key: keys.activeAuthentication)
                signature = ECDSASignatureEncoding.plain(fromDER: der, componentLength: 32)!
            }
            let info = dg14.activeAuthenticationInfos.first
            let summary = sample(iterations) {
                let result = ActiveAuthenticationVerifier.verify(
                    signature: signature, challenge: challenge, publicKey: dg15, info: info)
                precondition(result.status == .valid)
            }
            print("  \(name) (\(keys.activeAuthentication.isRSA ? "RSA-2048 ISO/IEC 9796-2" : "ECDSA brainpoolP256r1 plain")): \(summary)")
        }
        print("Chip authentication, terminal side (ephemeral key, K, KS_enc/KS_mac)")
        let dg14 = try DataGroup14.securityInfos(
            try DumpFolder(folder: root.appendingPathComponent("default")).files[.dataGroup(.dg14)]!)
        let setup = try ChipAuthenticationSelection.select(from: dg14)
        let domain = try setup.publicKey.domainParameters()
        let chipKey = try setup.publicKey.publicKeyValue()
        let summary = sample(iterations) {
            let random = try! SecureRandom.bytes(ChipAuthenticationKeyAgreement.randomLength(domain: domain))
            let pair = try! ChipAuthenticationKeyAgreement.ephemeralKeyPair(domain: domain, randomBytes: random)
            let k = try! ChipAuthenticationKeyAgreement.sharedSecret(domain: domain, privateKey: pair.privateKey, chipPublicKey: chipKey)
            _ = try! ChipAuthenticationKeyAgreement.sessionKeys(sharedSecret: k, cipher: .aes128)
        }
        print("  ECDH brainpoolP256r1 AES-128: \(summary)")
    }

    /// Thread CPU time of `body`, `count` times (after 5 warm-up runs).
    func sample(_ count: Int, _ body: () -> Void) -> Summary {
        for _ in 0..<5 { body() }
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for _ in 0..<count {
            let start = threadCPUTimeMilliseconds()
            body()
            samples.append(threadCPUTimeMilliseconds() - start)
        }
        return Summary(milliseconds: samples)
    }
}

/// The OpenSSL calls passive authentication makes, called directly on pre-extracted inputs:
/// DG digests, the messageDigest digest, d2i of the signer certificate, EVP_DigestVerify of the
/// signed attributes, X509_verify_cert to the CSCA, and the CRL's signature and lookup.
final class BareOpenSSLPassiveAuthentication {
    let groups: [[UInt8]]
    let expected: [[UInt8]]
    let hashName: String
    let digestName: String
    let content: [UInt8]
    let signedAttributes: [UInt8]
    let signature: [UInt8]
    let signerDER: [UInt8]
    let pss: (mgf: String, salt: Int32)?
    let store: OpaquePointer
    let crl: OpaquePointer
    let csca: OpaquePointer

    init(input: PassiveAuthenticationInput, trust: TrustStore) throws {
        let sod = try SODParser.parse(input.securityObject!)
        let signer = sod.signedData.signerInfos[0]
        let numbers = input.dataGroups.keys.sorted()
        groups = numbers.map { input.dataGroups[$0]! }
        expected = numbers.map { sod.dataGroupHashes[$0]! }
        hashName = Digest.algorithm(oid: sod.hashAlgorithm.oid)!.rawValue
        let scheme = try SignatureScheme(
            signatureAlgorithmOID: signer.signatureAlgorithm.oid, parameters: signer.signatureAlgorithm.parameters,
            digestAlgorithmOID: signer.digestAlgorithm.oid)
        digestName = scheme.hash.rawValue
        if case .rsaPSS(_, let mgf, let salt) = scheme { pss = (mgf.rawValue, Int32(salt)) } else { pss = nil }
        content = sod.ldsSecurityObjectDER
        signedAttributes = signer.signedAttributes!.bytesForSignature
        signature = signer.signature
        signerDER = sod.signedData.certificates[0]
        store = X509_STORE_new()!
        let signerCertificate = try X509Certificate(der: signerDER)
        let anchor = trust.anchors.first { signerCertificate.nameMatchesIssuer($0) }!
        csca = Self.decode(anchor.der, { d2i_X509(nil, $0, $1) })!
        X509_STORE_add_cert(store, csca)
        let list = trust.revocationLists.first { $0.isIssued(byNameOf: anchor) }!
        crl = Self.decode(list.der, { d2i_X509_CRL(nil, $0, $1) })!
    }

    static func decode<T>(_ bytes: [UInt8], _ d2i: (UnsafeMutablePointer<UnsafePointer<UInt8>?>?, Int) -> T?) -> T? {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i(&cursor, buffer.count)
        }
    }

    static func digest(_ data: [UInt8], _ name: String) -> [UInt8] {
        let md = EVP_MD_fetch(nil, name, nil)
        defer { EVP_MD_free(md) }
        var out = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        _ = data.withUnsafeBytes { d in out.withUnsafeMutableBufferPointer { EVP_Digest(d.baseAddress, d.count, $0.baseAddress, &length, md, nil) } }
        return Array(out.prefix(Int(length)))
    }

    func run() -> Bool {
        for (group, hash) in zip(groups, expected) where Self.digest(group, hashName) != hash { FileHandle.standardError.write(Data("bare: hash\n".utf8)); return false }
        _ = Self.digest(content, digestName)
        guard let x509 = Self.decode(signerDER, { d2i_X509(nil, $0, $1) }) else { return false }
        defer { X509_free(x509) }
        let key = X509_get0_pubkey(x509)
        let context = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(context) }
        var pkeyContext: OpaquePointer?
        guard EVP_DigestVerifyInit_ex(context, &pkeyContext, digestName, nil, nil, key, nil) == 1 else { return false }
        if let pss {
            let mgf = EVP_MD_fetch(nil, pss.mgf, nil)
            defer { EVP_MD_free(mgf) }
            EVP_PKEY_CTX_set_rsa_padding(pkeyContext, RSA_PKCS1_PSS_PADDING)
            EVP_PKEY_CTX_set_rsa_mgf1_md(pkeyContext, mgf)
            EVP_PKEY_CTX_set_rsa_pss_saltlen(pkeyContext, pss.salt)
        }
        let verified = signedAttributes.withUnsafeBufferPointer { m in
            signature.withUnsafeBufferPointer { s in EVP_DigestVerify(context, s.baseAddress, s.count, m.baseAddress, m.count) }
        }
        guard verified == 1 else { FileHandle.standardError.write(Data("bare: signature\n".utf8)); return false }
        let storeContext = X509_STORE_CTX_new()
        defer { X509_STORE_CTX_free(storeContext) }
        X509_STORE_CTX_init(storeContext, store, x509, nil)
        // The same explicit-parameter acceptance as CCCDVerification (OpenSSL 3.0 flags such keys).
        X509_STORE_CTX_set_verify_cb(storeContext) { ok, store in
            guard ok == 0, let store, X509_STORE_CTX_get_error(store) == X509_V_ERR_EC_KEY_EXPLICIT_PARAMS else { return ok }
            X509_STORE_CTX_set_error(store, X509_V_OK)
            return 1
        }
        guard X509_verify_cert(storeContext) == 1 else {
            FileHandle.standardError.write(Data("bare: X509_verify_cert \(X509_STORE_CTX_get_error(storeContext))\n".utf8))
            return false
        }
        guard X509_CRL_verify(crl, X509_get0_pubkey(csca)) == 1 else { FileHandle.standardError.write(Data("bare: crl\n".utf8)); return false }
        var entry: OpaquePointer?
        return X509_CRL_get0_by_cert(crl, &entry, x509) == 0
    }
}
