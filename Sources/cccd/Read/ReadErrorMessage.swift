import CCCDKit

/// What to tell the user when a read fails: what happened and what to do, in their language.
enum ReadErrorMessage {
    static func text(for error: CardReadError, access: AccessInput, language l: Language) -> String {
        switch error {
        case .invalidAccessInput(let why):
            return l.text("invalid access key input (\(why)).", "dữ liệu khóa truy cập không hợp lệ (\(why)).")
        case .serviceUnavailable:
            return l.text(
                "the smart-card service (pcscd) is not running: start it with `systemctl start pcscd`.",
                "dịch vụ thẻ thông minh (pcscd) chưa chạy: hãy khởi động bằng `systemctl start pcscd`.")
        case .noReader(let name?):
            return l.text(
                "no reader named \"\(name)\": list the readers with `cccd readers` and pass --reader NAME or INDEX.",
                "không có đầu đọc tên \"\(name)\": xem danh sách bằng `cccd readers` rồi dùng --reader TÊN hoặc SỐ.")
        case .noReader(nil):
            return l.text(
                "no card reader is attached: plug in a reader and check `cccd readers`.",
                "chưa có đầu đọc thẻ nào: hãy cắm đầu đọc và kiểm tra bằng `cccd readers`.")
        case .noCard:
            return l.text(
                "no card was presented: place the card on the reader and keep it still, or raise --timeout.",
                "không thấy thẻ: hãy đặt thẻ lên đầu đọc và giữ yên, hoặc tăng --timeout.")
        case .wrongAccessKey(let left):
            let tries = left.map { l.text(" (\($0) tries left)", " (còn \($0) lần thử)") } ?? ""
            switch access {
            case .can:
                return l.text(
                    "wrong access key\(tries): for a CCCD use the last 6 digits of the 12-digit ID as CAN.",
                    "sai khóa truy cập\(tries): với CCCD hãy dùng 6 số cuối của số định danh 12 số làm CAN.")
            case .vietnameseID:
                return l.text(
                    "wrong access key\(tries): check the 12-digit ID, the date of birth and the expiry date "
                        + "printed on the card (use --expiry none only for cards marked \"Không thời hạn\"), "
                        + "or use --can with the last 6 digits of the ID.",
                    "sai khóa truy cập\(tries): hãy kiểm tra số định danh 12 số, ngày sinh và ngày hết hạn in trên thẻ "
                        + "(chỉ dùng --expiry none cho thẻ ghi \"Không thời hạn\"), hoặc dùng --can với 6 số cuối của số định danh.")
            default:
                return l.text(
                    "wrong access key\(tries): check the document number (on a CCCD the last 9 digits of the ID), "
                        + "the birth date and the expiry date (YYMMDD) from the MRZ.",
                    "sai khóa truy cập\(tries): hãy kiểm tra số giấy tờ (với CCCD là 9 số cuối của số định danh), "
                        + "ngày sinh và ngày hết hạn (YYMMDD) trong vùng MRZ.")
            }
        case .accessControlFailed(let why):
            return l.text(
                "access control failed (\(why)): try again; if it persists, try --mrz or --id instead of --can.",
                "xác thực truy cập thất bại (\(why)): hãy thử lại; nếu vẫn lỗi, dùng --mrz hoặc --id thay cho --can.")
        case .cardInUse:
            return l.text(
                "the card is in use by another program: close it and try again.",
                "thẻ đang được chương trình khác sử dụng: hãy đóng chương trình đó rồi thử lại.")
        case .connectionLost(let why):
            return lost(why.message, l)
        case .fileRead(.connectionLost(_, _, _, let why)):
            return lost(why, l)
        case .fileRead(let error):
            return l.text(
                "the card could not be read (\(error)): try again; the card may be damaged.",
                "không đọc được thẻ (\(error)): hãy thử lại; thẻ có thể bị hỏng.")
        case .malformedFile(let file, let why):
            return l.text(
                "\(file) on the card is malformed (\(why)): the card may be damaged or not genuine.",
                "\(file) trên thẻ không đúng định dạng (\(why)): thẻ có thể bị hỏng hoặc không chính hãng.")
        case .cancelled:
            return l.text("cancelled.", "đã hủy.")
        }
    }

    private static func lost(_ why: String, _ l: Language) -> String {
        l.text(
            "the card was lost during the read (\(why)): keep the card still on the reader and try again.",
            "mất kết nối với thẻ khi đang đọc (\(why)): hãy giữ yên thẻ trên đầu đọc và thử lại.")
    }
}
