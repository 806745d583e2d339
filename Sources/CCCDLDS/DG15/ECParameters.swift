/// The domain parameters of an elliptic-curve key (RFC 3279 EcpkParameters).
public enum ECParameters: Sendable, Hashable, Codable {
    /// A named curve (e.g. 1.3.36.3.3.2.8.1.1.7 brainpoolP256r1, 1.2.840.10045.3.1.7 P-256).
    case namedCurve(oid: String)
    /// Explicit prime-field parameters.
    case explicit(ExplicitECParameters)
    /// `implicitlyCA` (NULL): the parameters are inherited from the issuer.
    case implicitlyCA
}
