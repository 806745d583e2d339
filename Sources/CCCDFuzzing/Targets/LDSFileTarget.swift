import CCCDLDS

/// Every parser behind `LDSFileParser` (DG3/DG4 biometrics, DG5/DG7 images, DG11, DG12,
/// EF.CardSecurity's CMS as well as the files with their own targets). The first input byte
/// picks the file, the rest is its content.
enum LDSFileTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        guard let selector = bytes.first else { return .rejected }
        let file = LDSFile.allFiles[Int(selector) % LDSFile.allFiles.count]
        let content = Array(bytes.dropFirst())
        let parsed: LDSFileContent
        do {
            parsed = try LDSFileParser.parse(file, bytes: content)
        } catch {
            return .rejected
        }
        if case .notInterpreted(let other) = parsed {
            try Invariant.check(other == file, .ldsFile, "notInterpreted names \(other), not \(file)")
            return .rejected
        }
        // An interpreted file starts with its own outer tag.
        if let tag = file.outerTag {
            try Invariant.check(content.first == tag, .ldsFile, "\(file) parsed without its outer tag")
        }
        switch parsed {
        case .biometrics(let group, let value):
            try Invariant.check(group == file.dataGroup, .ldsFile, "biometrics of the wrong group")
            try Invariant.check(value.templates.count <= LDSLimits.maximumBiometricCount, .ldsFile, "too many templates")
            try Invariant.jsonRoundTrip(value, .ldsFile)
        case .displayedImages(let group, let value):
            try Invariant.check(group == file.dataGroup, .ldsFile, "images of the wrong group")
            try Invariant.jsonRoundTrip(value, .ldsFile)
        case .dg11(let value): try Invariant.jsonRoundTrip(value, .ldsFile)
        case .dg12(let value): try Invariant.jsonRoundTrip(value, .ldsFile)
        case .cardSecurity(let value): try Invariant.jsonRoundTrip(value, .ldsFile)
        case .com(let value): try Invariant.jsonRoundTrip(value, .ldsFile)
        case .sod(let value): try Invariant.jsonRoundTrip(value, .ldsFile)
        case .dg1(let value): try Invariant.jsonRoundTrip(value, .ldsFile)
        case .dg2(let value): try Invariant.jsonRoundTrip(value, .ldsFile)
        case .dg13(let value): try Invariant.jsonRoundTrip(value, .ldsFile)
        case .dg15(let value): try Invariant.jsonRoundTrip(value, .ldsFile)
        case .notInterpreted: break
        }
        return .accepted
    }
}
