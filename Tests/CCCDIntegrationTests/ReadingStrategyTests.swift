import CCCDCrypto
import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// The file-reading strategy against the in-process virtual card (no pcscd), with every
/// `CardProfile` behaviour real chips show. Files are served in clear (`.always`) through a plain
/// channel; the same reader runs over secure messaging.
@Suite struct ReadingStrategy {
    static let cccd = SyntheticCCCD()

    enum Variant: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case extended, shortOnly, getResponseChaining, exactLength, noSFI, noATRInfo, limit0xDF

        var profile: CardProfile {
            switch self {
            case .extended: .extended
            case .shortOnly: .shortOnly
            case .getResponseChaining: CardProfile(getResponseChaining: true)
            case .exactLength:
                CardProfile(
                    extendedLength: false, maxCommandDataLength: 255, maxResponseDataLength: 256,
                    endOfFile: .exactLength)
            case .noSFI: CardProfile(shortFileIdentifiers: false)
            case .noATRInfo: CardProfile(atrInfo: false)
            case .limit0xDF:
                CardProfile(
                    extendedLength: false, maxCommandDataLength: 255, maxResponseDataLength: 0xDF,
                    atrInfo: false)
            }
        }

        var testDescription: String { rawValue }
    }

    @Test(arguments: Variant.allCases)
    func wholeCardReadsExactly(_ variant: Variant) async throws {
        let card = InProcessCard(VirtualCard(profile: variant.profile, fileSystem: Self.cccd.fileSystem()))
        let result = try await CardReader().read(
            connector: card.connector, access: .none,
            options: ReadOptions(dataGroups: [.dg1, .dg2, .dg3, .dg13, .dg14, .dg15], verifier: nil)
        ).result()

        #expect(result.rawFiles[.com] == Self.cccd.com)
        #expect(result.rawFiles[.sod] == Self.cccd.sod)
        #expect(result.rawFiles[.dataGroup(.dg1)] == Self.cccd.dg1)
        #expect(result.rawFiles[.dataGroup(.dg2)] == Self.cccd.dg2)
        #expect(result.rawFiles[.dataGroup(.dg13)] == Self.cccd.dg13)
        #expect(result.rawFiles[.dataGroup(.dg14)] == Self.cccd.dg14)
        #expect(result.rawFiles[.dataGroup(.dg15)] == Self.cccd.dg15)
        // DG3 is locked (69 82): reported, not a failure.
        #expect(result.files[.dataGroup(.dg3)] == .notAccessible)
        #expect(result.citizen?.fullName == "Nguyễn Văn An")
        #expect(result.citizen?.placeOfResidence == "Số 12 Phố Huế, Hai Bà Trưng, Hà Nội")
        #expect(result.document?.personalNumber == Self.cccd.personalNumber)
        #expect(result.holder?.fullName == "NGUYEN VAN AN")
        #expect(result.photo?.format == "jpeg")
        #expect(result.photo?.imageData == Self.cccd.photo)
        #expect(result.photo?.width == 480 && result.photo?.height == 640)
        #expect(result.access.protocol == "none")

        let exchanges = card.counter.current.exchanges
        switch variant {
        case .extended, .noSFI, .noATRInfo:
            // ATR/INFO, SELECT app, then one read per file (two for DG2), plus SELECTs without SFI.
            #expect(exchanges <= (variant == .noSFI ? 26 : 12), "\(exchanges) exchanges")
        case .shortOnly, .exactLength, .limit0xDF, .getResponseChaining:
            #expect(exchanges < 140, "\(exchanges) exchanges")
        }
        if variant != .noSFI {
            #expect(
                !card.counter.current.instructions.contains(0xA4)
                    || card.counter.current.instructions.filter { $0 == 0xA4 }.count == 1)
        }
    }

    @Test func ladderFindsThe0xDFLimitAndRemembersIt() async throws {
        let profile = Variant.limit0xDF.profile
        let card = InProcessCard(VirtualCard(profile: profile, fileSystem: Self.cccd.fileSystem()))
        let reader = FileReader(
            connection: .init(sender: try await card.plainChannel(), secureMessaging: false), limits: .short)
        let dg2 = try await reader.read(.dataGroup(.dg2))
        #expect(dg2.bytes == Self.cccd.dg2)
        #expect(await reader.workingChunk == 0xDF)
        // The next file starts at the remembered size: no 67 00 round trip.
        let before = card.counter.current.exchanges
        #expect(try await reader.read(.dataGroup(.dg1)).bytes == Self.cccd.dg1)
        #expect(card.counter.current.exchanges - before == 1)
    }

    @Test func sfiRefusedFallsBackToSelectOnce() async throws {
        let card = InProcessCard(
            VirtualCard(profile: CardProfile(shortFileIdentifiers: false), fileSystem: Self.cccd.fileSystem()))
        let reader = FileReader(
            connection: .init(sender: try await card.plainChannel(), secureMessaging: false),
            limits: ReadLimits(extendedLength: true, maxResponseData: 65_536, maxCommandData: 65_535))
        #expect(try await reader.read(.dataGroup(.dg1)).bytes == Self.cccd.dg1)
        #expect(await reader.shortFileIdentifiersRefused)
        let before = card.counter.current.exchanges
        #expect(try await reader.read(.dataGroup(.dg13)).bytes == Self.cccd.dg13)
        // SELECT + one READ BINARY: the refusal is remembered.
        #expect(card.counter.current.exchanges - before == 2)
    }

    @Test func absentAndLockedFiles() async throws {
        let card = InProcessCard(VirtualCard(profile: .extended, fileSystem: Self.cccd.fileSystem()))
        let reader = FileReader(
            connection: .init(sender: try await card.plainChannel(), secureMessaging: false), limits: .short)
        #expect(try await reader.read(.dataGroup(.dg11)) == .absent)
        #expect(try await reader.read(.dataGroup(.dg3)) == .notAccessible(.securityStatusNotSatisfied))
    }

    @Test(arguments: [CardProfile.extended, CardProfile.shortOnly])
    func oddInstructionBeyond32767(_ profile: CardProfile) async throws {
        let big = SyntheticCCCD(photoSize: 40_000)
        let card = InProcessCard(VirtualCard(profile: profile, fileSystem: big.fileSystem()))
        let result = try await CardReader().read(connector: card.connector, access: .none, options: ReadOptions(verifier: nil))
            .result()
        #expect(result.rawFiles[.dataGroup(.dg2)] == big.dg2)
        #expect(result.photo?.sha256 == Self.sha256Hex(big.photo))
        if profile == .shortOnly { #expect(card.counter.current.instructions.contains(0xB1)) }
    }

    @Test func removalMidDG2ResumesFromTheOffsetRead() async throws {
        let virtual = VirtualCard(profile: .shortOnly, fileSystem: Self.cccd.fileSystem())
        // The chip leaves the field at the 20th READ BINARY of DG2 (offset > 0), once.
        virtual.installFaults([
            CardFault(
                FaultTrigger(command: .readBinary, file: FaultFile(name: "DG2"), occurrence: 20),
                .remove(reinsertAfter: .zero))
        ])
        let card = InProcessCard(virtual)
        let steps = ProgressLog()
        let operation = CardReader().read(connector: card.connector, access: .none, options: ReadOptions(verifier: nil))
        let watcher = Task { for await step in operation.progress { steps.append(step) } }
        let result = try await operation.result()
        await watcher.value
        #expect(result.rawFiles[.dataGroup(.dg2)] == Self.cccd.dg2)
        #expect(result.photo?.imageData == Self.cccd.photo)
        #expect(steps.all.contains { if case .recovering = $0 { true } else { false } })
        // Resumed, not restarted: DG2's progress never went back to zero after the recovery.
        let dg2Progress = steps.all.compactMap { step -> Int? in
            if case .file(let p) = step, p.file == .dataGroup(.dg2) { return p.bytesRead }
            return nil
        }
        #expect(dg2Progress == dg2Progress.sorted())
    }

    @Test func cardThatNeverComesBackGivesTypedError() async throws {
        let virtual = VirtualCard(profile: .shortOnly, fileSystem: Self.cccd.fileSystem())
        // From the 17th READ BINARY of DG2 on (offset 4096 in 256-byte reads) the chip always
        // leaves the field: only DG2 is that large.
        virtual.installFaults([
            CardFault(
                FaultTrigger(command: .readBinary, file: FaultFile(name: "DG2"), occurrence: 17, repeat: true),
                .remove(reinsertAfter: .zero))
        ])
        let card = InProcessCard(virtual)
        do {
            _ = try await CardReader().read(
                connector: card.connector, access: .none,
                options: ReadOptions(fileReading: .init(maxRecoveries: 2), verifier: nil)
            ).result()
            Issue.record("the read should have failed")
        } catch {
            guard case .fileRead(.connectionLost(let file, let offset, let attempts, _)) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == .dataGroup(.dg2) && attempts == 2 && offset == 4096)
        }
    }

    @Test func readLimitsUnderSecureMessaging() {
        #expect(ReadLimits.short.maxPlainChunk(secureMessaging: true) == 0xDF)
        #expect(ReadLimits.short.maxPlainChunk(secureMessaging: false) == 256)
        let extended = ReadLimits(extendedLength: true, maxResponseData: 65_536, maxCommandData: 65_535)
        let plain = extended.maxPlainChunk(secureMessaging: true)
        #expect(ReadLimits.protectedResponseLength(plain: plain) <= 65_536)
        #expect(ReadLimits.protectedResponseLength(plain: plain + 1) > 65_536)
        #expect(
            CardCapabilities(atr: CardProfile.extended.atr)
                == CardCapabilities(extendedLength: true, atrInfoPresent: true, commandChaining: true))
        #expect(CardCapabilities(atr: CardProfile.shortOnly.atr).extendedLength == false)
        #expect(
            ATRInfo(fileContents: CardProfile.shortOnly.atrInfoContents) == ATRInfo(maxCommandLength: 255, maxResponseLength: 256)
        )
    }

    @Test func jsonHasTheInterfaceShape() async throws {
        let card = InProcessCard(VirtualCard(profile: .extended, fileSystem: Self.cccd.fileSystem()))
        var result = try await CardReader().read(connector: card.connector, access: .none, options: ReadOptions(verifier: nil))
            .result()
        result.verification = .notAvailable()
        let data = try result.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"fullName\" : \"Nguyễn Văn An\""))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["document", "holder", "citizen", "access", "verification", "photo", "files"])
        let document = try #require(object["document"] as? [String: Any])
        #expect(Set(document.keys) == ["type", "issuingState", "number", "personalNumber", "dateOfExpiry"])
        #expect(document["dateOfExpiry"] as? String == "2030-08-15")
        let holder = try #require(object["holder"] as? [String: Any])
        #expect(holder["dateOfBirth"] as? String == "1990-08-15")
        let verification = try #require(object["verification"] as? [String: Any])
        #expect(verification["overall"] as? String == "incomplete")
        let photo = try #require(object["photo"] as? [String: Any])
        #expect(photo["sha256"] as? String == Self.sha256Hex(Self.cccd.photo))
        // Round trip.
        let decoded = try CardReadResult.decoder.decode(CardReadResult.self, from: data)
        #expect(decoded.citizen == result.citizen && decoded.photo?.sha256 == result.photo?.sha256)
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        (try? HashAlgorithm.sha256.hash(bytes))?.map { String(format: "%02x", $0) }.joined() ?? ""
    }
}

/// Collects progress steps.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [ReadProgress] = []
    func append(_ step: ReadProgress) { lock.withLock { steps.append(step) } }
    var all: [ReadProgress] { lock.withLock { steps } }
}
