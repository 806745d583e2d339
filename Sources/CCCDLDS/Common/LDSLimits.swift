/// Bounds applied by every parser so that hostile input cannot make it allocate or recurse without
/// limit.
public enum LDSLimits {
    /// The largest file (tag + length + value) any parser accepts: 16 MiB. eMRTD files are far
    /// smaller (a DG2 face is typically 10–40 KB, fingerprints in DG3 a few hundred KB at most).
    public static let maximumFileSize = 1 << 24

    /// The nesting limit swift-asn1 applies to the ASN.1 structures (its own constant). The BER-TLV
    /// helper never recurses: parsers descend only into the templates they know.
    public static let maximumASN1Depth = 50

    /// The largest structure handed to swift-asn1 (EF.SOD, DG1, DG13, DG15, EF.CardSecurity): 1 MiB.
    /// swift-asn1 materialises one node per element, so this also bounds its memory use; real files
    /// of these kinds are a few kilobytes.
    public static let maximumASN1Size = 1 << 20

    /// The most elements the BER-TLV helper reads at one level of a template (real templates have
    /// fewer than 30), so a file of millions of empty elements cannot exhaust memory.
    public static let maximumElementsPerLevel = 1024

    /// The most face records accepted in DG2 and biometric templates in one group.
    public static let maximumBiometricCount = 64
}
