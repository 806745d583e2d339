import CCCDLDS
import CCCDPrimitives
import CCCDTransport
import SwiftASN1

/// APDUs of PACE (ICAO 9303-11 §4.4.4) and the Dynamic Authentication Data they carry.
public enum PACECommands {
    /// MSE:Set AT `00 22 C1 A4` with 80 (OID content), 83 (password reference) and, when given,
    /// 84 (domain-parameter ID; always sent for standardized parameters, see cccd-facts.md).
    public static func mseSetAT(algorithm: PACEAlgorithm, passwordReference: UInt8, parameterID: Int?) -> CommandAPDU {
        let data = CommandDataObjects.encode { coder in
            coder.appendPrimitiveNode(identifier: CommandDataObjects.contextTag(0)) {
                $0.append(contentsOf: algorithm.oidContentBytes)
            }
            coder.appendPrimitiveNode(identifier: CommandDataObjects.contextTag(3)) { $0.append(passwordReference) }
            if let parameterID {
                try parameterID.serialize(into: &coder, withIdentifier: CommandDataObjects.contextTag(4))
            }
        }
        // Cannot fail: at most a few dozen bytes.
        return try! CommandAPDU(cla: 0x00, ins: 0x22, p1: 0xC1, p2: 0xA4, data: data)
    }

    /// GENERAL AUTHENTICATE with Dynamic Authentication Data `7C { objects }`; every step but the
    /// last is sent with the chaining bit (CLA 0x10). Le = 256 (extended length is chosen by the
    /// encoder when the data needs it). The objects' tags are one-byte context-specific tags
    /// (`80`…`86`, primitive).
    public static func generalAuthenticate(_ objects: [(tag: UInt8, value: [UInt8])], isLast: Bool) -> CommandAPDU {
        let data = CommandDataObjects.encode { coder in
            coder.appendConstructedNode(identifier: CommandDataObjects.dynamicAuthenticationData) { inner in
                for object in objects {
                    inner.appendPrimitiveNode(identifier: CommandDataObjects.contextTag(UInt(object.tag & 0x1F))) {
                        $0.append(contentsOf: object.value)
                    }
                }
            }
        }
        // Cannot fail: PACE data objects stay far below 65535 bytes.
        return try! CommandAPDU(cla: isLast ? 0x00 : 0x10, ins: 0x86, p1: 0x00, p2: 0x00, data: data, ne: 256)
    }

    /// Parses a GENERAL AUTHENTICATE response: exactly one 7C object whose content is a list of
    /// context-specific objects with distinct tags.
    public static func parseDynamicAuthenticationData(_ data: [UInt8], step: String) throws(AccessControlError)
        -> [UInt8: [UInt8]]
    {
        let outer: [BERTLV]
        do {
            outer = try BERTLV.parseAll(data)
        } catch {
            throw .malformedResponse(step: step, reason: "dynamic authentication data is not BER-TLV")
        }
        guard outer.count == 1, outer[0].tag == 0x7C else {
            throw .malformedResponse(step: step, reason: "expected one 7C object")
        }
        let inner: [BERTLV]
        do {
            inner = try BERTLV.parseAll(outer[0].value)
        } catch {
            throw .malformedResponse(step: step, reason: "7C content is not BER-TLV")
        }
        var objects: [UInt8: [UInt8]] = [:]
        for object in inner {
            guard object.tag <= 0xFF, objects[UInt8(object.tag)] == nil else {
                throw .malformedResponse(step: step, reason: "unexpected or duplicate tag in 7C")
            }
            objects[UInt8(object.tag)] = object.value
        }
        return objects
    }
}
