import CCCDPrimitives
import CCCDTransport
import Foundation

/// One fault the virtual card injects: when `trigger` matches a command, the card answers it
/// with `action` instead of (or on top of) its normal answer. Listed in a data set's `card.json`
/// under `faults` (format in TestVectors/datasets/README.md, "Fault injection").
public struct CardFault: Sendable, Codable, Equatable, CustomStringConvertible {
    public var trigger: FaultTrigger
    public var action: FaultAction

    public init(_ trigger: FaultTrigger, _ action: FaultAction) {
        self.trigger = trigger
        self.action = action
    }

    private enum CodingKeys: String, CodingKey {
        case trigger = "when"
        case action = "then"
    }

    public var description: String { "\(action) when \(trigger)" }
}

/// Which command(s) a fault hits. All given conditions must hold.
public struct FaultTrigger: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The Nth command APDU the card receives since it was created (1 = the first; GET RESPONSE
    /// and commands refused by secure messaging count too).
    public var apdu: Int?
    /// The kind of command.
    public var command: CommandKind?
    /// For `readBinary` / `select`: the file concerned ("DG1", "EF.SOD", …; see ``FaultFile``).
    /// A SELECT under secure messaging hides its file identifier and never matches a file.
    public var file: FaultFile?
    /// The Nth command matching `command` and `file` (1-based, counted over the card's life);
    /// nil = every matching command.
    public var occurrence: Int?
    /// With `occurrence` or `apdu`: also every later match (the card stays faulty).
    public var `repeat`: Bool?
    /// Only during read number k: a read starts at each access-control start (PACE MSE:Set AT or
    /// BAC GET CHALLENGE outside secure messaging), so a reader's recovery starts a new read too.
    public var read: Int?

    public init(apdu: Int? = nil, command: CommandKind? = nil, file: FaultFile? = nil, occurrence: Int? = nil,
                repeat: Bool? = nil, read: Int? = nil)
    {
        self.apdu = apdu
        self.command = command
        self.file = file
        self.occurrence = occurrence
        self.repeat = `repeat`
        self.read = read
    }

    public var description: String {
        var parts: [String] = []
        if let apdu { parts.append("APDU #\(apdu)") }
        if let command { parts.append(command.rawValue) }
        if let file { parts.append(file.name) }
        if let occurrence { parts.append("occurrence \(occurrence)") }
        if `repeat` == true { parts.append("and later") }
        if let read { parts.append("read \(read)") }
        return parts.isEmpty ? "every command" : parts.joined(separator: " ")
    }
}

/// Command kinds a trigger can name (told apart by CLA/INS/P1/P2, which stay readable under
/// secure messaging).
public enum CommandKind: String, Sendable, Codable, CaseIterable {
    case any
    case select
    case selectApplication
    case readBinary
    case getResponse
    case manageSecurityEnvironment
    case generalAuthenticate
    case getChallenge
    case externalAuthenticate
    case internalAuthenticate
}

/// An LDS file named in a trigger: "EF.COM", "EF.SOD", "EF.CardAccess", "EF.ATR/INFO", "DG1" … "DG16".
public struct FaultFile: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public let fid: UInt16

    public init(fid: UInt16) { self.fid = fid }

    public init?(name: String) {
        switch name.uppercased() {
        case "EF.COM", "COM": fid = 0x011E
        case "EF.SOD", "SOD": fid = 0x011D
        case "EF.CARDACCESS", "CARDACCESS": fid = 0x011C
        case "EF.ATR/INFO", "ATR/INFO", "EF.ATR": fid = 0x2F01
        default:
            let upper = name.uppercased()
            guard upper.hasPrefix("DG"), let n = Int(upper.dropFirst(2)), (1...16).contains(n) else { return nil }
            fid = 0x0100 + UInt16(n)
        }
    }

    public var name: String {
        switch fid {
        case 0x011E: "EF.COM"
        case 0x011D: "EF.SOD"
        case 0x011C: "EF.CardAccess"
        case 0x2F01: "EF.ATR/INFO"
        case 0x0101...0x0110: "DG\(fid - 0x0100)"
        default: String(format: "EF %04X", fid)
        }
    }

    public var description: String { name }

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let file = FaultFile(name: name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown file \"\(name)\""))
        }
        self = file
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
}

/// What the card does to the command a trigger hit.
public enum FaultAction: Sendable, Equatable, CustomStringConvertible {
    /// The card leaves the field before answering: no response; over vpcd the connection drops
    /// (pcscd sees the card removed) and `cccd sim` re-inserts it after `reinsertAfter`.
    case remove(reinsertAfter: Duration)
    /// The response's last data byte is flipped: under secure messaging, a wrong DO'8E' MAC.
    case wrongMAC
    /// The protected response has no DO'99' (the MAC covers what is there).
    case missingStatusObject
    /// The command is answered with this status word and no data (protected under secure
    /// messaging, as a chip reports errors).
    case status(StatusWord)
    /// The whole response is this bare status word (no secure messaging).
    case bareStatus(StatusWord)
    /// The last n bytes of the response data are cut off (the status word stays).
    case truncate(Int)
    /// n extra bytes (A5) are appended to the response data.
    case extraBytes(Int)
    /// The card answers normally, but only after this silence.
    case delay(Duration)
    /// READ BINARY: the file byte at `offset` is XORed with `xor` (a chip whose contents change).
    case alterContent(offset: Int, xor: UInt8)

    public var description: String {
        switch self {
        case .remove: "card removed"
        case .wrongMAC: "wrong MAC"
        case .missingStatusObject: "missing DO'99'"
        case .status(let sw): "SW \(sw)"
        case .bareStatus(let sw): "bare SW \(sw)"
        case .truncate(let n): "truncated by \(n) bytes"
        case .extraBytes(let n): "\(n) extra bytes"
        case .delay(let d): "silent \(d)"
        case .alterContent(let offset, let xor): "content byte \(offset) ^ \(xor)"
        }
    }
}

extension FaultAction: Codable {
    private enum Key: String, CodingKey {
        case remove, status, bareStatus, truncate, extraBytes, delayMs, alterContent
    }
    private struct Removal: Codable { var reinsertAfterMs: Int? }
    private struct Alteration: Codable {
        var offset: Int
        var xor: Int?
    }

    public init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            switch name {
            case "remove": self = .remove(reinsertAfter: .seconds(1))
            case "wrongMAC": self = .wrongMAC
            case "missingStatusObject": self = .missingStatusObject
            default:
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown fault action \"\(name)\""))
            }
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        guard c.allKeys.count == 1, let key = c.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a fault action has exactly one key"))
        }
        func statusWord() throws -> StatusWord {
            let text = try c.decode(String.self, forKey: key).replacingOccurrences(of: " ", with: "")
            guard text.count == 4, let value = UInt16(text, radix: 16) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "a status word is 4 hex digits")
            }
            return StatusWord(UInt8(value >> 8), UInt8(value & 0xFF))
        }
        func count() throws -> Int {
            let n = try c.decode(Int.self, forKey: key)
            guard n >= 0 && n <= 65_536 else { throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "out of range") }
            return n
        }
        switch key {
        case .remove:
            let removal = try c.decode(Removal.self, forKey: key)
            self = .remove(reinsertAfter: .milliseconds(max(0, removal.reinsertAfterMs ?? 1000)))
        case .status: self = .status(try statusWord())
        case .bareStatus: self = .bareStatus(try statusWord())
        case .truncate: self = .truncate(try count())
        case .extraBytes: self = .extraBytes(try count())
        case .delayMs: self = .delay(.milliseconds(try count()))
        case .alterContent:
            let a = try c.decode(Alteration.self, forKey: key)
            guard a.offset >= 0, (1...255).contains(a.xor ?? 0xFF) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "offset ≥ 0, xor 1…255")
            }
            self = .alterContent(offset: a.offset, xor: UInt8(a.xor ?? 0xFF))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .wrongMAC:
            var c = encoder.singleValueContainer()
            try c.encode("wrongMAC")
        case .missingStatusObject:
            var c = encoder.singleValueContainer()
            try c.encode("missingStatusObject")
        default:
            var c = encoder.container(keyedBy: Key.self)
            switch self {
            case .remove(let after): try c.encode(Removal(reinsertAfterMs: Int(after.milliseconds)), forKey: .remove)
            case .status(let sw): try c.encode(Hex.encode(sw.bytes), forKey: .status)
            case .bareStatus(let sw): try c.encode(Hex.encode(sw.bytes), forKey: .bareStatus)
            case .truncate(let n): try c.encode(n, forKey: .truncate)
            case .extraBytes(let n): try c.encode(n, forKey: .extraBytes)
            case .delay(let d): try c.encode(Int(d.milliseconds), forKey: .delayMs)
            case .alterContent(let offset, let xor): try c.encode(Alteration(offset: offset, xor: Int(xor)), forKey: .alterContent)
            default: break
            }
        }
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
