/// What the fault injector knows about one incoming command: its position, its kind and the file
/// it concerns, taken from the header (readable under secure messaging too) and the card's state.
public struct CommandEvent: Sendable, Equatable {
    /// 1-based position among all commands the card received.
    public var index: Int
    public var kind: CommandKind
    /// READ BINARY: the file read (by SFI or the current EF); plain SELECT of an EF: its file.
    public var file: FaultFile?
    /// True for a command that starts access control (PACE MSE:Set AT or BAC GET CHALLENGE, plain).
    public var startsRead: Bool

    public init(index: Int, kind: CommandKind, file: FaultFile? = nil, startsRead: Bool = false) {
        self.index = index
        self.kind = kind
        self.file = file
        self.startsRead = startsRead
    }

    /// Classifies a command APDU's bytes. `fileBySFI` maps a short file identifier to the file of
    /// the current DF; `currentFile` is the current EF.
    static func classify(_ bytes: [UInt8], index: Int, fileBySFI: (UInt8) -> UInt16?, currentFile: UInt16?)
        -> CommandEvent
    {
        guard bytes.count >= 4 else { return CommandEvent(index: index, kind: .any) }
        let (cla, ins, p1, p2) = (bytes[0], bytes[1], bytes[2], bytes[3])
        let protected = cla & 0x80 == 0 && cla & 0x0C == 0x0C
        switch ins {
        case 0xA4:
            if p1 == 0x04 { return CommandEvent(index: index, kind: .selectApplication) }
            // A plain SELECT by file identifier: Lc = 2, then the FID.
            var file: FaultFile?
            if !protected && bytes.count >= 7 && bytes[4] == 2 { file = FaultFile(fid: UInt16(bytes[5]) << 8 | UInt16(bytes[6])) }
            return CommandEvent(index: index, kind: .select, file: file)
        case 0xB0, 0xB1:
            let fid = ins == 0xB0 && p1 & 0x80 != 0 ? fileBySFI(p1 & 0x1F) : currentFile
            return CommandEvent(index: index, kind: .readBinary, file: fid.map(FaultFile.init(fid:)))
        case 0xC0: return CommandEvent(index: index, kind: .getResponse)
        case 0x22:
            return CommandEvent(index: index, kind: .manageSecurityEnvironment, startsRead: !protected && p1 == 0xC1 && p2 == 0xA4)
        case 0x86: return CommandEvent(index: index, kind: .generalAuthenticate)
        case 0x84: return CommandEvent(index: index, kind: .getChallenge, startsRead: !protected)
        case 0x82: return CommandEvent(index: index, kind: .externalAuthenticate)
        case 0x88: return CommandEvent(index: index, kind: .internalAuthenticate)
        default: return CommandEvent(index: index, kind: .any)
        }
    }
}
