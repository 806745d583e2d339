import CCCDCrypto
import CCCDTransport

/// The result of BAC: the secure-messaging session it opened.
package struct BACResult: Sendable {
    package let secureMessaging: SecureMessagingState
}

/// Runs BAC against a card (the eMRTD application must already be selected).
package enum BACProtocol {
    /// GET CHALLENGE, EXTERNAL AUTHENTICATE, session keys. Randomness is drawn from `random` in
    /// this order: RND.IFD (8 bytes), then K.IFD (16 bytes).
    package static func perform(channel: APDUChannel, key: MRZKeyInput, random: any RandomSource) async throws
        -> BACResult
    {
        let keys = try crypto { () throws(CryptoError) in try BACKeys(key) }
        let challengeResponse = try await channel.send(BACAuthentication.getChallengeCommand())
        try AccessControlError.check(challengeResponse.status, step: "GET CHALLENGE")
        let rndIFD = try random.randomBytes(8)
        let kIFD = try random.randomBytes(16)
        let challenge = try BACAuthentication.makeChallenge(
            keys: keys, rndIC: challengeResponse.data, rndIFD: rndIFD, kIFD: kIFD)
        let response = try await channel.send(challenge.command)
        try AccessControlError.check(response.status, step: "EXTERNAL AUTHENTICATE")
        let state = try BACAuthentication.completeAuthentication(
            keys: keys, challenge: challenge, responseData: response.data)
        return BACResult(secureMessaging: state)
    }
}
