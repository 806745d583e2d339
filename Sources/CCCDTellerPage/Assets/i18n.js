// Texts of the teller page: [Vietnamese, English] for every entry (NFC UTF-8, with diacritics).
// The primary language is shown large, the other one small. No DOM here: tested with `node --test`.

export const TEXT = {
  "title": ["Đọc thẻ Căn cước", "ID card reader"],
  "subtitle": ["Đọc và xác thực chip thẻ CCCD", "Read and verify the CCCD chip"],
  "close": ["Đóng", "Close"],
  "conn.online": ["Đã kết nối", "Connected"],
  "conn.offline": ["Chưa kết nối", "Not connected"],
  "conn.reconnecting": ["Đang kết nối lại…", "Reconnecting…"],
  "token.change": ["Mã truy cập", "Token"],
  "token.heading": ["Mã truy cập dịch vụ", "Service access token"],
  "token.hint": ["Dán mã (token) của dịch vụ cccdd. Mã chỉ được giữ trong phiên trình duyệt này.",
    "Paste the cccdd token. It is kept for this browser session only."],
  "token.save": ["Lưu", "Save"],
  "readers.heading": ["Đầu đọc", "Readers"],
  "readers.none": ["Không tìm thấy đầu đọc nào. Hãy cắm đầu đọc thẻ.", "No reader found. Plug in a card reader."],
  "reader.card": ["Có thẻ", "Card"],
  "reader.empty": ["Chưa có thẻ", "No card"],
  "reader.busy": ["Đang đọc", "Busy"],
  "access.heading": ["Khóa truy cập chip", "Chip access key"],
  "access.can": ["Số CAN (6 chữ số)", "CAN (6 digits)"],
  "access.canHint": ["Là 6 số cuối của số định danh cá nhân in trên thẻ.", "The last 6 digits of the 12-digit ID number."],
  "access.fromId": ["Hoặc nhập số định danh (12 chữ số)", "Or enter the 12-digit ID number"],
  "access.advanced": ["Nâng cao: MRZ / ngày sinh, ngày hết hạn", "Advanced: MRZ / birth and expiry dates"],
  "access.mode": ["Dùng khóa", "Key to use"],
  "access.modeCan": ["CAN", "CAN"],
  "access.modeId": ["Số định danh + ngày sinh + ngày hết hạn", "ID + date of birth + expiry"],
  "access.modeMrz": ["MRZ: số thẻ + ngày sinh + ngày hết hạn", "MRZ: document no. + birth + expiry"],
  "access.docNumber": ["Số thẻ trong MRZ (9 ký tự)", "MRZ document number (9 characters)"],
  "access.dob": ["Ngày sinh", "Date of birth"],
  "access.expiry": ["Ngày hết hạn", "Date of expiry"],
  "access.noExpiry": ["Không thời hạn", "No expiry"],
  "action.read": ["Đọc thẻ", "Read card"],
  "action.cancel": ["Hủy", "Cancel"],
  "action.clear": ["Xóa dữ liệu", "Clear"],
  "placeholder.heading": ["Đặt thẻ lên đầu đọc", "Place the card on the reader"],
  "placeholder.hint": ["Nhập số CAN rồi bấm “Đọc thẻ”. Dữ liệu chỉ hiển thị tạm thời và tự xóa khi rút thẻ.",
    "Enter the CAN and press “Read card”. Data is shown briefly and wiped when the card is removed."],
  "verdict.overall": ["Kết quả xác thực", "Verification"],
  "field.fullName": ["Họ và tên", "Full name"],
  "photo.caption": ["Ảnh trong chip", "Chip photo"],
  "photo.alt": ["Ảnh chân dung lưu trong chip", "Portrait stored in the chip"],
  "checks.heading": ["Chi tiết xác thực chip", "Chip checks"],
  "face.heading": ["So khớp khuôn mặt", "Face match"],
  "face.hint": ["Chụp ảnh người đang đứng trước quầy hoặc tải ảnh lên để so với ảnh trong chip.",
    "Take a photo of the person at the counter, or upload one, to compare with the chip photo."],
  "face.camera": ["Bật camera", "Start camera"],
  "face.cameraOff": ["Tắt camera", "Stop camera"],
  "face.capture": ["Chụp và so khớp", "Capture and compare"],
  "face.upload": ["Tải ảnh lên", "Upload photo"],
  "face.comparing": ["Đang so khớp…", "Comparing…"],
  "face.match": ["Trùng khớp", "Match"],
  "face.noMatch": ["Không trùng khớp", "No match"],
  "face.numbers": ["Độ tương đồng {similarity} · ngưỡng {threshold}", "Similarity {similarity} · threshold {threshold}"],
  "face.noCamera": ["Trình duyệt không cho dùng camera ở đây; hãy tải ảnh lên.", "No camera available here; upload a photo instead."],
  "footer.privacy": ["Dữ liệu không được lưu trên trang này; rút thẻ, bấm “Xóa dữ liệu” hoặc hết thời gian sẽ xóa dữ liệu.",
    "Nothing is stored by this page; removing the card, “Clear” or the time limit wipes the data."],
  "expires.in": ["Tự xóa sau {time}", "Wiped in {time}"],
  "wiped.removed": ["Thẻ đã được rút — dữ liệu đã xóa khỏi màn hình.", "Card removed — the data was wiped from the screen."],
  "wiped.expired": ["Hết thời gian hiển thị — dữ liệu đã xóa.", "Display time is over — the data was wiped."],
  "wiped.cleared": ["Đã xóa dữ liệu.", "Data cleared."],
  "progress.waiting": ["Đang chờ thẻ…", "Waiting for the card…"],
  "progress.starting": ["Đang bắt đầu…", "Starting…"],
  "progress.connected": ["Đã kết nối với thẻ", "Connected to the card"],
  "progress.authenticating": ["Đang mở khóa chip…", "Unlocking the chip…"],
  "progress.authenticated": ["Đã mở khóa chip", "Chip unlocked"],
  "progress.file": ["Đang đọc {file} — {read} / {total}", "Reading {file} — {read} / {total}"],
  "progress.verifying": ["Đang xác thực…", "Verifying…"],
  "progress.recovering": ["Mất kết nối với thẻ, đang thử lại…", "Connection to the card lost, retrying…"],
  "progress.finished": ["Đọc xong", "Read finished"],
  "progress.cancelled": ["Đã hủy đọc thẻ", "Read cancelled"],
  "progress.failed": ["Đọc thẻ không thành công", "The read failed"],
  "error.title": ["Lỗi:", "Error:"],
  "error.canFormat": ["Số CAN phải gồm đúng 6 chữ số.", "The CAN must be exactly 6 digits."],
  "error.idFormat": ["Số định danh phải gồm đúng 12 chữ số.", "The ID number must be exactly 12 digits."],
  "error.datesMissing": ["Hãy nhập ngày sinh và ngày hết hạn.", "Enter the date of birth and the expiry date."],
  "error.docNumber": ["Số thẻ trong MRZ phải gồm 9 ký tự.", "The MRZ document number must be 9 characters."],
  "error.noReader": ["Hãy chọn một đầu đọc.", "Choose a reader."],
  "error.network": ["Không kết nối được dịch vụ cccdd.", "Cannot reach the cccdd service."],
  "face.burst": ["Đang chụp {frame}/{frames}…", "Capturing {frame}/{frames}…"],
  "face.retake": ["Chụp lại", "Retake"],
  "face.frames": ["{frames} khung hình", "{frames} frames"],
  "face.liveness": ["Kiểm tra người thật", "Liveness check"],
  "error.photo": ["Không tải được ảnh trong chip.", "The chip photo could not be loaded."],
  "autoread.heading": ["Yêu cầu đọc thẻ tự động", "Automatic read requested"],
  "autoread.hint": ["Một liên kết vừa yêu cầu trang này tự đọc thẻ. Chỉ bắt đầu nếu chính bạn hoặc máy quầy đã yêu cầu.",
    "A link asked this page to start a read by itself. Start only if you or the counter's launcher asked for it."],
  "autoread.start": ["Bắt đầu đọc", "Start the read"],
  "autoread.dismiss": ["Bỏ qua", "Dismiss"],
};

// Human messages for the API's stable error codes.
export const ERRORS = {
  unauthorized: ["Mã truy cập không đúng hoặc chưa nhập.", "The access token is missing or wrong."],
  forbidden_origin: ["Trang này không được phép gọi dịch vụ.", "This page's origin is not allowed by the service."],
  forbidden_host: ["Địa chỉ truy cập không được phép.", "This host name is not allowed by the service."],
  not_found: ["Không tìm thấy.", "Not found."],
  reader_not_found: ["Không tìm thấy đầu đọc đã chọn.", "The chosen reader was not found."],
  read_not_found: ["Dữ liệu lần đọc đã hết hạn hoặc đã bị xóa.", "The read has expired or was wiped."],
  session_not_found: ["Phiên đọc không còn tồn tại.", "The read session no longer exists."],
  reader_busy: ["Đầu đọc đang bận với một lần đọc khác.", "The reader is busy with another read."],
  no_reader: ["Chưa cắm đầu đọc thẻ.", "No card reader is connected."],
  no_card: ["Chưa có thẻ trên đầu đọc — hãy đặt thẻ lên.", "No card on the reader — place the card on it."],
  invalid_request: ["Yêu cầu không hợp lệ — kiểm tra khóa truy cập.", "Invalid request — check the access key."],
  payload_too_large: ["Ảnh quá lớn.", "The image is too large."],
  unreadable_card: ["Không đọc được thẻ — giữ yên thẻ trên đầu đọc và thử lại.",
    "The card could not be read — keep it still on the reader and try again."],
  wrong_access_key: ["Sai khóa truy cập — CAN là 6 số cuối của số định danh.",
    "Wrong access key — the CAN is the last 6 digits of the ID number."],
  face_error: ["Không so khớp được — ảnh cần rõ một khuôn mặt, đủ sáng.",
    "Could not compare — the image needs one clear, well-lit face."],
  unsupported_media_type: ["Định dạng ảnh không được hỗ trợ (chỉ JPEG hoặc PNG).", "Unsupported image format (JPEG or PNG only)."],
  cancelled: ["Đã hủy đọc thẻ.", "The read was cancelled."],
  timeout: ["Hết thời gian chờ thẻ.", "Timed out waiting for the card."],
  internal: ["Lỗi nội bộ của dịch vụ.", "Internal error in the service."],
};

// Plain words for the verdicts (docs/interfaces.md: verification statuses).
export const OVERALL = {
  valid: [["Hợp lệ", "Genuine"], ["Thẻ thật, dữ liệu nguyên vẹn, do cơ quan cấp thẻ ký.", "Authentic chip; data intact and signed by the issuer."]],
  invalid: [["Không hợp lệ", "Failed — possible clone or tampering"],
    ["Một bước kiểm tra thất bại: có thể thẻ bị nhân bản hoặc dữ liệu bị sửa đổi.", "A check failed: the card may be a clone or its data altered."]],
  untrusted: [["Chưa xác minh được nguồn cấp", "Untrusted"],
    ["Chữ ký đúng, nhưng chứng thư gốc (CSCA) của cơ quan cấp không có trong kho tin cậy.",
      "The signature is consistent, but the issuer's root certificate (CSCA) is not in the trust store."]],
  incomplete: [["Chưa đủ để kết luận", "Incomplete"],
    ["Thiếu dữ liệu để hoàn tất kiểm tra; không dùng kết quả này để xác nhận.", "Some data was missing; do not rely on this result."]],
  // A genuine card past its date of expiry: never worded like a clone.
  expired: [["Hết hạn", "Expired"],
    ["Thẻ thật, dữ liệu nguyên vẹn, nhưng đã hết hạn sử dụng — đề nghị công dân làm thủ tục cấp đổi.",
      "Genuine card with intact data, but past its date of expiry — ask the holder to renew it."]],
};

export const CHECK_NAMES = {
  passive: ["Xác thực thụ động", "Passive authentication"],
  active: ["Xác thực chủ động (chống nhân bản)", "Active authentication (anti-clone)"],
  chip: ["Xác thực chip", "Chip authentication"],
};

export const STATUS_WORDS = {
  "valid": ["Hợp lệ", "Valid"],
  "invalid": ["Không hợp lệ", "Failed"],
  "untrusted": ["Chưa tin cậy", "Untrusted"],
  "incomplete": ["Chưa đầy đủ", "Incomplete"],
  "expired": ["Hết hạn", "Expired"],
  "not-supported": ["Thẻ không hỗ trợ", "Not supported"],
  "not-performed": ["Không thực hiện", "Not performed"],
};

export const CHECK_EXPLAIN = {
  passive: {
    valid: ["Chữ ký số của cơ quan cấp thẻ hợp lệ; dữ liệu không bị sửa đổi.", "The issuer's digital signature is valid; the data was not altered."],
    invalid: ["Dữ liệu hoặc chữ ký không khớp — có thể thẻ bị làm giả hoặc sửa đổi.", "Data or signature mismatch — possible forgery or tampering."],
    untrusted: ["Chữ ký khớp nhưng chứng thư gốc (CSCA) không nằm trong kho tin cậy.", "The signature matches, but the root certificate (CSCA) is not trusted here."],
    incomplete: ["Không đủ dữ liệu để kiểm tra chữ ký.", "Not enough data to check the signature."],
    expired: ["Chữ ký hợp lệ nhưng thẻ hoặc chứng thư ký đã hết hạn.", "The signature is valid, but the card or its signing certificate has expired."],
  },
  active: {
    valid: ["Chip chứng minh được khóa bí mật của nó — không phải bản sao.", "The chip proved it holds its private key — not a copy."],
    invalid: ["Chip không chứng minh được khóa — có thể là thẻ nhân bản.", "The chip failed to prove its key — possible clone."],
    "not-supported": ["Thẻ này không hỗ trợ kiểm tra này.", "This card does not offer this check."],
    "not-performed": ["Không thực hiện trong lần đọc này.", "Not performed in this read."],
  },
  chip: {
    valid: ["Chip chứng minh được khóa bí mật và mở kênh bảo mật mới — không phải bản sao.",
      "The chip proved its private key and set up a fresh secure channel — not a copy."],
    invalid: ["Chip không chứng minh được khóa — có thể là thẻ nhân bản.", "The chip failed to prove its key — possible clone."],
    "not-supported": ["Thẻ này không hỗ trợ kiểm tra này.", "This card does not offer this check."],
    "not-performed": ["Không thực hiện trong lần đọc này.", "Not performed in this read."],
  },
};

// DG13 fields in the order printed on the card. `wide` fields take the whole row.
export const FIELDS = [
  { key: "dateOfBirth", index: "3", label: ["Ngày sinh", "Date of birth"], date: true },
  { key: "sex", index: "4", label: ["Giới tính", "Sex"] },
  { key: "nationality", index: "5", label: ["Quốc tịch", "Nationality"] },
  { key: "ethnicity", index: "6", label: ["Dân tộc", "Ethnicity"] },
  { key: "religion", index: "7", label: ["Tôn giáo", "Religion"] },
  { key: "oldIdNumber", index: "15", label: ["Số CMND cũ", "Old ID number"] },
  { key: "placeOfOrigin", index: "8", label: ["Quê quán", "Place of origin"], wide: true },
  { key: "placeOfResidence", index: "9", label: ["Nơi thường trú", "Place of residence"], wide: true },
  { key: "identifyingMarks", index: "10", label: ["Đặc điểm nhận dạng", "Identifying marks"], wide: true },
  { key: "dateOfIssue", index: "11", label: ["Ngày cấp", "Date of issue"], date: true },
  { key: "dateOfExpiry", index: "12", label: ["Có giá trị đến", "Valid until"], date: true },
  { key: "fatherName", label: ["Họ tên cha", "Father"] },
  { key: "motherName", label: ["Họ tên mẹ", "Mother"] },
  { key: "spouseName", index: "14", label: ["Họ tên vợ/chồng", "Spouse"] },
];

// `face.liveness.status` of the face comparison (docs/interfaces.md, issue 16). Advisory: it never
// changes the match decision, and an unknown status is shown as it came.
export const LIVENESS = {
  "live": ["Người thật (tham khảo)", "Live person (advisory)"],
  "attack-suspected": ["Nghi ngờ giả mạo khuôn mặt", "Possible presentation attack — ask the customer to look at the camera"],
  "insufficient-quality": ["Ảnh chưa đủ rõ để kiểm tra người thật — hãy chụp lại (nhìn thẳng, đủ sáng).",
    "Image not good enough for the liveness check — please retake (face the camera, good light)."],
  "not-available": ["Không có kiểm tra người thật trên máy chủ này.", "No liveness check on this server."],
};

export const LANGUAGES = ["vi", "en"];

/** `template` with each `{name}` replaced by `vars[name]` (empty when missing). */
export function fill(template, vars) {
  return template.replace(/\{(\w+)\}/g, (_, k) => (vars && k in vars ? String(vars[k]) : ""));
}

/** [primary, secondary] of a bilingual `entry` for the language `lang` ("vi" or "en"). */
export function pair(entry, lang, vars) {
  const [vi, en] = entry.map((s) => fill(s, vars));
  return lang === "en" ? [en, vi] : [vi, en];
}

/** The text of `TEXT[key]` in `lang`; the key itself when it has no entry. */
export function text(key, lang, vars) {
  const entry = TEXT[key];
  return entry ? pair(entry, lang, vars)[0] : key;
}

/** Every bilingual table of the page, by name (for the tests and the language switch). */
export const TABLES = { TEXT, ERRORS, OVERALL, CHECK_NAMES, STATUS_WORDS, CHECK_EXPLAIN, LIVENESS, FIELDS };
