/// Synthetic DG13 files in the Vietnamese layout (no real card data).
enum DG13Vectors {
    /// `SEQUENCE { INTEGER index, values… }`.
    static func field(_ index: Int, _ values: [UInt8]...) -> [UInt8] {
        TLV.element(0x30, TLV.integer(index) + values.flatMap { $0 })
    }

    /// `6D { SEQUENCE { INTEGER 1, OID 1.0.10646.1.0.8, SET { fields } } }`.
    static func file(_ fields: [[UInt8]]) -> [UInt8] {
        TLV.element(0x6D, TLV.sequence(TLV.integer(1), TLV.utf8OID, TLV.element(0x31, fields.flatMap { $0 })))
    }

    /// A complete 2021 card: all 16 indices, parents as two nested SEQUENCEs.
    static let fullCardFields: [[UInt8]] = [
        field(1, TLV.printable("001090012345")),
        field(2, TLV.utf8("Nguyễn Văn An")),
        field(3, TLV.printable("15/08/1990")),
        field(4, TLV.utf8("Nam")),
        field(5, TLV.utf8("Việt Nam")),
        field(6, TLV.utf8("Kinh")),
        field(7, TLV.utf8("Không")),
        field(8, TLV.utf8("Đông Hội, Đông Anh, Hà Nội")),
        field(9, TLV.utf8("Số 12 Phố Huế, Hai Bà Trưng, Hà Nội")),
        field(10, TLV.utf8("Nốt ruồi C:2cm trên sau đuôi mắt phải")),
        field(11, TLV.printable("10/07/2021")),
        field(12, TLV.utf8("15/08/2030")),
        field(13, TLV.sequence(TLV.utf8("Nguyễn Văn Bình")), TLV.sequence(TLV.utf8("Trần Thị Hoa"))),
        field(14, TLV.utf8("Lê Thị Mai")),
        field(15, TLV.printable("012345678")),
        field(16, TLV.printable("ABCDEF0123456789")),
    ]

    static let fullCard = file(fullCardFields)

    /// Father's and mother's names as UTF8Strings.
    static let father = TLV.utf8("Nguyễn Văn Bình")
    static let mother = TLV.utf8("Trần Thị Hoa")
}
