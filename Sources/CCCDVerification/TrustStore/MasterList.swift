import CCCDLDS
import SwiftASN1

/// An ICAO CSCA master list (ICAO 9303-12 §9): CMS SignedData with eContentType
/// `id-icao-cscaMasterList` (2.23.136.1.1.2) and content
/// `CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }`.
public struct MasterList: Sendable {
    /// eContentType of a CSCA master list.
    public static let contentType = "2.23.136.1.1.2"

    /// The CMS structure (signer, signer certificate).
    public let signedData: SignedData
    /// The DER of every certificate in the list.
    public let certificates: [[UInt8]]

    /// Parses a master list file (a CMS ContentInfo).
    public init(der: [UInt8]) throws(TrustStoreError) {
        let signedData: SignedData
        do {
            signedData = try SignedDataParser.parse(contentInfo: der)
        } catch {
            throw .malformed("not a CMS SignedData: \(error)")
        }
        guard signedData.encapsulatedContentType == Self.contentType else {
            throw .malformed("eContentType \(signedData.encapsulatedContentType) is not a CSCA master list")
        }
        guard let content = signedData.encapsulatedContent else { throw .malformed("master list content missing") }
        do {
            let root = try BER.parse(content)
            guard root.identifier == .sequence, case .constructed(let fields) = root.content else {
                throw TrustStoreError.malformed("CscaMasterList is not a SEQUENCE")
            }
            let items = Array(fields)
            guard items.count == 2, items[1].identifier == .set, case .constructed(let list) = items[1].content else {
                throw TrustStoreError.malformed("CscaMasterList: expected version and certList")
            }
            self.certificates = list.map { Array($0.encodedBytes) }
        } catch let error as TrustStoreError {
            throw error
        } catch {
            throw .malformed("CscaMasterList: \(error)")
        }
        self.signedData = signedData
    }
}

/// Why a trust-store input could not be used.
public enum TrustStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .unreadable(let why): "unreadable: \(why)"
        case .malformed(let why): "malformed: \(why)"
        }
    }
}
