/// The parsed content of one file, as returned by ``LDSFileParser``.
public enum LDSFileContent: Sendable, Hashable {
    /// EF.COM.
    case com(EFCOM)
    /// EF.SOD.
    case sod(DocumentSecurityObject)
    /// DG1: the MRZ.
    case dg1(MachineReadableZoneGroup)
    /// DG2: the face(s).
    case dg2(FaceBiometrics)
    /// DG3 (fingerprints) or DG4 (iris): the CBEFF templates, data blocks unparsed.
    case biometrics(DataGroup, BiometricInformationGroup)
    /// DG5 (displayed portrait) or DG7 (displayed signature).
    case displayedImages(DataGroup, DisplayedImages)
    /// DG11.
    case dg11(AdditionalPersonalDetails)
    /// DG12.
    case dg12(AdditionalDocumentDetails)
    /// DG13: Vietnamese citizen data.
    case dg13(CitizenData)
    /// DG15: the Active Authentication key.
    case dg15(PublicKeyInfo)
    /// EF.CardSecurity's CMS wrapper; its SecurityInfos content is parsed by CCCDProtocols.
    case cardSecurity(SignedData)
    /// A file this module does not interpret: DG14 and EF.CardAccess (SecurityInfos, parsed by
    /// CCCDProtocols), EF.ATR/INFO, DG6, DG8–DG10, DG16.
    case notInterpreted(LDSFile)
}
