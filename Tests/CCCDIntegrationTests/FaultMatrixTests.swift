import CCCDKit
import CCCDTestSupport
import CCCDVerification
import CCCDVirtualCard
import Foundation
import Testing

/// Full reads with verification (PACE-CAN, secure messaging, passive + active + chip
/// authentication against the test PKI) of the default data set's chip while it injects one fault
/// (`card.json` `faults`, in-process). Each read must end in a typed error or a correct recovery,
/// never in `valid` on data the chip did not really hold, never crash or hang; the next read of a
/// good card must be `valid`. Removal at an APDU index and silent delays through pcscd + vpcd are
/// in `PCSCEndToEnd` (FaultEndToEndTests.swift).
@Suite(.timeLimit(.minutes(3))) struct FaultMatrix {
    typealias S = FaultMatrixSupport

    /// What a faulted read must end in.
    enum Expected: Sendable, CustomStringConvertible {
        /// Recovered: `valid`, with the genuine bytes.
        case recovered
        /// A verdict other than valid (the read completed on wrong or missing data).
        case verdict(PassiveStatus)
        /// A typed error of this kind.
        case error(ErrorKind)
        /// `incomplete` (a CCCD without its citizen data, DG13), the other files genuine and verified.
        case incompleteWithoutDG13

        var description: String {
            switch self {
            case .recovered: "recovered (valid)"
            case .verdict(let s): "verdict \(s.rawValue)"
            case .error(let k): "error \(k)"
            case .incompleteWithoutDG13: "incomplete without DG13"
            }
        }
    }

    enum ErrorKind: String, Sendable {
        case connectionLost, cardRejected, accessControlFailed

        func matches(_ error: CardReadError) -> Bool {
            switch (self, error) {
            case (.connectionLost, .connectionLost), (.connectionLost, .fileRead(.connectionLost)): true
            case (.cardRejected, .fileRead(.cardRejected)): true
            case (.accessControlFailed, .accessControlFailed): true
            default: false
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var faults: [CardFault]
        var expected: Expected
        var timeout: Duration = .seconds(3)
        var testDescription: String { "\(name) → \(expected)" }
    }

    static func on(_ command: CommandKind, _ file: String? = nil, occurrence: Int? = 1, repeat r: Bool? = nil, read: Int? = nil)
        -> FaultTrigger
    {
        FaultTrigger(command: command, file: file.flatMap(FaultFile.init(name:)), occurrence: occurrence, repeat: r, read: read)
    }

    static let cases: [Case] = [
        // Secure messaging broken on one response: the reader drops the channel, reconnects, resumes.
        Case(name: "wrong MAC on DG1", faults: [CardFault(on(.readBinary, "DG1"), .wrongMAC)], expected: .recovered),
        Case(name: "wrong MAC on EF.SOD", faults: [CardFault(on(.readBinary, "EF.SOD"), .wrongMAC)], expected: .recovered),
        Case(name: "missing DO'99' on DG2", faults: [CardFault(on(.readBinary, "DG2"), .missingStatusObject)], expected: .recovered),
        Case(name: "missing DO'99' on DG14", faults: [CardFault(on(.readBinary, "DG14"), .missingStatusObject)], expected: .recovered),
        // An AA answer that fails SM cannot prove anything: fail closed.
        Case(name: "wrong MAC on INTERNAL AUTHENTICATE", faults: [CardFault(on(.internalAuthenticate), .wrongMAC)],
             expected: .verdict(.invalid)),
        Case(name: "truncated EF.SOD response", faults: [CardFault(on(.readBinary, "EF.SOD"), .truncate(5))], expected: .recovered),
        Case(name: "over-long DG1 response", faults: [CardFault(on(.readBinary, "DG1"), .extraBytes(3))], expected: .recovered),
        Case(name: "over-long DG13 response (one block)", faults: [CardFault(on(.readBinary, "DG13"), .extraBytes(16))],
             expected: .recovered),
        // Status words.
        Case(name: "6A 82 once on DG1 (SFI)", faults: [CardFault(on(.readBinary, "DG1"), .status(.fileNotFound))],
             expected: .recovered),
        // SELECT works but READ BINARY says "not found": a contradiction, refused.
        Case(name: "6A 82 always on DG1", faults: [CardFault(on(.readBinary, "DG1", repeat: true), .status(.fileNotFound))],
             expected: .error(.cardRejected)),
        // DG13 locked (as DG3): reported not accessible; what was read is genuine and verifies, but a
        // CCCD without its citizen data is incomplete, never valid (issue 14, item 4).
        Case(name: "69 82 on DG13", faults: [CardFault(on(.readBinary, "DG13", repeat: true), .status(.securityStatusNotSatisfied))],
             expected: .incompleteWithoutDG13),
        Case(name: "67 00 on DG2", faults: [CardFault(on(.readBinary, "DG2"), .status(.wrongLength))], expected: .recovered),
        Case(name: "6F 00 on DG14", faults: [CardFault(on(.readBinary, "DG14"), .status(.noPreciseDiagnosis))],
             expected: .error(.cardRejected)),
        Case(name: "bare 6F 00 on DG15", faults: [CardFault(on(.readBinary, "DG15"), .bareStatus(.noPreciseDiagnosis))],
             expected: .error(.cardRejected)),
        Case(name: "bare 6F 00 on PACE step 2", faults: [CardFault(on(.generalAuthenticate, occurrence: 2), .bareStatus(.noPreciseDiagnosis))],
             expected: .error(.accessControlFailed)),
        // Silence beyond the exchange timeout.
        Case(name: "silent 5 s on DG2", faults: [CardFault(on(.readBinary, "DG2"), .delay(.seconds(5)))], expected: .recovered,
             timeout: .milliseconds(1500)),
        Case(name: "silent 5 s on PACE step 1", faults: [CardFault(on(.generalAuthenticate), .delay(.seconds(5)))],
             expected: .recovered, timeout: .milliseconds(1500)),
        // A card silent at INTERNAL AUTHENTICATE proved nothing: incomplete, not valid, not a clone alarm.
        Case(name: "silent 5 s on INTERNAL AUTHENTICATE", faults: [CardFault(on(.internalAuthenticate), .delay(.seconds(5)))],
             expected: .verdict(.incomplete), timeout: .milliseconds(800)),
        Case(name: "silent on every DG1 read", faults: [CardFault(on(.readBinary, "DG1", repeat: true), .delay(.seconds(30)))],
             expected: .error(.connectionLost), timeout: .milliseconds(800)),
        // Removed and never back for this file.
        // DG2 is read in one READ BINARY (whole file, extended Le): removed at every read of it.
        Case(name: "removed on every DG2 read", faults: [CardFault(on(.readBinary, "DG2", occurrence: 1, repeat: true),
                                                                                .remove(reinsertAfter: .zero))],
             expected: .error(.connectionLost)),
        // Wrong contents served from the first read on.
        Case(name: "DG1 altered", faults: [CardFault(on(.readBinary, "DG1", occurrence: nil), .alterContent(offset: 70, xor: 3))],
             expected: .verdict(.invalid)),
        Case(name: "EF.SOD signature altered", faults: [CardFault(on(.readBinary, "EF.SOD", occurrence: nil),
                                                                  .alterContent(offset: 1330, xor: 0x40))],
             expected: .verdict(.invalid)),
    ]

    @Test(arguments: cases)
    func faultedRead(_ c: Case) async throws {
        let card = try S.chip(c.faults)
        let ending = await S.read(FaultyCardConnector(card), options: S.options(exchangeTimeout: c.timeout))
        switch (c.expected, ending) {
        case (.recovered, .verdict(.valid, let result)):
            S.expectGenuine(result)
        case (.verdict(let wanted), .verdict(let got, _)):
            #expect(got == wanted, "\(c.name): \(ending)")
        case (.error(let kind), .failed(let error)):
            #expect(kind.matches(error), "\(c.name): \(ending)")
        case (.incompleteWithoutDG13, .verdict(.incomplete, let result)):
            let dg13 = LDSFile.dataGroup(.dg13)
            #expect(result.files[dg13] == .notAccessible && result.rawFiles[dg13] == nil && result.citizen == nil)
            #expect(result.verification?.passive.reasons.contains { $0.code == .citizenDataMissing } == true,
                    "\(String(describing: result.verification))")
            #expect(result.verification?.active.status == .valid && result.verification?.chip.status == .valid)
            for other in [LDSFile.dataGroup(.dg1), .dataGroup(.dg2), .sod] {
                #expect(result.rawFiles[other] != nil)
            }
        default:
            Issue.record("\(c.name): expected \(c.expected), got \(ending)")
        }
        try await Self.nextReadIsValid()
    }

    /// A chip whose file changes between two reads: the first read is valid, the second (with the
    /// altered bytes) must not be.
    @Test(arguments: [("DG1", 70), ("DG2", 2000), ("DG13", 40)])
    func contentsChangeBetweenReads(file: String, offset: Int) async throws {
        let card = try S.chip([CardFault(Self.on(.readBinary, file, occurrence: nil, read: 2), .alterContent(offset: offset, xor: 3))])
        let connector = FaultyCardConnector(card)
        let first = await S.read(connector)
        guard case .verdict(.valid, let genuine) = first else {
            Issue.record("first read: \(first)")
            return
        }
        S.expectGenuine(genuine)
        let second = await S.read(connector)
        switch second {
        case .verdict(let status, let result):
            #expect(status == .invalid, "\(second)")
            let ldsFile = LDSFile.dataGroup(file == "DG1" ? .dg1 : file == "DG2" ? .dg2 : .dg13)
            #expect(result.rawFiles[ldsFile] != genuine.rawFiles[ldsFile], "the chip served the same bytes")
            #expect(result.verification?.passive.status == .invalid)
        case .failed(let error):
            // A change that breaks the file's structure is a typed error: also fine, never valid.
            guard case .malformedFile = error else {
                Issue.record("second read: \(second)")
                return
            }
        }
        try await Self.nextReadIsValid()
    }

    /// The clean read's APDUs, to know which command each index is.
    static let reference = ReferenceRead()

    /// Removal of the card at every APDU index of a full read: the reader reconnects (the card
    /// comes straight back) and ends `valid` on the genuine data, or — when the card leaves during
    /// Active/Chip Authentication, which cannot be resumed — `incomplete` (read again), never a
    /// wrong `valid` and never the clone alarm `invalid`.
    @Test(arguments: 1...ReferenceRead.maxIndex)
    func removalAtAPDUIndex(_ index: Int) async throws {
        let instructions = try await Self.reference.instructions()
        try #require(instructions.count <= ReferenceRead.maxIndex, "the clean read needs \(instructions.count) APDUs")
        guard index <= instructions.count else { return }
        let card = try S.chip([CardFault(FaultTrigger(apdu: index), .remove(reinsertAfter: .zero))])
        let connector = FaultyCardConnector(card)
        let ending = await S.read(connector)
        let ins = instructions[index - 1]
        let verificationStart = try #require(instructions.firstIndex(of: 0x88))
        if index - 1 >= verificationStart {
            // After the files: AA (88) or CA (22, 86, and the read that proves the new keys) broken off.
            #expect(ending.status == .incomplete, "APDU #\(index) (INS \(String(format: "%02X", ins))): \(ending)")
            if case .verdict(_, let result) = ending, let verification = result.verification {
                #expect(verification.passive.status == .valid)
                #expect([verification.active.status, verification.chip.status].contains(.notPerformed), "\(verification)")
                #expect(verification.active.status != .invalid && verification.chip.status != .invalid, "\(verification)")
            }
        } else {
            guard case .verdict(.valid, let result) = ending else {
                Issue.record("APDU #\(index) (INS \(String(format: "%02X", ins))): \(ending)")
                return
            }
            S.expectGenuine(result)
            #expect(connector.connections >= 2, "the removal was not noticed")
        }
        try await Self.nextReadIsValid()
    }

    @Test func cleanReadIsValidAndFitsTheIndexRange() async throws {
        let instructions = try await Self.reference.instructions()
        #expect(instructions.count >= 18 && instructions.count <= ReferenceRead.maxIndex, "\(instructions.count) APDUs")
        // PACE (22, 86×4), AA (88) and CA (22, 86) are all in it.
        #expect(instructions.contains(0x88) && instructions.filter { $0 == 0x86 }.count >= 5)
    }

    @Test func cardJSONFaultsAreLoaded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: S.dataSet.path) where name.hasSuffix(".bin") {
            try FileManager.default.copyItem(at: S.dataSet.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: S.dataSet.appendingPathComponent("card.json"))) as? [String: Any])
        json["faults"] = [
            ["when": ["apdu": 7], "then": "remove"],
            ["when": ["command": "readBinary", "file": "DG2", "occurrence": 3], "then": ["status": "6A 82"]],
            ["when": ["command": "generalAuthenticate", "occurrence": 2], "then": ["delayMs": 8000]],
            ["when": ["command": "readBinary", "file": "DG1", "read": 2], "then": ["alterContent": ["offset": 70, "xor": 3]]],
            ["when": ["command": "readBinary", "file": "EF.SOD"], "then": "wrongMAC"],
            ["when": ["command": "readBinary", "file": "DG14"], "then": ["truncate": 4]],
            ["when": ["apdu": 30, "repeat": true], "then": ["remove": ["reinsertAfterMs": 2500]]],
        ]
        try JSONSerialization.data(withJSONObject: json).write(to: folder.appendingPathComponent("card.json"))
        let card = try DataSetChip.load(folder)
        let dg2 = FaultFile(name: "DG2")
        #expect(card.faults == [
            CardFault(FaultTrigger(apdu: 7), .remove(reinsertAfter: .seconds(1))),
            CardFault(FaultTrigger(command: .readBinary, file: dg2, occurrence: 3), .status(.fileNotFound)),
            CardFault(FaultTrigger(command: .generalAuthenticate, occurrence: 2), .delay(.seconds(8))),
            CardFault(FaultTrigger(command: .readBinary, file: FaultFile(name: "DG1"), read: 2), .alterContent(offset: 70, xor: 3)),
            CardFault(FaultTrigger(command: .readBinary, file: FaultFile(name: "EF.SOD")), .wrongMAC),
            CardFault(FaultTrigger(command: .readBinary, file: FaultFile(name: "DG14")), .truncate(4)),
            CardFault(FaultTrigger(apdu: 30, repeat: true), .remove(reinsertAfter: .milliseconds(2500))),
        ])
        // Round trip through the Codable form.
        let encoded = try JSONEncoder().encode(card.faults)
        #expect(try JSONDecoder().decode([CardFault].self, from: encoded) == card.faults)
        // Unknown names are refused, not ignored.
        #expect(throws: (any Error).self) { try JSONDecoder().decode(CardFault.self, from: Data(#"{"when":{"file":"DG99"},"then":"remove"}"#.utf8)) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(CardFault.self, from: Data(#"{"when":{},"then":"explode"}"#.utf8)) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(CardFault.self, from: Data(#"{"when":{},"then":{"status":"6A8"}}"#.utf8)) }
    }

    @Test func injectorDecisionsArePure() {
        var injector = FaultInjector(faults: [
            CardFault(FaultTrigger(command: .readBinary, file: FaultFile(name: "DG1"), occurrence: 2), .wrongMAC),
            CardFault(FaultTrigger(apdu: 3, repeat: true), .truncate(1)),
            CardFault(FaultTrigger(command: .select, read: 2), .status(.fileNotFound)),
        ])
        let dg1 = FaultFile(name: "DG1")
        #expect(injector.decide(CommandEvent(index: 1, kind: .readBinary, file: dg1)) == [])
        #expect(injector.decide(CommandEvent(index: 2, kind: .readBinary, file: dg1)) == [.wrongMAC])
        #expect(injector.decide(CommandEvent(index: 3, kind: .readBinary, file: dg1)) == [.truncate(1)])
        #expect(injector.decide(CommandEvent(index: 4, kind: .selectApplication)) == [.truncate(1)])
        #expect(injector.decide(CommandEvent(index: 5, kind: .getChallenge, startsRead: true)) == [.truncate(1)])
        #expect(injector.read == 1)
        #expect(injector.decide(CommandEvent(index: 6, kind: .manageSecurityEnvironment, startsRead: true)) == [.truncate(1)])
        #expect(injector.decide(CommandEvent(index: 7, kind: .selectApplication)) == [.truncate(1), .status(.fileNotFound)])
    }

    static func nextReadIsValid(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let ending = await S.read(FaultyCardConnector(try S.chip([])))
        guard case .verdict(.valid, let result) = ending else {
            Issue.record("the next read of a good card: \(ending)", sourceLocation: sourceLocation)
            return
        }
        S.expectGenuine(result, sourceLocation: sourceLocation)
    }
}

/// One clean read, done once, logging the instruction of each APDU.
actor ReferenceRead {
    /// Upper bound of a full read's APDU count (checked by a test).
    static let maxIndex = 40
    private var cached: [UInt8]?

    func instructions() async throws -> [UInt8] {
        if let cached { return cached }
        let card = try FaultMatrixSupport.chip([])
        let log = InstructionLog(VirtualCardTransport(card: card))
        let connector = ClosureCardConnector { _ in CardConnection(transport: log, atr: card.atr) }
        let ending = await FaultMatrixSupport.read(connector)
        guard ending.status == .valid else { throw ReferenceError.notValid("\(ending)") }
        cached = log.instructions
        return log.instructions
    }

    enum ReferenceError: Error { case notValid(String) }
}
