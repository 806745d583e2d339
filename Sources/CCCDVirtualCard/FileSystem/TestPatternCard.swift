/// Card contents used by the transport-level tests and benchmarks: an eMRTD application whose
/// files hold a deterministic byte pattern (no personal data), all readable without access control.
public enum TestPatternCard {
    /// EF.CardAccess of the Vietnamese card, as published.
    public static let cccdCardAccess: [UInt8] = [
        0x31, 0x34, 0x30, 0x0D, 0x06, 0x08, 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x02, 0x02, 0x01, 0x01,
        0x30, 0x0F, 0x06, 0x0A, 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x03, 0x02, 0x02, 0x02, 0x01, 0x01,
        0x30, 0x12, 0x06, 0x0A, 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02, 0x02, 0x02, 0x01, 0x02,
        0x02, 0x01, 0x0D,
    ]

    /// `count` bytes of a fixed pattern that differs per file.
    public static func pattern(_ count: Int, seed: UInt8) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed) &* 7 &+ ($0 >> 8)) }
    }

    /// File sizes like a CCCD: EF.COM, SOD, DG1, DG2 (20 KB), DG13, DG14, DG15, DG3 (locked).
    /// `access` applies to the application's files (`.afterAccessControl` for a chip with BAC/PACE).
    public static func fileSystem(access: AccessCondition = .always) -> CardFileSystem {
        let app = DedicatedFile(
            aid: CardFileSystem.eMRTDApplicationID,
            files: [
                ElementaryFile(fid: 0x011E, sfi: 0x1E, contents: pattern(24, seed: 0x1E), access: access),
                ElementaryFile(fid: 0x011D, sfi: 0x1D, contents: pattern(1900, seed: 0x1D), access: access),
                ElementaryFile(fid: 0x0101, sfi: 0x01, contents: pattern(93, seed: 0x01), access: access),
                ElementaryFile(fid: 0x0102, sfi: 0x02, contents: pattern(20_480, seed: 0x02), access: access),
                ElementaryFile(fid: 0x0103, sfi: 0x03, contents: pattern(512, seed: 0x03), access: .never),
                ElementaryFile(fid: 0x010D, sfi: 0x0D, contents: pattern(1200, seed: 0x0D), access: access),
                ElementaryFile(fid: 0x010E, sfi: 0x0E, contents: pattern(340, seed: 0x0E), access: access),
                ElementaryFile(fid: 0x010F, sfi: 0x0F, contents: pattern(170, seed: 0x0F), access: access),
            ])
        let mf = DedicatedFile(
            fid: CardFileSystem.masterFileID,
            files: [ElementaryFile(fid: CardFileSystem.cardAccessFID, sfi: 0x1C, contents: cccdCardAccess, access: .always)])
        return CardFileSystem(masterFile: mf, applications: [app])
    }
}
