import CCCDLDS
import Foundation

/// What passive authentication looks at: EF.SOD and the data groups as read (raw bytes).
public struct PassiveAuthenticationInput: Sendable {
    /// EF.SOD exactly as read; nil when it was not read.
    public var securityObject: [UInt8]?
    /// Data-group number → file bytes exactly as read.
    public var dataGroups: [Int: [UInt8]]

    /// EF.SOD and the data groups by number.
    public init(securityObject: [UInt8]?, dataGroups: [Int: [UInt8]]) {
        self.securityObject = securityObject
        self.dataGroups = dataGroups
    }

    /// From files keyed by ``LDSFile`` (e.g. a reader result or a dump folder).
    public init(files: [LDSFile: [UInt8]]) {
        securityObject = files[.sod]
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

    /// Options; the defaults are what ICAO requires, checked now.
    public init(verificationTime: Date = Date(), requireSignedAttributes: Bool = true, checkCountry: Bool = true) {
        self.verificationTime = verificationTime
        self.requireSignedAttributes = requireSignedAttributes
        self.checkCountry = checkCountry
    }
}
