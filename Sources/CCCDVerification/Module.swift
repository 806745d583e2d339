/// CCCDVerification: passive authentication (EF.SOD, document signer chain, CRLs, trust store,
/// master lists), active authentication and chip authentication (terminal side), and the verdict
/// model of the `verification` JSON block. All cryptography goes through OpenSSL 3.
public enum CCCDVerificationModule {}
