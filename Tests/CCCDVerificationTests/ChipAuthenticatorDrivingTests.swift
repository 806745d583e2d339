import CCCDChipAuthentication
import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDTestData
import CCCDTransport
import CCCDVerification
import Foundation
import Testing

/// A minimal in-process chip with AES secure messaging that performs Chip Authentication with a
/// given static key (the data set's, or a clone's) and then answers with the new keys. Test code:
/// it skips command-MAC checks and composes the SM data objects from CCCDCrypto primitives.
final class FakeCAChip: CardTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var keys: SecureMessagingKeys
    private var ssc = [UInt8](repeating: 0, count: 16)
    private var pending: SecureMessagingKeys?
    private let privateKey: [UInt8]
    private let group: ECGroup
    private(set) var instructions: [UInt8] = []

    init(keys: SecureMessagingKeys, chipPrivateKey: [UInt8]) throws {
        self.keys = keys
        self.privateKey = chipPrivateKey
        self.group = try ECGroup(curve: .brainpoolP256r1)
    }

    func transmit(_ bytes: [UInt8]) async throws -> [UInt8] {
        try lock.withLock { try handle(try CommandAPDU(bytes: bytes)) }
    }

    private func handle(_ command: CommandAPDU) throws -> [UInt8] {
        instructions.append(command.ins)
        increment()
        var plain: [UInt8] = []
        let objects = Self.tlvs(command.data)
        if let cryptogram = objects.first(where: { $0.tag == 0x87 })?.value {
            let decrypted = try AES.decryptCBC(key: keys.encryptionKey, iv: try iv(), data: Array(cryptogram.dropFirst()))
            plain = try ISO9797Padding.unpad(decrypted, blockSize: 16)
        }
        switch command.ins {
        case 0x22: return try respond([], sw: [0x90, 0x00])
        case 0x86:
            // 7C { 80 PK_IFD }
            let inner = Self.tlvs(Self.tlvs(plain).first?.value ?? [])
            guard let terminalKey = inner.first(where: { $0.tag == 0x80 })?.value else { return try respond([], sw: [0x6A, 0x80]) }
            let k = try group.sharedSecret(privateKey: privateKey, peer: group.decodePoint(terminalKey))
            pending = try KeyDerivation.sessionKeys(from: k, cipher: .aes128)
            let response = try respond([0x7C, 0x00], sw: [0x90, 0x00])
            // New keys after the response, SSC restarted.
            keys = pending!
            ssc = [UInt8](repeating: 0, count: 16)
            return response
        case 0xB0: return try respond([0x6E], sw: [0x90, 0x00])
        default: return try respond([], sw: [0x6D, 0x00])
        }
    }

    private func respond(_ data: [UInt8], sw: [UInt8]) throws -> [UInt8] {
        increment()
        var objects: [UInt8] = []
        if !data.isEmpty {
            let encrypted = try AES.encryptCBC(key: keys.encryptionKey, iv: try iv(), data: ISO9797Padding.pad(data, blockSize: 16))
            objects += Self.tlv(0x87, [0x01] + encrypted)
        }
        objects += Self.tlv(0x99, sw)
        let mac = try AESCMAC.authenticate(key: keys.macKey, data: ISO9797Padding.pad(ssc + objects, blockSize: 16))
        return objects + Self.tlv(0x8E, Array(mac.prefix(8))) + [0x90, 0x00]
    }

    private func iv() throws -> [UInt8] { try AES.encryptECB(key: keys.encryptionKey, data: ssc) }

    private func increment() {
        for index in ssc.indices.reversed() {
            ssc[index] &+= 1
            if ssc[index] != 0 { break }
        }
    }

    static func tlv(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] {
        [tag] + (value.count < 0x80 ? [UInt8(value.count)] : [0x81, UInt8(value.count)]) + value
    }

    static func tlvs(_ bytes: [UInt8]) -> [(tag: UInt8, value: [UInt8])] {
        var out: [(UInt8, [UInt8])] = []
        var index = 0
        while index + 2 <= bytes.count {
            let tag = bytes[index]
            var length = Int(bytes[index + 1])
            var start = index + 2
            if length == 0x81, start < bytes.count {
                length = Int(bytes[start])
                start += 1
            } else if length == 0x82, start + 1 < bytes.count {
                length = Int(bytes[start]) << 8 | Int(bytes[start + 1])
                start += 2
            }
            guard start + length <= bytes.count else { break }
            out.append((tag, Array(bytes[start..<(start + length)])))
            index = start + length
        }
        return out
    }
}

@Suite("Chip authentication driving")
struct ChipAuthenticatorDrivingTests {
    static let oldKeys = SecureMessagingKeys(
        cipher: .aes128, encryptionKey: [UInt8](repeating: 0x11, count: 16), macKey: [UInt8](repeating: 0x22, count: 16))

    static func run(chipKey: [UInt8]) async throws -> (AuthenticationResult, FakeCAChip, SecureChannel) {
        let folder = Fixtures.datasets.appendingPathComponent("default")
        let dg14 = try DataGroup14.securityInfos(try #require(try Fixtures.dump("default").files[.dataGroup(.dg14)]))
        let chip = try FakeCAChip(keys: oldKeys, chipPrivateKey: chipKey)
        _ = folder
        let channel = SecureChannel(channel: APDUChannel(transport: chip), state: SecureMessagingState(keys: oldKeys))
        let result = await ChipAuthenticator.perform(over: channel, dg14: dg14)
        return (result, chip, channel)
    }

    @Test func genuineChipSwitchesToTheNewKeys() async throws {
        let keys = try DataSetWriter.chipKeys(Fixtures.spec("default"), folder: Fixtures.datasets.appendingPathComponent("default"))
        let (result, chip, channel) = try await Self.run(chipKey: try keys.chipAuthentication.ecPrivateScalar())
        #expect(result.status == .valid, "\(result.reasons)")
        #expect(result.method?.contains("ECDH AES-128") == true)
        #expect(chip.instructions == [0x22, 0x86, 0xB0])
        #expect(await channel.isActive)
        #expect(await channel.currentState.keys != Self.oldKeys)
        // The session keeps working on the new keys.
        let response = try await channel.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x9E, p2: 0, ne: 1))
        #expect(response.status.isSuccess)
    }

    @Test func cloneChipIsInvalid() async throws {
        let clone = try TestKey.generate(.ec(curve: "brainpoolP256r1", explicitParameters: false))
        let (result, _, channel) = try await Self.run(chipKey: try clone.ecPrivateScalar())
        #expect(result.status == .invalid)
        #expect(result.reasons.contains { $0.code == .secureMessagingFailed })
        #expect(await !channel.isActive)
    }

    @Test func withoutDG14IsNotSupported() async throws {
        let chip = try FakeCAChip(keys: Self.oldKeys, chipPrivateKey: [1])
        let channel = SecureChannel(channel: APDUChannel(transport: chip), state: SecureMessagingState(keys: Self.oldKeys))
        #expect(await ChipAuthenticator.perform(over: channel, dg14: nil).status == .notSupported)
    }
}
