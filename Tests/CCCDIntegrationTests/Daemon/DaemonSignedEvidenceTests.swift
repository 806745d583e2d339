import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// Device-signed evidence (issue 15, item 5): the daemon's key file is made 0600, `GET /v1/device`
/// gives its JWK (checked against the key file with the openssl CLI), a signed bundle verifies with
/// `cccd evidence verify --key`, and one changed byte (payload or signature) makes it invalid (3).
extension PCSCEndToEnd {
    @Test func daemonSignedEvidenceVerifiesWithTheDeviceKey() async throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        let keyFile = daemon.folder.appendingPathComponent("cccdd-device-key.pem")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: keyFile.path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)

        #expect(try daemon.request("GET", "/v1/device", token: .some(nil)).status == 401)
        let device = try daemon.request("GET", "/v1/device")
        #expect(device.status == 200)
        let jwk = try #require(device.json as? [String: String])
        #expect(jwk["kty"] == "EC" && jwk["crv"] == "P-256" && jwk["alg"] == "ES256" && jwk["use"] == "sig")
        // The JWK's point is the key file's public key (openssl CLI: the uncompressed point ends the SPKI).
        let spki = try Self.openssl(["pkey", "-in", keyFile.path, "-pubout", "-outform", "DER"])
        let x = try #require(jwk["x"].flatMap(Base64URL.decode))
        let y = try #require(jwk["y"].flatMap(Base64URL.decode))
        #expect(Array(spki.suffix(65)) == [0x04] + x + y)
        #expect(jwk["kid"] == (try DeviceJWK(json: device.body)).thumbprint)

        _ = try daemon.waitForReaders(2, timeout: 10) { $0["busy"] as? Bool == false }
        let connection = VPCDConnection(card: try DataSetChip.load(Self.defaultDataSet), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let reply = try daemon.json("POST", "/v1/readers/0/read", ["access": ["can": "012345"]])
        #expect(reply.status == 200, "\(String(decoding: reply.body, as: UTF8.self))")
        let readId = try #require(reply.json?["readId"] as? String)

        let signed = try daemon.request("GET", "/v1/reads/\(readId)/evidence?signed=true")
        #expect(signed.status == 200)
        #expect(signed.headers.lowercased().contains("content-type: application/jose"))
        let byAccept = try daemon.request("GET", "/v1/reads/\(readId)/evidence", headers: ["Accept: application/jose"])
        #expect(EvidenceJWS.isCompact(byAccept.body))
        #expect(try daemon.request("GET", "/v1/reads/\(readId)/evidence?signed=yes").errorCode == "invalid_request")
        let plain = try daemon.request("GET", "/v1/reads/\(readId)/evidence")
        #expect(!EvidenceJWS.isCompact(plain.body))

        let folder = daemon.folder
        let keyPath = folder.appendingPathComponent("device.jwk")
        try device.body.write(to: keyPath)
        func verify(_ data: Data, key: Bool = true) throws -> PCSCEndToEnd.CLIRun {
            let file = folder.appendingPathComponent("bundle-\(UUID().uuidString)")
            try data.write(to: file)
            return try Self.runCLI(
                ["evidence", "verify", file.path, "--trust", Self.trustFolder] + (key ? ["--key", keyPath.path] : []))
        }
        // Interoperable ES256: the openssl CLI checks the signature with the key file's public key
        // (r ‖ s re-encoded as a DER ECDSA-Sig-Value by a few lines of python).
        let publicPEM = folder.appendingPathComponent("device-pub.pem")
        try Data(try Self.openssl(["pkey", "-in", keyFile.path, "-pubout"])).write(to: publicPEM)
        let script = """
            import sys, base64, subprocess
            h, p, s = open(sys.argv[1]).read().strip().split(".")
            raw = base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
            def integer(b):
                b = b.lstrip(b"\\0") or b"\\0"
                b = b"\\0" + b if b[0] & 0x80 else b
                return bytes([2, len(b)]) + b
            body = integer(raw[:32]) + integer(raw[32:])
            open(sys.argv[2] + ".sig", "wb").write(bytes([0x30, len(body)]) + body)
            open(sys.argv[2] + ".in", "wb").write((h + "." + p).encode())
            sys.exit(subprocess.call(["openssl", "dgst", "-sha256", "-verify", sys.argv[3], "-signature", sys.argv[2] + ".sig", sys.argv[2] + ".in"]))
            """
        let jwsFile = folder.appendingPathComponent("signed.jws")
        try signed.body.write(to: jwsFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", script, jwsFile.path, folder.appendingPathComponent("interop").path, publicPEM.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let opensslSays = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && opensslSays.contains("Verified OK"), "\(opensslSays)")

        let good = try verify(signed.body)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try verify(byAccept.body).status == 0)
        // One flipped byte in the payload, then in the signature: invalid, with a clear message.
        let text = Array(signed.body)
        let dots = text.indices.filter { text[$0] == UInt8(ascii: ".") }
        for index in [dots[0] + 30, dots[1] + 20] {
            var tampered = text
            tampered[index] = tampered[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            let run = try verify(Data(tampered))
            #expect(run.status == 3, "\(run.stderr)")
            #expect(run.stderr.contains("invalid"))
        }
        #expect(try verify(plain.body).status == 3)  // --key but unsigned: fails closed
        #expect(try verify(signed.body, key: false).status == 64)  // a JWS needs --key
        try Self.expectNoPersonalData(in: daemon.log, "the daemon log")
    }

    static func openssl(_ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
