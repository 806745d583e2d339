import CCCDCrypto
import CCCDPrimitives
import CCCDTestSupport
import CCCDTransport
import Foundation
import Testing

@testable import CCCDProtocols

/// Loads the ICAO worked examples (TestVectors/icao9303) and the samples in ../shared/samples,
/// which only some checkouts have: tests that read them are enabled if `SharedFolder.available("samples")`.
enum Vectors {
    static func load() throws -> [String: Any] { try ICAOVectors.load() }

    static func section(_ name: String) throws -> [String: Any] {
        guard let section = try load()[name] as? [String: Any] else { throw VectorError.malformed(name) }
        return section
    }

    static func sample(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: SharedFolder.url("samples/" + relativePath)))
    }
}

enum VectorError: Error {
    case malformed(String)
    case missing(String)
}

extension Dictionary where Key == String, Value == Any {
    /// Hex value of `key`; text after the first space (annotations like "(id-PACE-…)") is ignored.
    func hex(_ key: String) throws -> [UInt8] {
        guard let text = self[key] as? String else { throw VectorError.missing(key) }
        let token = text.split(separator: " ").first.map(String.init) ?? ""
        guard let bytes = Hex.decode(token) else { throw VectorError.malformed(key) }
        return bytes
    }

    func string(_ key: String) throws -> String {
        guard let text = self[key] as? String else { throw VectorError.missing(key) }
        return text
    }

    func dict(_ key: String) throws -> [String: Any] {
        guard let d = self[key] as? [String: Any] else { throw VectorError.missing(key) }
        return d
    }

    func list(_ key: String) throws -> [[String: Any]] {
        guard let l = self[key] as? [[String: Any]] else { throw VectorError.missing(key) }
        return l
    }
}

/// Random bytes that make `privateKey(fromRandom:)` return exactly `privateKey`:
/// (k - 1) padded, since the mapping is (int(bytes) mod (n-1)) + 1.
func randomBytes(producing privateKey: [UInt8], domain: DomainParameters) throws -> [UInt8] {
    let k = try BigNumber(bytes: privateKey)
    let kMinusOne = try k.subtracting(BigNumber(word: 1))
    return try kMinusOne.bytes(paddedTo: domain.privateKeyRandomLength)
}

/// A replay transport over (command, response) pairs.
func replay(_ pairs: [([UInt8], [UInt8])]) -> ReplayTransport {
    var transcript = Transcript(header: .init(created: nil, note: "built from worked examples"))
    for (i, pair) in pairs.enumerated() {
        transcript.exchanges.append(.init(index: i, milliseconds: 0, command: pair.0, response: pair.1))
    }
    return ReplayTransport(transcript)
}

let sw9000: [UInt8] = [0x90, 0x00]
