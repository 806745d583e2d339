// CCCDPrimitives: the small helpers every module shares — hex text, a lock box (LockedBox, not Mutex: see
// there), BER-TLV (BERTLVHeader, BERTLV), the JSON settings and the secret-file check.
// No dependencies beyond Foundation, so any module (the virtual card too) may import it.
