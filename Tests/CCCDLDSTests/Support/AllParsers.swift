import Testing
@testable import CCCDLDS

/// Every parser with the samples it must accept, for the cross-parser robustness tests.
struct ParserCase: Sendable, CustomTestStringConvertible {
    let name: String
    let samples: [String]
    let synthetic: [[UInt8]]
    let parse: @Sendable ([UInt8]) throws -> Void

    var testDescription: String { name }

    /// The samples' bytes followed by the synthetic vectors.
    func inputs() throws -> [[UInt8]] {
        try samples.map { try Samples.bytes($0) } + synthetic
    }

    static let all: [ParserCase] = [
        ParserCase(name: "EF.COM", samples: [Samples.bsiCOM, Samples.loesCOM], synthetic: []) { _ = try EFCOMParser.parse($0) },
        ParserCase(name: "DG1", samples: [Samples.bsiDG1, Samples.loesDG1, Samples.tr03105DG1], synthetic: [
            TLV.element(0x61, TLV.element([0x5F, 0x1F], Array(DG1Tests.vietnameseMRZ.utf8)))
        ]) { _ = try DG1Parser.parse($0) },
        ParserCase(name: "DG2", samples: [Samples.bsiDG2, Samples.loesDG2], synthetic: [
            DG2Tests.dg2(faces: [(DG2Tests.jpeg, 0, 2), (DG2Tests.j2k, 1, 0)])
        ]) { _ = try DG2Parser.parse($0) },
        ParserCase(name: "DG3/DG4", samples: [Samples.bsiDG3, Samples.bsiDG4], synthetic: []) {
            _ = try BiometricGroupParser.parse($0, tag: $0.first ?? 0x63)
        },
        ParserCase(name: "DG5/DG7", samples: [Samples.dg5, Samples.dg7], synthetic: []) {
            _ = try DisplayedImageParser.parse($0, group: $0.first == 0x67 ? .dg7 : .dg5)
        },
        ParserCase(name: "DG11", samples: [Samples.dg11], synthetic: []) { _ = try DG11Parser.parse($0) },
        ParserCase(name: "DG12", samples: [Samples.dg12], synthetic: []) { _ = try DG12Parser.parse($0) },
        ParserCase(name: "DG13", samples: [], synthetic: [
            DG13Vectors.fullCard,
            DG13Vectors.file([
                DG13Vectors.field(13, TLV.sequence(TLV.sequence(DG13Vectors.father), TLV.sequence(DG13Vectors.mother))),
                [0x30, 0x03, 0x02, 0x01, 0x0E],
            ]),
        ]) { _ = try DG13Parser.parse($0) },
        ParserCase(name: "DG15", samples: [Samples.bsiDG15, Samples.loesDG15, Samples.etsiDG15], synthetic: []) { _ = try DG15Parser.parse($0) },
        ParserCase(name: "EF.SOD", samples: [Samples.bsiSOD, Samples.loesSOD, Samples.tr03105SOD, Samples.etsiSOD], synthetic: []) {
            _ = try SODParser.parse($0)
        },
        ParserCase(name: "ContentInfo", samples: Samples.cardSecurityFiles, synthetic: []) {
            _ = try SignedDataParser.parse(contentInfo: $0)
        },
        ParserCase(name: "TLV header", samples: [Samples.bsiCOM, Samples.bsiSOD], synthetic: []) {
            _ = try TLVHeader.fileLength(fromPrefix: $0)
        },
    ]
}
