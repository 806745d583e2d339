import CCCDChipAuthentication
import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDTestData
import CCCDTransport
import CCCDVerification
import Foundation
import Testing

/// A minimal in-process chip that answers INTERNAL AUTHENTICATE with the data set's AA key
/// (RSA, ISO/IEC 9796-2) and can insist on extended Le. No secure messaging: the driving logic
/// is the same over a SecureChannel.
final class FakeAAChip: CardTransport, @unchecked Sendable {
    let key: TestKey
    let requireExtendedLe: Bool
    let lock = NSLock()
    private(set) var commands: [[UInt8]] = []

    init(key: TestKey, requireExtendedLe: Bool) {
        self.key = key
        self.requireExtendedLe = requireExtendedLe
    }

    func transmit(_ bytes: [UInt8]) async throws -> [UInt8] {
        lock.withLock { commands.append(bytes) }
        let command = try CommandAPDU(bytes: bytes)
        guard command.ins == 0x88, command.data.count == 8 else { return [0x6D, 0x00] }
        // Extended Le is three bytes longer than short Le for an 8-byte challenge.
        if requireExtendedLe && bytes.count == 5 + 8 + 1 { return [0x67, 0x00] }
        let representative = try ChipSideSigning.iso9796Representative(
            m1Source: [UInt8](repeating: 0x5A, count: 256), challenge: command.data, modulusBytes: 256, sha256: false)
        return try ChipSideSigning.rsaRaw(representative, key: key) + [0x90, 0x00]
    }
}

@Suite("Active authentication driving")
struct ActiveAuthenticatorDrivingTests {
    static func setup() throws -> (TestKey, PublicKeyInfo) {
        let keys = try DataSetWriter.chipKeys(Fixtures.spec("default"), folder: Fixtures.datasets.appendingPathComponent("default"))
        let dg15 = try DG15Parser.parse(try #require(try Fixtures.dump("default").files[.dataGroup(.dg15)]))
        return (keys.activeAuthentication, dg15)
    }

    @Test(arguments: [false, true])
    func genuineChip(requireExtendedLe: Bool) async throws {
        let (key, dg15) = try Self.setup()
        let chip = FakeAAChip(key: key, requireExtendedLe: requireExtendedLe)
        let result = await ActiveAuthenticator.perform(over: APDUChannel(transport: chip), dg15: dg15, dg14: nil)
        #expect(result.status == .valid, "\(result.reasons)")
        // A 256-byte signature asks for extended Le first (a short protected answer holds only 223
        // plain bytes): one command either way.
        #expect(chip.commands.count == 1)
        // A fresh challenge every time.
        _ = await ActiveAuthenticator.perform(over: APDUChannel(transport: chip), dg15: dg15, dg14: nil)
        let challenges = Set(chip.commands.map { Array($0[5..<13]) })
        #expect(challenges.count == chip.commands.count)
    }

    @Test func cloneChip() async throws {
        let (_, dg15) = try Self.setup()
        let chip = FakeAAChip(key: try TestKey.generate(.rsa(bits: 2048)), requireExtendedLe: false)
        let result = await ActiveAuthenticator.perform(over: APDUChannel(transport: chip), dg15: dg15, dg14: nil)
        #expect(result.status == .invalid)
        // A clone's value may not even be below DG15's modulus.
        #expect(result.reasons.contains { $0.code == .signatureInvalid || $0.code == .signatureMalformed })
    }

    @Test func noDG15IsNotSupported() async throws {
        let (key, _) = try Self.setup()
        let result = await ActiveAuthenticator.perform(
            over: APDUChannel(transport: FakeAAChip(key: key, requireExtendedLe: false)), dg15: nil, dg14: nil)
        #expect(result.status == .notSupported)
    }
}
