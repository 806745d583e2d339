import CCCDLDS
import Foundation

/// What passive authentication looks at: EF.SOD and the data groups as read (raw bytes).
public struct PassiveAuthenticationInput: Sendable {
    /// EF.SOD exactly as read; nil when it was not read.
    public var securityObject: [UInt8]?
    /// Data-group number → file bytes exactly as read.
    public var dataGroups: [Int: [UInt8]]
    /// EF.CardSecurity exactly as read (PACE-CAM / eID cards), when it was: its SignedData is
    /// verified like EF.SOD's.
    public var cardSecurity: [UInt8]?

    /// EF.SOD and the data groups by number.
    public init(securityObject: [UInt8]?, dataGroups: [Int: [UInt8]], cardSecurity: [UInt8]? = nil) {
        self.securityObject = securityObject
        self.dataGroups = dataGroups
        self.cardSecurity = cardSecurity
    }

    /// From files keyed by ``LDSFile`` (e.g. a reader result or a dump folder).
    public init(files: [LDSFile: [UInt8]]) {
        securityObject = files[.sod]
        cardSecurity = files[.cardSecurity]
        var groups: [Int: [UInt8]] = [:]
        for (file, bytes) in files {
            if let group = file.dataGroup { groups[group.number] = bytes }
        }
        dataGroups = groups
    }
}

/// Settings of passive authentication.
public struct PassiveAuthenticationOptions: Sendable {
    /// The time certificates and CRLs are checked at (default: now).
    public var verificationTime: Date
    /// Whether the SignerInfo must carry signed attributes (ICAO requires them in EF.SOD).
    public var requireSignedAttributes: Bool
    /// Whether DG1's issuing state is compared with the certificates' country.
    public var checkCountry: Bool
    /// Whether the document's date of expiry (DG1, DG13) is compared with the verification time.
    public var checkDocumentExpiry: Bool

    /// Options; the defaults are what ICAO requires, checked now.
    public init(
        verificationTime: Date = Date(), requireSignedAttributes: Bool = true, checkCountry: Bool = true,
        checkDocumentExpiry: Bool = true
    ) {
        self.verificationTime = verificationTime
        self.requireSignedAttributes = requireSignedAttributes
        self.checkCountry = checkCountry
        self.checkDocumentExpiry = checkDocumentExpiry
    }
}
