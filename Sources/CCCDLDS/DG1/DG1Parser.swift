import CCCDMRZ
import SwiftASN1

/// Parses DG1 (tag `61`): `61 { 5F1F MRZ }`.
public enum DG1Parser {
    /// Parses the bytes of DG1 and the MRZ inside (TD1, TD2 or TD3, check digits verified).
    ///
    /// Throws ``LDSError/invalidValue(context:)`` when the MRZ does not parse; the context names the
    /// failing field but never repeats MRZ characters (personal data).
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> MachineReadableZoneGroup {
        let text = try mrzText(bytes)
        do {
            return MachineReadableZoneGroup(mrzText: text, mrz: try MRZ(text))
        } catch {
            throw .invalidValue(context: "DG1 MRZ: \(summary(of: error))")
        }
    }

    /// The MRZ characters of DG1 without interpreting them.
    public static func mrzText(_ bytes: [UInt8]) throws(LDSError) -> String {
        let root = try ASN1Parsing.parseFile(bytes[...], tag: 0x61, rules: .ber, context: "DG1")
        let children = try root.children("DG1")
        guard let element = children.first(where: { $0.hasTag(.application, 0x1F) }) else {
            throw .unexpectedStructure(context: "DG1: MRZ element 5F1F missing")
        }
        let content = try element.primitiveBytes("DG1 MRZ")
        // Only the MRZ character set: digits, capital letters and the filler.
        guard content.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x3C }) else {
            throw .invalidValue(context: "DG1 MRZ: character outside 0-9 A-Z <")
        }
        return String(decoding: content, as: UTF8.self)
    }

    /// A description of an MRZ error without the MRZ characters themselves.
    static func summary(of error: MRZError) -> String {
        switch error {
        case .unknownFormat(let lengths): "length \(lengths) matches neither TD1, TD2 nor TD3"
        case .invalidCharacter(let line, let position): "invalid character on line \(line) at \(position)"
        case .checkDigitMismatch(let field, _, _): "check digit of the \(field) does not match"
        case .invalidField(let field, _): "invalid \(field)"
        case .invalidVietnameseID: "invalid Vietnamese ID number"
        }
    }
}
