/// The CBEFF biometric header template (`A1`) of one biometric (ISO/IEC 7816-11, ICAO 9303-10 §4.7.2).
///
/// Values are kept as stored; the integer accessors interpret them when their length is the
/// standard one.
public struct BiometricHeader: Sendable, Hashable, Codable {
    /// `80` patron header version (e.g. `01 01`).
    public var patronHeaderVersion: [UInt8]?
    /// `81` biometric type (`02` = facial features, `08` = finger, `10` = iris).
    public var biometricType: [UInt8]?
    /// `82` biometric subtype.
    public var biometricSubtype: [UInt8]?
    /// `83` creation date and time (7 bytes BCD `YYYYMMDDhhmmss`).
    public var creationDate: [UInt8]?
    /// `85` validity period (8 bytes BCD `YYYYMMDD` from, to).
    public var validityPeriod: [UInt8]?
    /// `86` creator of the biometric reference data (PID).
    public var creator: [UInt8]?
    /// `87` format owner (`01 01` = ISO/IEC JTC 1/SC 37).
    public var formatOwner: [UInt8]?
    /// `88` format type (`00 08` = face 19794-5, `00 07` = finger image, `00 09` = iris).
    public var formatType: [UInt8]?
    /// Other elements of the header, in order.
    public var otherElements: [RawDataObject]

    /// The biometric type as a number.
    public var biometricTypeValue: Int? { biometricType.flatMap { BiometricHeader.number($0) } }
    /// The format owner as a number (`0x0101` for ISO/IEC JTC 1/SC 37).
    public var formatOwnerValue: Int? { formatOwner.flatMap { BiometricHeader.number($0) } }
    /// The format type as a number (`0x0008` for ISO/IEC 19794-5 face).
    public var formatTypeValue: Int? { formatType.flatMap { BiometricHeader.number($0) } }

    public init(
        patronHeaderVersion: [UInt8]? = nil, biometricType: [UInt8]? = nil, biometricSubtype: [UInt8]? = nil,
        creationDate: [UInt8]? = nil, validityPeriod: [UInt8]? = nil, creator: [UInt8]? = nil,
        formatOwner: [UInt8]? = nil, formatType: [UInt8]? = nil, otherElements: [RawDataObject] = []
    ) {
        self.patronHeaderVersion = patronHeaderVersion
        self.biometricType = biometricType
        self.biometricSubtype = biometricSubtype
        self.creationDate = creationDate
        self.validityPeriod = validityPeriod
        self.creator = creator
        self.formatOwner = formatOwner
        self.formatType = formatType
        self.otherElements = otherElements
    }

    static func number(_ bytes: [UInt8]) -> Int? {
        guard (1...4).contains(bytes.count) else { return nil }
        return bytes.reduce(0) { $0 << 8 | Int($1) }
    }
}
