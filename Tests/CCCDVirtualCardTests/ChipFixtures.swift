import CCCDProtocols
import CCCDTransport
import CCCDVirtualCard

/// Shared data of the chip tests: keys as printed on a (made-up) CCCD, a CCCD-like file system.
enum ChipFixtures {
    /// Document number = last 9 digits of the 12-digit ID 001090012345; CAN = its last 6 digits.
    static let mrz = MRZKeyInformation(documentNumber: "090012345", dateOfBirth: "900115", dateOfExpiry: "300115")
    static let can = "012345"
    static let dg1 = TestPatternCard.pattern(93, seed: 0x01)
    static let dg2 = TestPatternCard.pattern(20_480, seed: 0x02)

    static func readerMRZ(_ info: MRZKeyInformation = mrz) throws -> AccessKey {
        .mrz(try MRZKeyInput(documentNumber: info.documentNumber, dateOfBirth: info.dateOfBirth, dateOfExpiry: info.dateOfExpiry))
    }

    static func configuration(pace: [PACEOffer] = [.cccd], bac: Bool = true, profile: CardProfile = .extended,
                              caKey: ChipAuthenticationKey? = nil) -> ChipConfiguration
    {
        ChipConfiguration(can: can, mrz: mrz, offersBAC: bac, pace: pace, chipAuthenticationKey: caKey, profile: profile)
    }

    static func chip(_ configuration: ChipConfiguration = configuration()) throws -> (EMRTDChip, APDUChannel) {
        let chip = try EMRTDChip(configuration: configuration, fileSystem: TestPatternCard.fileSystem(access: .afterAccessControl))
        return (chip, APDUChannel(transport: VirtualCardTransport(card: chip.card)))
    }

    static func readBinary(sfi: UInt8, ne: Int) throws -> CommandAPDU {
        try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x80 | sfi, p2: 0, ne: ne)
    }

    static func readBinary(offset: Int, ne: Int) throws -> CommandAPDU {
        try CommandAPDU(cla: 0, ins: 0xB0, p1: UInt8(offset >> 8), p2: UInt8(offset & 0xFF), ne: ne)
    }

    static func selectEF(_ fid: UInt16) throws -> CommandAPDU {
        try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x02, p2: 0x0C, data: [UInt8(fid >> 8), UInt8(fid & 0xFF)])
    }

    /// Reads a whole EF under SM in pieces of at most `chunk` bytes (selects it first).
    static func readFile(_ channel: SecureChannel, fid: UInt16, chunk: Int) async throws -> [UInt8] {
        let selected = try await channel.send(selectEF(fid))
        guard selected.status == .success else { throw ReadFailure(status: selected.status) }
        var content: [UInt8] = []
        while true {
            let response = try await channel.send(readBinary(offset: content.count, ne: chunk))
            if response.status == .wrongParameters && !content.isEmpty { break }  // offset at the end
            guard response.status.isNormalOrWarning else { throw ReadFailure(status: response.status) }
            content += response.data
            if response.status == .endOfFileReached || response.data.count < chunk { break }
        }
        return content
    }

    struct ReadFailure: Error { let status: StatusWord }
}
