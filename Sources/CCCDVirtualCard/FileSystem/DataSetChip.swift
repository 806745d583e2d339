import Foundation

/// A data set (`TestVectors/datasets/NAME`: the dump-folder files plus `card.json`) turned into a
/// chip: the files are readable only after access control, and BAC/PACE use the data set's CAN and
/// MRZ key, Chip Authentication and Active Authentication use its private keys (see
/// TestVectors/datasets/README.md for `card.json`). A clone serves the same files with fresh keys.
public enum DataSetChip {
    /// The parts of `card.json` the chip needs.
    struct CardDescription: Decodable {
        struct MRZ: Decodable {
            var documentNumber: String
            var dateOfBirth: String
            var dateOfExpiry: String
        }
        struct PACE: Decodable {
            var oid: String
            var parameterId: Int
        }
        struct Access: Decodable {
            var bac: Bool
            var pace: [PACE]
        }
        struct ChipAuthentication: Decodable {
            var privateKeyHex: String
            var curve: String?
        }
        struct ActiveAuthentication: Decodable {
            var privateKeyPEM: String?
        }
        struct Behaviour: Decodable {
            var extendedLength: Bool?
            var maxResponseLength: Int?
            var shortFileIdentifiers: Bool?
        }
        var can: String?
        var mrz: MRZ?
        var access: Access
        var chipAuthentication: ChipAuthentication?
        var activeAuthentication: ActiveAuthentication?
        var behaviour: Behaviour?
        var faults: [CardFault]?
    }

    /// Changes to the chip that `card.json` describes, for variants of one data set (benchmarks,
    /// recorded sessions): the same files and keys, a different chip.
    public struct Adjustments: Sendable, Equatable {
        /// Offer no PACE (and so no EF.CardAccess): the reader has to use BAC.
        public var withoutPACE: Bool
        /// Short APDUs only (no extended length), whatever `card.json` says.
        public var shortAPDUsOnly: Bool
        /// The ``CardProfile/lax`` chip (no DO'99', errors in clear, no SFI, short APDUs only).
        public var lax: Bool
        /// Offer PACE with Chip Authentication Mapping only (id-PACE-ECDH-CAM-AES-CBC-CMAC-128 on
        /// the chip-authentication key's curve) instead of `card.json`'s PACE: the chip proves its
        /// DG14 key during PACE. Needs `chipAuthentication` in `card.json`.
        public var paceCAM: Bool
        /// Put the chip behind an emulated reader (``CardProfile/readerEmulations``: `acr122u`,
        /// `cmd255`); nil = a reader that carries everything.
        public var reader: String?

        /// - Parameters:
        ///   - withoutPACE: Offer no PACE, so that the reader falls back on BAC.
        ///   - shortAPDUsOnly: Accept and answer short APDUs only.
        ///   - lax: Behave as ``CardProfile/lax``, whatever `card.json` says.
        ///   - paceCAM: Offer PACE-CAM (ECDH, AES-128) instead of `card.json`'s PACE.
        public init(withoutPACE: Bool = false, shortAPDUsOnly: Bool = false, lax: Bool = false, paceCAM: Bool = false,
                    reader: String? = nil) {
            self.reader = reader
            self.withoutPACE = withoutPACE
            self.shortAPDUsOnly = shortAPDUsOnly
            self.lax = lax
            self.paceCAM = paceCAM
        }

        /// The chip as `card.json` describes it.
        public static let none = Adjustments()
    }

    /// Loads the folder: with `card.json`, a chip with access control; without it, the files served
    /// openly (a plain dump).
    /// - Parameters:
    ///   - folder: The data set folder (dump files, optionally `card.json`).
    ///   - clone: Serve the files from a chip whose AA/CA keys are freshly generated and do not match
    ///     DG15/DG14 (a cloned card); ignored for a plain dump.
    ///   - adjustments: Variants of the described chip (no PACE, short APDUs only).
    ///   - random: The chip's randomness; a fixed source makes recorded sessions reproducible.
    /// The faults `card.json` lists (`faults`) are installed on the card.
    public static func load(_ folder: URL, clone: Bool = false, adjustments: Adjustments = .none,
                            random: any ChipRandomSource = SystemChipRandom()) throws -> VirtualCard
    {
        let descriptionURL = folder.appendingPathComponent("card.json")
        guard let json = FileManager.default.contents(atPath: descriptionURL.path) else {
            let profile: CardProfile = adjustments.lax ? .lax : adjustments.shortAPDUsOnly ? .shortOnly : .extended
            return VirtualCard(profile: profile, fileSystem: try DumpFolderLoader.load(folder, access: .always))
        }
        let description = try JSONDecoder().decode(CardDescription.self, from: json)
        var configuration = try configuration(description)
        configuration.clone = clone
        if adjustments.paceCAM {
            guard let key = configuration.chipAuthenticationKey else { throw DataSetError.paceCAMWithoutChipKey }
            configuration.pace = [PACEOffer(keyAgreement: .ecdh, mapping: .chipAuthentication, cipher: .aes128,
                                            parameterID: key.parameterID)]
        }
        if adjustments.withoutPACE { configuration.pace = [] }
        if adjustments.shortAPDUsOnly {
            let sfi = configuration.profile.shortFileIdentifiers
            configuration.profile = .shortOnly
            configuration.profile.shortFileIdentifiers = sfi
        }
        if adjustments.lax { configuration.profile = .lax }
        if let reader = adjustments.reader {
            guard let behind = configuration.profile.behind(reader: reader) else { throw DataSetError.unknownReader(reader) }
            configuration.profile = behind
        }
        let fileSystem = try DumpFolderLoader.load(folder, access: .afterAccessControl)
        let card = try EMRTDChip(configuration: configuration, fileSystem: fileSystem, random: random).card
        card.installFaults(description.faults ?? [])
        return card
    }

    static func configuration(_ d: CardDescription) throws -> ChipConfiguration {
        var profile = CardProfile.extended
        if let b = d.behaviour {
            if b.extendedLength == false { profile = .shortOnly }
            if let max = b.maxResponseLength { profile.maxResponseDataLength = max }
            if let sfi = b.shortFileIdentifiers { profile.shortFileIdentifiers = sfi }
        }
        let offers = try d.access.pace.map { try offer(oid: $0.oid, parameterID: $0.parameterId) }
        let caKey = try d.chipAuthentication.map { ca throws in
            ChipAuthenticationKey(parameterID: try parameterID(curve: ca.curve ?? "brainpoolP256r1"), privateKey: ca.privateKeyHex)
        }
        return ChipConfiguration(
            can: d.can,
            mrz: d.mrz.map { MRZKeyInformation(documentNumber: $0.documentNumber, dateOfBirth: $0.dateOfBirth, dateOfExpiry: $0.dateOfExpiry) },
            offersBAC: d.access.bac, pace: offers, chipAuthenticationKey: caKey,
            activeAuthenticationKeyPEM: d.activeAuthentication?.privateKeyPEM, profile: profile)
    }

    /// ICAO 9303-11 Table 12 parameter ID of a named curve.
    static func parameterID(curve: String) throws -> Int {
        let ids: [String: Int] = [
            "secp192r1": 8, "prime192v1": 8, "brainpoolP192r1": 9, "secp224r1": 10, "brainpoolP224r1": 11,
            "secp256r1": 12, "prime256v1": 12, "brainpoolP256r1": 13, "brainpoolP320r1": 14, "secp384r1": 15,
            "brainpoolP384r1": 16, "brainpoolP512r1": 17, "secp521r1": 18,
        ]
        guard let id = ids[curve] else { throw DataSetError.unsupportedCurve(curve) }
        return id
    }

    /// id-PACE OIDs are 0.4.0.127.0.7.2.2.4.MAPPING.CIPHER (BSI TR-03110-3).
    static func offer(oid: String, parameterID: Int) throws -> PACEOffer {
        let arcs = oid.split(separator: ".").compactMap { Int($0) }
        guard arcs.count == 11, Array(arcs.prefix(9)) == [0, 4, 0, 127, 0, 7, 2, 2, 4] else {
            throw DataSetError.unsupportedPACE(oid)
        }
        let agreement: PACEOffer.KeyAgreement
        let mapping: PACEOffer.Mapping
        switch arcs[9] {
        case 1: (agreement, mapping) = (.dh, .generic)
        case 2: (agreement, mapping) = (.ecdh, .generic)
        case 3: (agreement, mapping) = (.dh, .integrated)
        case 4: (agreement, mapping) = (.ecdh, .integrated)
        case 6: (agreement, mapping) = (.ecdh, .chipAuthentication)
        default: throw DataSetError.unsupportedPACE(oid)
        }
        let cipher: ChipCipher
        switch arcs[10] {
        case 1: cipher = .tripleDES
        case 2: cipher = .aes128
        case 3: cipher = .aes192
        case 4: cipher = .aes256
        default: throw DataSetError.unsupportedPACE(oid)
        }
        return PACEOffer(keyAgreement: agreement, mapping: mapping, cipher: cipher, parameterID: parameterID)
    }
}

extension DataSetChip {
    /// Reads a fault list: a JSON file holding `[CardFault]` or `{"faults": [CardFault]}` (the
    /// same entries as `card.json`'s `faults`).
    public static func loadFaults(_ file: URL) throws -> [CardFault] {
        struct Wrapper: Decodable { var faults: [CardFault] }
        let data = try Data(contentsOf: file)
        if let list = try? JSONDecoder().decode([CardFault].self, from: data) { return list }
        return try JSONDecoder().decode(Wrapper.self, from: data).faults
    }
}

public enum DataSetError: Error, CustomStringConvertible {
    case unsupportedPACE(String)
    case unsupportedCurve(String)
    case paceCAMWithoutChipKey
    case unknownReader(String)

    public var description: String {
        switch self {
        case .unsupportedPACE(let oid): return "card.json: unsupported PACE protocol \(oid)"
        case .unsupportedCurve(let curve): return "card.json: unsupported chip authentication curve \(curve)"
        case .paceCAMWithoutChipKey: return "card.json: PACE-CAM needs a chip authentication key (chipAuthentication)"
        case .unknownReader(let name): return "unknown reader emulation \"\(name)\" (acr122u, cmd255)"
        }
    }
}
