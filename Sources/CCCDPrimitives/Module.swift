// CCCDPrimitives: the small helpers every module shares — hex text, a lock box and the JSON settings.
// No dependencies beyond Foundation, so any module (the virtual card too) may import it.
