import CCCDLDS

/// DG2: the CBEFF group and the ISO/IEC 19794-5 facial records; an image never claims more bytes
/// than the file has.
enum DG2Target {
    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        guard let biometrics = try? DG2Parser.parse(bytes) else { return .rejected }
        try Invariant.check(biometrics.group.templates.count <= LDSLimits.maximumBiometricCount, .dg2, "too many templates")
        var imageBytes = 0
        for face in biometrics.faces {
            imageBytes += face.imageData.count
            try Invariant.check(face.width >= 0 && face.height >= 0, .dg2, "negative image size")
        }
        try Invariant.check(imageBytes <= bytes.count, .dg2, "images hold more bytes than the file")
        if let primary = biometrics.primaryFace {
            try Invariant.check(biometrics.faces.first == primary, .dg2, "primary face is not the first face")
        }
        try Invariant.jsonRoundTrip(biometrics, .dg2)
        return .accepted
    }
}
