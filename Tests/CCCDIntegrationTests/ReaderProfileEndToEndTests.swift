import CCCDKit
import CCCDTestSupport
import CCCDTransport
import CCCDVirtualCard
import Foundation
import Testing

/// Issue 14, item 2: reader profiles. vpcd's reader name is fixed ("Virtual PCD 00 00"), so the
/// virtual card emulates the reader (``CardProfile/behindACR122U``, ``CardProfile/behind255ByteReader``)
/// and configuration (`CCCD_READER_PROFILES`) maps the vpcd name to the matching profile.
extension PCSCEndToEnd {
    struct EmulatedReader: Sendable, CustomTestStringConvertible {
        var emulation: String
        /// The configuration entry: what `CCCD_READER_PROFILES` says about this reader.
        var entryJSON: String
        var testDescription: String { emulation }
    }

    static let emulatedReaders = [
        EmulatedReader(emulation: "acr122u",
                       entryJSON: #"{"extendedLength": false, "maxCommandLength": 271, "maxResponseLength": 271}"#),
        EmulatedReader(emulation: "cmd255", entryJSON: #"{"extendedLength": false, "maxCommandLength": 255}"#),
    ]

    /// A table whose configured entry maps `readerName` to `entryJSON`, loaded the way the CLI and
    /// the daemon load it: from the file named by `CCCD_READER_PROFILES`.
    static func configuredTable(_ reader: EmulatedReader, readerName: String) throws -> ReaderProfileTable {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reader-profiles-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let entry = reader.entryJSON.replacingOccurrences(of: "{", with: #"{"pattern": "\#(readerName)", "#)
        try Data("[\(entry)]".utf8).write(to: file)
        return .standard(environment: ["CCCD_READER_PROFILES": file.path])
    }

    func readBehind(_ reader: EmulatedReader, table: ReaderProfileTable, learned: ReaderProfile? = nil) async throws
        -> (result: CardReadResult, exchanges: [ExchangeRecord])
    {
        let card = try DataSetChip.load(FaultMatrixSupport.dataSet, adjustments: .init(reader: reader.emulation))
        var options = FaultMatrixSupport.options()
        options.readerProfiles = table
        options.learnedReaderProfile = learned
        return try await readExchanges(card, options: options)
    }

    @Test(arguments: emulatedReaders)
    func knownReaderProfileReadsWithoutAFailedExchange(_ reader: EmulatedReader) async throws {
        let table = try Self.configuredTable(reader, readerName: bed.readerNames[0])
        let (result, exchanges) = try await readBehind(reader, table: table)
        print("\(reader.emulation), profile from the table: \(result.statistics); \(exchanges.count) exchanges")
        FaultMatrixSupport.expectGenuine(result)
        let verification = try #require(result.verification)
        #expect(verification.overall == .valid && verification.active.status == .valid
            && verification.chip.status == .valid, "\(verification)")
        let statistics = result.statistics
        #expect(statistics.readerProfile?.source == .table && statistics.readerProfile?.configured == true, "\(statistics)")
        // No failed first exchange: no 67 00 (nor any other error status) on the wire, no length
        // retry, no new session.
        #expect(!exchanges.contains { $0.status == 0x6700 }, "\(exchanges)")
        #expect(exchanges.allSatisfy { $0.status.map { $0 >> 8 == 0x90 || $0 >> 8 == 0x61 || $0 == 0x6282 } ?? false },
                "\(exchanges)")
        #expect(statistics.lengthRetries == 0 && statistics.restarts == 0, "\(statistics)")
        #expect(!statistics.extendedLength && statistics.learnedReaderProfile == nil)
    }

    @Test(arguments: emulatedReaders)
    func defaultProfileStillRecoversAndIsLearned(_ reader: EmulatedReader) async throws {
        // No table entry for "Virtual PCD": the card's word (extended length) is tried first.
        let first = try await readBehind(reader, table: ReaderProfileTable(entries: ReaderProfileTable.builtIn))
        print("\(reader.emulation), default profile: \(first.result.statistics)")
        FaultMatrixSupport.expectGenuine(first.result)
        #expect(first.result.verification?.overall == .valid, "\(String(describing: first.result.verification))")
        let statistics = first.result.statistics
        #expect(statistics.readerProfile?.source == .default)
        // One 67 00 in clear from the reader, one new session, then short APDUs for the rest.
        #expect(statistics.lengthRetries == 1 && statistics.restarts == 1, "\(statistics)")
        #expect(first.exchanges.filter { $0.status == 0x6700 }.count == 1, "\(first.exchanges)")
        let learned = try #require(statistics.learnedReaderProfile)
        #expect(learned.extendedLength == false)

        // What the daemon does with it: the next read on this reader starts from what was learned.
        let second = try await readBehind(reader, table: ReaderProfileTable(entries: ReaderProfileTable.builtIn), learned: learned)
        #expect(second.result.verification?.overall == .valid)
        #expect(second.result.statistics.readerProfile?.source == .learned)
        #expect(second.result.statistics.lengthRetries == 0 && second.result.statistics.restarts == 0,
                "\(second.result.statistics)")
        #expect(!second.exchanges.contains { $0.status == 0x6700 })
    }
}

/// The table itself: built-in facts, pattern matching, configuration in front, limits cut.
@Suite struct ReaderProfileTableTests {
    @Test func builtInEntriesMatchRealReaderNames() {
        let table = ReaderProfileTable(entries: ReaderProfileTable.builtIn)
        #expect(table.resolve(readerName: "ACS ACR122U PICC Interface 00 00").profile
            == ReaderProfile(extendedLength: false, maxCommandLength: 271, maxResponseLength: 271))
        #expect(table.entry(for: "ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00")?.extendedLength == true)
        #expect(table.entry(for: "ACS ACR1252 Dual Reader [ACR1252 Dual Reader SAM] 01 00")?.extendedLength == false)
        #expect(table.entry(for: "ACS ACR1552 1S CL Reader PICC 00 00")?.maxResponseLength == 520)
        #expect(table.entry(for: "ACS ACR1281 1S Dual Reader [ACR1281 1S Dual Reader PICC] 00 00")?.maxCommandLength == 255)
        #expect(table.entry(for: "HID Global OMNIKEY 5422 Smartcard Reader [OMNIKEY 5422CL Smartcard Reader] 01 00")?
            .extendedLength == false)
        #expect(table.entry(for: "Identiv uTrust 4701 F Dual Interface Reader [uTrust 4701 F CL Reader] 01 00")?
            .maxResponseLength == 1034)
        let unknown = table.resolve(readerName: "Virtual PCD 00 00")
        #expect(unknown.source == .default && unknown.profile == .unrestricted)
        #expect(table.resolve(readerName: "ACS ACR122U 00 00", learned: ReaderProfile(extendedLength: true)).source == .learned)
    }

    @Test func configurationOverridesAndExtends() throws {
        let json = #"{"readerProfiles": [{"pattern": "acr122*picc", "extendedLength": true, "note": "firmware 2.14"}]}"#
        let entries = try ReaderProfileTable.entries(json: Data(json.utf8))
        let table = ReaderProfileTable(entries: entries + ReaderProfileTable.builtIn)
        let report = table.resolve(readerName: "ACS ACR122U PICC Interface 00 00")
        #expect(report.source == .table && report.configured == true && report.pattern == "acr122*picc")
        #expect(report.profile.extendedLength == true && report.note == "firmware 2.14")
        #expect(throws: (any Error).self) { try ReaderProfileTable.entries(json: Data("{\"x\": 1}".utf8)) }
    }

    @Test func limitsAreCutToTheReader() {
        let card = ReadLimits(extendedLength: true, maxResponseData: 65_536, maxCommandData: 65_535)
        let acr122 = card.limited(by: ReaderProfile(extendedLength: false, maxCommandLength: 271, maxResponseLength: 271))
        #expect(acr122 == ReadLimits.short)
        let acr1252 = card.limited(by: ReaderProfile(extendedLength: true, maxCommandLength: 520, maxResponseLength: 520))
        #expect(acr1252.extendedLength && acr1252.maxResponseData == 518 && acr1252.maxCommandData == 511)
        #expect(card.limited(by: .unrestricted) == card)
    }
}

extension PCSCEndToEnd {
    @Test func readersJSONShowsTheProfileAndItsSource() throws {
        func profiles(_ environment: [String: String]) throws -> [[String: Any]] {
            let run = try Self.runCLI(["readers", "--json"], environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
            let readers = try #require(object["readers"] as? [[String: Any]])
            return try readers.map { try #require($0["profile"] as? [String: Any]) }
        }
        // vpcd's name is in no built-in entry: the default (no restriction).
        let plain = try profiles([:])
        #expect(plain.first?["source"] as? String == "default", "\(plain)")
        // Configuration maps it to an ACR122U-like profile.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reader-profiles-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"[{"pattern": "Virtual PCD", "extendedLength": false, "maxCommandLength": 271, "maxResponseLength": 271}]"#.utf8)
            .write(to: file)
        let configured = try profiles(["CCCD_READER_PROFILES": file.path])
        let first = try #require(configured.first)
        #expect(first["source"] as? String == "table" && first["pattern"] as? String == "Virtual PCD"
            && first["configured"] as? Bool == true, "\(first)")
        let values = try #require(first["profile"] as? [String: Any])
        #expect(values["extendedLength"] as? Bool == false && values["maxResponseLength"] as? Int == 271, "\(values)")
    }
}
