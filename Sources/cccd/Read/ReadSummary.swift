import CCCDKit

/// The readable summary `cccd read` prints without --json (Vietnamese diacritics as stored).
enum ReadSummary {
    static func text(_ result: CardReadResult, language l: Language) -> String {
        var lines: [String] = []
        func add(_ en: String, _ vi: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let label = l.text(en, vi)
            lines.append(label.padding(toLength: 22, withPad: " ", startingAt: 0) + value)
        }
        if let c = result.citizen {
            add("ID number", "Số định danh", c.personalNumber)
            add("Full name", "Họ và tên", c.fullName)
            add("Date of birth", "Ngày sinh", c.dateOfBirth?.isoText ?? c.strings(.dateOfBirth).first)
            add("Sex", "Giới tính", c.sex)
            add("Nationality", "Quốc tịch", c.nationality)
            add("Ethnicity", "Dân tộc", c.ethnicity)
            add("Religion", "Tôn giáo", c.religion)
            add("Place of origin", "Quê quán", c.placeOfOrigin)
            add("Place of residence", "Nơi thường trú", c.placeOfResidence)
            add("Identifying marks", "Đặc điểm nhận dạng", c.identifyingMarks)
            add("Date of issue", "Ngày cấp", c.dateOfIssue?.isoText)
            add("Date of expiry", "Có giá trị đến",
                c.dateOfExpiry?.isoText ?? c.strings(.dateOfExpiry).first)
            add("Father", "Cha", c.fatherName)
            add("Mother", "Mẹ", c.motherName)
            add("Spouse", "Vợ/chồng", c.spouseName)
            add("Old ID number", "Số CMND cũ", c.oldIdNumber)
        } else if let h = result.holder {
            add("Full name", "Họ và tên", h.fullName)
            add("Date of birth", "Ngày sinh", h.dateOfBirth)
            add("Sex", "Giới tính", h.sex)
            add("Nationality", "Quốc tịch", h.nationality)
        }
        if let d = result.document {
            add("Document", "Giấy tờ", "\(d.type) \(d.issuingState) \(d.number)")
            if result.citizen == nil { add("Date of expiry", "Có giá trị đến", d.dateOfExpiry) }
        }
        if let p = result.photo {
            add("Photo", "Ảnh", "\(p.format) \(p.width)×\(p.height), \(p.bytes) B, sha256 \(p.sha256.prefix(16))…")
        }
        add("Access", "Truy cập", result.access.protocol + (result.access.algorithm.map { " \($0)" } ?? ""))
        if let v = result.verification {
            let shown = v.passive.reasons.filter { $0.severity < .warning }.map { "\($0.code.rawValue): \($0.message)" }
            let reasons = shown.isEmpty ? "" : " (\(shown.joined(separator: "; ")))"
            add("Verification", "Xác thực", v.overall.rawValue + reasons)
        }
        let unreadable = result.files.filter { $0.value == .notAccessible }.keys.map(\.description).sorted()
        if !unreadable.isEmpty {
            add("Not accessible", "Không truy cập được", unreadable.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
