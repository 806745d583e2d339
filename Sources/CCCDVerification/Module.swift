/// CCCDVerification: passive authentication (EF.SOD, document signer chain, CRLs, trust store,
/// master lists), the signature helpers, and the verdict model of the `verification` JSON block
/// (with the AA / CA evidence it carries). It sends nothing to a card: Active and Chip
/// Authentication live in CCCDChipAuthentication. All cryptography goes through OpenSSL 3.
public enum CCCDVerificationModule {}
