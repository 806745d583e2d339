/// A biometric information group template (`7F61`): the CBEFF wrapper of DG2, DG3 and DG4.
public struct BiometricInformationGroup: Sendable, Hashable, Codable {
    /// The number of instances the template declares (`02`).
    public var declaredCount: Int
    /// The templates found, in order.
    public var templates: [BiometricTemplate]

    public init(declaredCount: Int, templates: [BiometricTemplate]) {
        self.declaredCount = declaredCount
        self.templates = templates
    }
}
