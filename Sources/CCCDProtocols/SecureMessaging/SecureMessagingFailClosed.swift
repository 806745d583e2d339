import CCCDCrypto

extension SecureMessagingState {
    /// Runs one protect/unprotect step on an active session. Any error ends the session for good
    /// (a real chip drops secure messaging after an error, so the reader does too).
    mutating func failingClosed<T>(otherwise: (any Error) -> SecureMessagingError,
                                   _ step: (inout SecureMessagingState) throws -> T) throws(SecureMessagingError) -> T
    {
        guard isActive else { throw .sessionTerminated }
        do {
            return try step(&self)
        } catch let error as SecureMessagingError {
            isActive = false
            throw error
        } catch let error as CryptoError {
            isActive = false
            throw .crypto(error)
        } catch {
            isActive = false
            throw otherwise(error)
        }
    }
}
