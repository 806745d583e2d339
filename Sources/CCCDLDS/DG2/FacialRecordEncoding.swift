/// The standard a DG2 facial record is encoded in.
public enum FacialRecordEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// ISO/IEC 19794-5:2005 binary record (`FAC\0`, version `010`): LDS 1.7/1.8, ICAO 9303 up to the 7th edition.
    case iso19794_5 = "iso19794-5"
    /// ISO/IEC 39794-5 ASN.1 (DER) `FaceImageDataBlock`: LDS 2, ICAO 9303 8th edition.
    case iso39794_5 = "iso39794-5"
}
