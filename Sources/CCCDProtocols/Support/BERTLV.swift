import CCCDPrimitives

// The BER-TLV reader/writer lives in CCCDPrimitives (one codec for CCCDLDS and this module). This alias keeps
// `SecurityInfos` (moving to its own module) compiling without an import of its own; remove it with that move.
typealias BERTLV = CCCDPrimitives.BERTLV
