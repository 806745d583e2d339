/// One synthetic card: who, how it is signed, its chip keys and photo.
public struct DataSetSpec: Sendable {
    public var name: String
    public var description: String
    public var citizen: CitizenProfile
    /// The document signer (an entity of ``TestPKI``) and its CSCA.
    public var documentSigner: String
    public var csca: String
    /// Hash of the DG hashes in EF.SOD (OpenSSL name).
    public var dataGroupHash: String
    /// How EF.SOD is signed.
    public var signature: SigningScheme
    /// Identify the signer by subject key identifier.
    public var signerBySubjectKeyIdentifier: Bool
    /// Active Authentication key of the chip (DG15).
    public var activeAuthenticationKey: TestKey.Spec
    /// Photo file under `TestVectors/datasets/assets`.
    public var photo: String

    /// The data sets the generator writes.
    public static let all: [DataSetSpec] = [
        DataSetSpec(
            name: "default",
            description: "CCCD 2021, ECDSA brainpool document signer (explicit parameters), RSA-2048 AA, ECDH CA, JPEG photo",
            citizen: CitizenProfile(
                personalNumber: "079190012345", fullName: "Nguyễn Thị Minh Khai", mrzName: "NGUYEN<<THI<MINH<KHAI",
                dateOfBirth: "15/08/1990", female: true, ethnicity: "Kinh", religion: "Không",
                placeOfOrigin: "Xã Hòa Khánh, Huyện Cái Bè, Tiền Giang",
                placeOfResidence: "Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
                identifyingMarks: "Nốt ruồi C:1cm trên trước mày trái", dateOfIssue: "10/04/2021",
                dateOfExpiry: "15/08/2030", fatherName: "Nguyễn Văn Hùng", motherName: "Trần Thị Lan",
                spouseName: "Lê Văn Đức", oldIdNumber: "025123456", emptyFields: []),
            documentSigner: "dsc-ecdsa", csca: "csca-ecdsa", dataGroupHash: "SHA256",
            signature: SigningScheme(hash: "SHA256"), signerBySubjectKeyIdentifier: false,
            activeAuthenticationKey: .rsa(bits: 2048), photo: "portrait-gradient.jpg"),
        DataSetSpec(
            name: "no-expiry",
            description: "CCCD 2021 without expiry (Không thời hạn, MRZ expiry 991231), RSA-PSS document signer, ECDSA AA",
            citizen: CitizenProfile(
                personalNumber: "001058004321", fullName: "Trần Văn Bảy", mrzName: "TRAN<<VAN<BAY",
                dateOfBirth: "02/09/1958", female: false, ethnicity: "Kinh", religion: "Phật giáo",
                placeOfOrigin: "Xã Đông Hội, Huyện Đông Anh, Hà Nội",
                placeOfResidence: "Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội", identifyingMarks: "Sẹo chấm C:2cm dưới sau mép phải",
                dateOfIssue: "20/05/2021", dateOfExpiry: nil, fatherName: "Trần Văn Tư", motherName: "Phạm Thị Nụ",
                spouseName: "Đỗ Thị Hoa", oldIdNumber: "011234567", emptyFields: []),
            documentSigner: "dsc-rsa-pss", csca: "csca-rsa", dataGroupHash: "SHA256",
            signature: SigningScheme(hash: "SHA256", pss: true, pssSaltLength: 32), signerBySubjectKeyIdentifier: false,
            activeAuthenticationKey: .ec(curve: "brainpoolP256r1", explicitParameters: false),
            photo: "portrait-gradient.jpg"),
        DataSetSpec(
            name: "card-2024",
            description: "Thẻ căn cước 2024 with empty DG13 fields (ethnicity, religion, origin, marks, parents), RSA-PSS signer, SHA-384 hashes",
            citizen: CitizenProfile(
                personalNumber: "048203000789", fullName: "Lê Hoàng Phúc", mrzName: "LE<<HOANG<PHUC",
                dateOfBirth: "03/03/2003", female: false, ethnicity: "Kinh", religion: "Không",
                placeOfOrigin: "Đà Nẵng", placeOfResidence: "Phường Hải Châu, Thành phố Đà Nẵng",
                identifyingMarks: "", dateOfIssue: "01/07/2024", dateOfExpiry: "03/03/2028",
                fatherName: "Lê Văn Sơn", motherName: "Võ Thị Thu", spouseName: nil, oldIdNumber: nil,
                emptyFields: [6, 7, 8, 10, 13]),
            documentSigner: "dsc-rsa-pss", csca: "csca-rsa", dataGroupHash: "SHA384",
            signature: SigningScheme(hash: "SHA512", pss: true, pssSaltLength: 64), signerBySubjectKeyIdentifier: true,
            activeAuthenticationKey: .rsa(bits: 2048), photo: "portrait-gradient.jpg"),
        DataSetSpec(
            name: "jp2-photo",
            description: "CCCD 2021 with a JPEG 2000 photo, ECDSA brainpool signer by SKI, SHA-1 DG hashes, ECDSA AA",
            citizen: CitizenProfile(
                personalNumber: "031185006543", fullName: "Phạm Thị Hồng Nhung", mrzName: "PHAM<<THI<HONG<NHUNG",
                dateOfBirth: "21/11/1985", female: true, ethnicity: "Tày", religion: "Công giáo",
                placeOfOrigin: "Xã Quảng Ngần, Huyện Vị Xuyên, Hà Giang",
                placeOfResidence: "Phường Lê Chân, Quận Lê Chân, Hải Phòng", identifyingMarks: "Nốt ruồi C:0,5cm dưới cằm",
                dateOfIssue: "15/01/2022", dateOfExpiry: "21/11/2045", fatherName: "Phạm Văn Long",
                motherName: "Hoàng Thị Mai", spouseName: nil, oldIdNumber: "031987654", emptyFields: []),
            documentSigner: "dsc-ecdsa", csca: "csca-ecdsa", dataGroupHash: "SHA1",
            signature: SigningScheme(hash: "SHA224"), signerBySubjectKeyIdentifier: true,
            activeAuthenticationKey: .ec(curve: "brainpoolP256r1", explicitParameters: false),
            photo: "portrait-gradient.jp2"),
    ]

    /// Data sets of a document's life beyond "genuine and current", written by the generator
    /// beside ``all`` and verified by their own tests: a card signed under the next CSCA key
    /// (rollover, verified through the link certificate) and a card past its date of expiry.
    public static let lifecycle: [DataSetSpec] = [
        DataSetSpec(
            name: "rollover",
            description: "CCCD signed after the CSCA key rollover: document signer under csca-ecdsa-2026 (link certificate from csca-ecdsa)",
            citizen: CitizenProfile(
                personalNumber: "036096001122", fullName: "Đặng Quốc Huy", mrzName: "DANG<<QUOC<HUY",
                dateOfBirth: "12/06/1996", female: false, ethnicity: "Kinh", religion: "Không",
                placeOfOrigin: "Xã Nghĩa Hưng, Huyện Nghĩa Hưng, Nam Định",
                placeOfResidence: "Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội", identifyingMarks: "Sẹo chấm C:1cm trên đuôi mắt phải",
                dateOfIssue: "20/02/2026", dateOfExpiry: "12/06/2036", fatherName: "Đặng Văn Toàn",
                motherName: "Ngô Thị Thủy", spouseName: nil, oldIdNumber: nil, emptyFields: []),
            documentSigner: "dsc-ecdsa-2026", csca: "csca-ecdsa-2026", dataGroupHash: "SHA256",
            signature: SigningScheme(hash: "SHA256"), signerBySubjectKeyIdentifier: false,
            activeAuthenticationKey: .rsa(bits: 2048), photo: "portrait-gradient.jpg"),
        DataSetSpec(
            name: "expired",
            description: "CCCD 2021 past its date of expiry (15/08/2024, the renewal at age 25), otherwise genuine",
            citizen: CitizenProfile(
                personalNumber: "052199007788", fullName: "Võ Thị Ngọc Ánh", mrzName: "VO<<THI<NGOC<ANH",
                dateOfBirth: "15/08/1999", female: true, ethnicity: "Kinh", religion: "Không",
                placeOfOrigin: "Xã Phước Hưng, Huyện Tuy Phước, Bình Định",
                placeOfResidence: "Phường Lê Lợi, Thành phố Quy Nhơn, Bình Định", identifyingMarks: "Nốt ruồi C:0,3cm trên mép trái",
                dateOfIssue: "10/04/2021", dateOfExpiry: "15/08/2024", fatherName: "Võ Văn Thành",
                motherName: "Huỳnh Thị Mỹ", spouseName: nil, oldIdNumber: "215432109", emptyFields: []),
            documentSigner: "dsc-ecdsa", csca: "csca-ecdsa", dataGroupHash: "SHA256",
            signature: SigningScheme(hash: "SHA256"), signerBySubjectKeyIdentifier: false,
            activeAuthenticationKey: .rsa(bits: 2048), photo: "portrait-gradient.jpg"),
    ]

    /// Every data set the generator writes.
    public static var generated: [DataSetSpec] { all + lifecycle }
}
