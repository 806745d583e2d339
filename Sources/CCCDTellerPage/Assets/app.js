// Teller / kiosk page of cccdd. Plain JavaScript, no framework, no build step.
// It uses the daemon's public API with the bearer token, exactly as any integrator would.
// Personal data lives only in the DOM while shown; it is never written to storage or logs.
"use strict";

(() => {
  // ---------------------------------------------------------------------------------------------
  // Texts: [Vietnamese, English]. The primary language is shown large, the other one small.

  const TEXT = {
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
    "error.photo": ["Không tải được ảnh trong chip.", "The chip photo could not be loaded."],
  };

  // Human messages for the API's stable error codes.
  const ERRORS = {
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
  const OVERALL = {
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

  const CHECK_NAMES = {
    passive: ["Xác thực thụ động", "Passive authentication"],
    active: ["Xác thực chủ động (chống nhân bản)", "Active authentication (anti-clone)"],
    chip: ["Xác thực chip", "Chip authentication"],
  };

  const STATUS_WORDS = {
    "valid": ["Hợp lệ", "Valid"],
    "invalid": ["Không hợp lệ", "Failed"],
    "untrusted": ["Chưa tin cậy", "Untrusted"],
    "incomplete": ["Chưa đầy đủ", "Incomplete"],
    "expired": ["Hết hạn", "Expired"],
    "not-supported": ["Thẻ không hỗ trợ", "Not supported"],
    "not-performed": ["Không thực hiện", "Not performed"],
  };

  const CHECK_EXPLAIN = {
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
  const FIELDS = [
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

  const TOKEN_KEY = "cccdd.token";
  const LANG_KEY = "cccdd.lang";

  // ---------------------------------------------------------------------------------------------
  // State

  const state = {
    lang: "vi",
    token: null,
    readers: [],
    selectedReader: null,     // reader name
    session: null,            // { id, reader, files: Map, step, controller, cancelled }
    read: null,               // { readId, reader, expiresAt }
    photoURL: null,
    faceURL: null,
    expiryTimer: null,
    camera: null,
    eventsController: null,
    autoread: null,           // { can, reader } from the URL fragment
  };

  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------------------------------------
  // Language

  function pair(entry, vars) {
    const fill = (s) => s.replace(/\{(\w+)\}/g, (_, k) => (vars && k in vars ? String(vars[k]) : ""));
    const [vi, en] = entry.map(fill);
    return state.lang === "vi" ? [vi, en] : [en, vi];
  }

  /** Writes a bilingual text into `el`: primary language, then the other one in small type. */
  function put(el, entry, vars, { mono = false } = {}) {
    const [primary, secondary] = pair(entry, vars);
    el.replaceChildren(document.createTextNode(primary));
    if (!mono && secondary && secondary !== primary) {
      const small = document.createElement("span");
      small.className = "secondary-lang";
      small.lang = state.lang === "vi" ? "en" : "vi";
      small.textContent = secondary;
      el.append(small);
    }
  }

  function text(key, vars) { return pair(TEXT[key], vars)[0]; }

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    for (const el of document.querySelectorAll("[data-i18n]")) {
      const entry = TEXT[el.dataset.i18n];
      if (!entry) continue;
      const mono = el.hasAttribute("data-i18n-mono") || el.tagName === "BUTTON" || el.closest(".btn") !== null || el.tagName === "OPTION";
      put(el, entry, null, { mono });
    }
    $("lang-button").textContent = state.lang === "vi" ? "EN" : "VI";
    document.title = `${text("title")} · cccdd`;
    renderReaders();
    if (state.lastResult) renderResult(state.lastResult);
    if (state.lastFace) renderFace(state.lastFace);
    if (state.progressLabel) setProgress(state.progressValue, state.progressLabel.key, state.progressLabel.vars);
    if (state.lastError) showError(state.lastError.code, state.lastError.entry);
    updateConnection(state.connection || "offline");
  }

  // ---------------------------------------------------------------------------------------------
  // API

  class APIError extends Error {
    constructor(status, code, message) {
      super(message || code);
      this.status = status;
      this.code = code;
    }
  }

  async function api(method, path, { body, headers = {}, signal } = {}) {
    const init = { method, headers: { ...headers }, cache: "no-store", signal, credentials: "omit" };
    if (state.token) init.headers["Authorization"] = `Bearer ${state.token}`;
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (error) {
      if (error.name === "AbortError") throw error;
      throw new APIError(0, "network", String(error));
    }
    if (!response.ok) {
      let code = "internal";
      let message = `HTTP ${response.status}`;
      try {
        const payload = await response.json();
        if (payload && payload.error) {
          code = payload.error.code || code;
          message = payload.error.message || message;
        }
      } catch (_) { /* not JSON */ }
      if (response.status === 401) askForToken();
      throw new APIError(response.status, code, message);
    }
    return response;
  }

  async function apiJSON(method, path, options) {
    const response = await api(method, path, options);
    if (response.status === 204) return null;
    return response.json();
  }

  // ---------------------------------------------------------------------------------------------
  // Errors and notices

  function showError(code, entry) {
    state.lastError = { code, entry };
    const message = entry || ERRORS[code] || (code === "network" ? TEXT["error.network"] : null);
    put($("error-title"), TEXT["error.title"], null, { mono: true });
    if (message) {
      put($("error-text"), message);
    } else {
      $("error-text").textContent = code;
    }
    $("error-code").textContent = code && !entry ? code : "";
    $("error").hidden = false;
  }

  function showAPIError(error) {
    if (error && error.name === "AbortError") return;
    if (error instanceof APIError) {
      showError(error.code, ERRORS[error.code] ? null : [error.message, error.message]);
      $("error-code").textContent = error.code;
    } else {
      showError("internal", [String(error), String(error)]);
    }
  }

  function clearError() {
    state.lastError = null;
    $("error").hidden = true;
  }

  // ---------------------------------------------------------------------------------------------
  // Token

  function askForToken() {
    $("token-panel").hidden = false;
    $("token-input").focus();
  }

  function saveToken(token) {
    state.token = token.trim() || null;
    if (state.token) {
      sessionStorage.setItem(TOKEN_KEY, state.token);
      $("token-panel").hidden = true;
      clearError();
      restartEvents();
      refreshReaders();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Readers

  function readerName(value) {
    if (value === null || value === undefined) return null;
    if (typeof value === "object") return value.name ?? readerName(value.index);
    if (typeof value === "number") return state.readers.find((r) => r.index === value)?.name ?? String(value);
    return String(value);
  }

  let refreshPending = null;
  function refreshReaders() {
    if (refreshPending) return refreshPending;
    refreshPending = (async () => {
      try {
        const payload = await apiJSON("GET", "/v1/readers");
        state.readers = Array.isArray(payload?.readers) ? payload.readers : [];
        if (!state.readers.some((r) => r.name === state.selectedReader)) {
          const preferred = state.readers.find((r) => r.cardPresent) || state.readers[0];
          state.selectedReader = preferred ? preferred.name : null;
        }
        renderReaders();
        maybeAutoread();
      } catch (error) {
        if (!(error instanceof APIError && error.status === 401)) showAPIError(error);
      } finally {
        refreshPending = null;
      }
    })();
    return refreshPending;
  }

  function renderReaders() {
    const box = $("readers");
    box.replaceChildren();
    for (const reader of state.readers) {
      const label = document.createElement("label");
      label.className = "reader";
      const input = document.createElement("input");
      input.type = "radio";
      input.name = "reader";
      input.value = reader.name;
      input.checked = reader.name === state.selectedReader;
      input.addEventListener("change", () => { state.selectedReader = reader.name; });
      const name = document.createElement("span");
      name.className = "reader-name";
      name.textContent = reader.name;
      const status = document.createElement("span");
      status.className = "reader-state";
      const key = reader.busy ? "busy" : reader.cardPresent ? "card" : "empty";
      status.dataset.state = key;
      put(status, TEXT[`reader.${key}`], null, { mono: true });
      label.append(input, name, status);
      box.append(label);
    }
    $("readers-empty").hidden = state.readers.length > 0;
  }

  function selectedReaderIndex() {
    const reader = state.readers.find((r) => r.name === state.selectedReader);
    return reader ? reader.index : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Event stream: fetch() + ReadableStream so that the Authorization header can be sent.

  function updateConnection(kind) {
    state.connection = kind;
    const pill = $("connection");
    pill.dataset.state = kind;
    put($("connection-text"), TEXT[`conn.${kind}`], null, { mono: true });
  }

  function restartEvents() {
    if (state.eventsController) state.eventsController.abort();
    const controller = new AbortController();
    state.eventsController = controller;
    runEvents(controller.signal);
  }

  async function runEvents(signal) {
    let delay = 1000;
    while (!signal.aborted) {
      try {
        const response = await api("GET", "/v1/events", { headers: { Accept: "text/event-stream" }, signal });
        if (!response.body) throw new Error("no body");
        updateConnection("online");
        delay = 1000;
        refreshReaders();
        await consumeEventStream(response.body, signal, handleEvent);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof APIError && error.status === 401) {
          updateConnection("offline");
          return; // the token panel is open; saving a token restarts the stream
        }
      }
      if (signal.aborted) return;
      updateConnection("reconnecting");
      await sleep(delay + Math.random() * 250, signal);
      delay = Math.min(delay * 2, 30000);
    }
  }

  /** Parses text/event-stream (WHATWG HTML, "Server-sent events") and calls `onEvent(type, data)`. */
  async function consumeEventStream(body, signal, onEvent) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const abort = () => reader.cancel().catch(() => {});
    signal.addEventListener("abort", abort, { once: true });
    let buffer = "";
    let type = "";
    let data = [];
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        // Keep a trailing CR: its LF may come with the next chunk.
        let cut = buffer.endsWith("\r") ? buffer.length - 1 : buffer.length;
        const complete = buffer.slice(0, cut);
        const lines = complete.split(/\r\n|\r|\n/);
        buffer = lines.pop() + buffer.slice(cut);
        for (const line of lines) {
          if (line === "") {
            if (data.length) onEvent(type || "message", data.join("\n"));
            type = "";
            data = [];
            continue;
          }
          if (line.startsWith(":")) continue;
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          let content = colon < 0 ? "" : line.slice(colon + 1);
          if (content.startsWith(" ")) content = content.slice(1);
          if (field === "event") type = content;
          else if (field === "data") data.push(content);
        }
      }
    } finally {
      signal.removeEventListener("abort", abort);
    }
  }

  function handleEvent(type, raw) {
    let event;
    try { event = JSON.parse(raw); } catch (_) { return; }
    const reader = readerName(event.reader);
    switch (type) {
      case "reader-attached":
      case "reader-detached":
      case "card-inserted":
        refreshReaders();
        break;
      case "card-removed":
        refreshReaders();
        if (state.read && reader !== null && reader === state.read.reader) wipe("removed");
        break;
      case "read-started":
        if (state.session && event.sessionId === state.session.id) setProgress(3, "progress.starting");
        refreshReaders();
        break;
      case "read-progress":
        if (state.session && event.sessionId === state.session.id) onProgress(event);
        break;
      case "read-finished":
      case "read-failed":
        refreshReaders();
        break;
      default:
        break;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Progress

  const EXPECTED_FILES = 7; // EF.COM, EF.SOD, DG1, DG2, DG13, DG14, DG15

  function setProgress(value, key, vars) {
    state.progressValue = value;
    state.progressLabel = { key, vars };
    $("progress").hidden = false;
    $("progress-fill").style.width = `${Math.max(0, Math.min(100, value))}%`;
    $("progress").querySelector("[role=progressbar]").setAttribute("aria-valuenow", String(Math.round(value)));
    put($("progress-text"), TEXT[key], vars, { mono: true });
  }

  function kilobytes(n) {
    return `${(n / 1024).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 })} kB`;
  }

  function onProgress(event) {
    const session = state.session;
    const step = String(event.step || "");
    if (event.file) {
      const read = Number(event.bytesRead) || 0;
      const total = Number(event.totalBytes) || 0;
      session.files.set(event.file, total > 0 ? Math.min(1, read / total) : 0);
      let done = 0;
      for (const fraction of session.files.values()) done += fraction;
      const fraction = done / Math.max(EXPECTED_FILES, session.files.size);
      session.value = Math.max(session.value, 15 + 80 * fraction);
      setProgress(session.value, "progress.file", { file: event.file, read: kilobytes(read), total: total ? kilobytes(total) : "?" });
      return;
    }
    const steps = {
      "waiting-for-card": [2, "progress.waiting"], "waitingForCard": [2, "progress.waiting"],
      "connected": [6, "progress.connected"],
      "authenticating": [9, "progress.authenticating"],
      "authenticated": [15, "progress.authenticated"],
      "recovering": [session.value, "progress.recovering"],
      "verifying": [96, "progress.verifying"],
      "finished": [97, "progress.verifying"],
    };
    const [value, key] = steps[step] || [session.value, "progress.starting"];
    session.value = Math.max(session.value, value);
    setProgress(session.value, key);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  function newSessionID() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function yymmdd(isoDate) { return isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10); }

  /** The `access` object of the read request, or throws a TEXT key when the form is incomplete. */
  function accessFromForm() {
    const mode = document.querySelector("input[name=mode]:checked")?.value || "can";
    const idNumber = $("id-number").value.replace(/\s/g, "");
    const dob = $("dob").value;
    const expiry = $("no-expiry").checked ? "none" : $("expiry").value;
    if (mode === "id") {
      if (!/^\d{12}$/.test(idNumber)) throw fieldError("id-number", "error.idFormat");
      if (!dob || !expiry) throw fieldError("dob", "error.datesMissing");
      return { id: idNumber, dob, expiry };
    }
    if (mode === "mrz") {
      const doc = $("doc-number").value.replace(/\s/g, "").toUpperCase();
      if (!/^[A-Z0-9<]{9}$/.test(doc)) throw fieldError("doc-number", "error.docNumber");
      if (!dob || !$("expiry").value) throw fieldError("dob", "error.datesMissing");
      return { mrz: `${doc},${yymmdd(dob)},${yymmdd($("expiry").value)}` };
    }
    let can = $("can").value.replace(/\s/g, "");
    if (!can && /^\d{12}$/.test(idNumber)) can = idNumber.slice(6);
    if (!/^\d{6}$/.test(can)) throw fieldError("can", "error.canFormat");
    return { can };
  }

  function fieldError(id, key) {
    const input = $(id);
    input.setAttribute("aria-invalid", "true");
    input.focus();
    return { textKey: key };
  }

  async function startRead() {
    if (state.session) return;
    clearError();
    for (const input of document.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
    let access;
    try {
      access = accessFromForm();
    } catch (problem) {
      showError(null, TEXT[problem.textKey]);
      return;
    }
    const index = selectedReaderIndex();
    if (index === null) {
      showError(null, TEXT["error.noReader"]);
      return;
    }
    if (state.read) await clearRead({ quiet: true });

    const session = { id: newSessionID(), reader: state.selectedReader, files: new Map(), value: 0, controller: new AbortController() };
    state.session = session;
    document.body.dataset.state = "reading";
    $("read-button").disabled = true;
    $("cancel-button").hidden = false;
    setProgress(1, "progress.starting");
    try {
      const result = await apiJSON("POST", `/v1/readers/${encodeURIComponent(index)}/read`, {
        body: {
          access,
          options: { photo: true, activeAuthentication: true, chipAuthentication: true, timeoutSeconds: 20 },
          sessionId: session.id,
        },
        headers: { "X-Session-Id": session.id },
        signal: session.controller.signal,
      });
      setProgress(100, "progress.finished");
      await showRead(result, session.reader);
      document.body.dataset.state = "done";
    } catch (error) {
      if (session.cancelled) {
        setProgress(0, "progress.cancelled");
        document.body.dataset.state = "idle";
      } else {
        setProgress(0, "progress.failed");
        showAPIError(error);
        document.body.dataset.state = "error";
      }
    } finally {
      state.session = null;
      $("read-button").disabled = false;
      $("cancel-button").hidden = true;
      refreshReaders();
    }
  }

  async function cancelRead() {
    const session = state.session;
    if (!session) return;
    session.cancelled = true;
    try {
      await apiJSON("POST", `/v1/sessions/${encodeURIComponent(session.id)}/cancel`);
    } catch (_) {
      // The daemon may not know the session yet (or any more): stop waiting on our side.
      session.controller.abort();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Result

  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
  }

  async function showRead(result, fallbackReader) {
    state.read = {
      readId: result.readId,
      reader: readerName(result.reader) ?? fallbackReader,
      expiresAt: result.expiresAt ? Date.parse(result.expiresAt) : NaN,
    };
    state.lastResult = result;
    document.body.dataset.readId = result.readId || ""; // not personal data; for kiosk automation
    renderResult(result);
    startExpiryTimer();
    if (result.photo && result.readId) await loadPhoto(result.readId);
  }

  function renderResult(result) {
    $("placeholder").hidden = true;
    $("result-body").hidden = false;

    const verification = result.verification || {};
    const overall = verification.overall || "incomplete";
    const banner = $("overall");
    banner.dataset.status = overall;
    const words = OVERALL[overall] || [[overall, overall], ["", ""]];
    put($("overall-text"), words[0]);
    put($("overall-detail"), words[1], null, { mono: true });

    const citizen = result.citizen || null;
    const holder = result.holder || {};
    const documentBlock = result.document || {};
    const fullName = citizen?.fullName || holder.fullName || "";
    $("full-name").textContent = fullName;
    $("full-name").dataset.field = "fullName";
    $("id-number-shown").textContent = citizen?.personalNumber || documentBlock.personalNumber || documentBlock.number || "";

    const list = $("fields");
    list.replaceChildren();
    const source = citizen || {
      dateOfBirth: holder.dateOfBirth, sex: holder.sex, nationality: holder.nationality, dateOfExpiry: documentBlock.dateOfExpiry,
    };
    for (const field of FIELDS) {
      let value = source[field.key];
      if ((value === null || value === undefined || value === "") && field.index && citizen?.fields?.[field.index]) {
        value = citizen.fields[field.index].filter((s) => s).join(", "); // e.g. "Không thời hạn"
      }
      if ((value === null || value === undefined || value === "") && !citizen) continue;
      if (field.date && value) value = formatDate(value);
      const row = document.createElement("div");
      if (field.wide) row.className = "wide";
      const dt = document.createElement("dt");
      put(dt, field.label);
      const dd = document.createElement("dd");
      dd.dataset.field = field.key;
      if (value) {
        dd.textContent = value;
      } else {
        dd.textContent = "—";
        dd.className = "empty";
      }
      row.append(dt, dd);
      list.append(row);
    }

    const checks = $("checks");
    checks.replaceChildren();
    for (const name of ["passive", "active", "chip"]) {
      const check = verification[name];
      if (!check) continue;
      const item = document.createElement("li");
      item.className = "check";
      item.dataset.check = name;
      const title = document.createElement("span");
      title.className = "check-name";
      put(title, CHECK_NAMES[name]);
      const badge = document.createElement("span");
      badge.className = "badge";
      badge.dataset.status = check.status;
      put(badge, STATUS_WORDS[check.status] || [check.status, check.status]);
      const explain = document.createElement("span");
      explain.className = "check-explain";
      const entry = CHECK_EXPLAIN[name][check.status];
      if (entry) put(explain, entry, null, { mono: true });
      if (Array.isArray(check.reasons) && check.reasons.length && check.status !== "valid") {
        // Reasons are objects {code, severity, message} (docs/schema/read-result.schema.json).
        const said = check.reasons.filter((r) => r && r.severity !== "info").map((r) => `${r.code}: ${r.message}`);
        if (said.length) explain.append(document.createTextNode(` (${said.join("; ")})`));
      }
      item.append(title, badge, explain);
      checks.append(item);
    }
    $("photo").alt = text("photo.alt");
  }

  async function loadPhoto(readId) {
    try {
      const response = await api("GET", `/v1/reads/${encodeURIComponent(readId)}/photo`);
      const blob = await response.blob();
      if (!state.read || state.read.readId !== readId) return; // wiped meanwhile
      revokePhoto();
      state.photoURL = URL.createObjectURL(blob);
      const img = $("photo");
      img.src = state.photoURL;
      await img.decode();
      img.hidden = false;
      img.dataset.loaded = "true";
    } catch (error) {
      if (error instanceof APIError) showAPIError(error);
      else showError(null, TEXT["error.photo"]);
    }
  }

  function revokePhoto() {
    const img = $("photo");
    img.removeAttribute("src");
    img.hidden = true;
    delete img.dataset.loaded;
    if (state.photoURL) URL.revokeObjectURL(state.photoURL);
    state.photoURL = null;
  }

  function startExpiryTimer() {
    clearInterval(state.expiryTimer);
    const tick = () => {
      if (!state.read || Number.isNaN(state.read.expiresAt)) {
        $("expiry-note").textContent = "";
        return;
      }
      const left = Math.round((state.read.expiresAt - Date.now()) / 1000);
      if (left <= 0) {
        wipe("expired");
        return;
      }
      const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
      put($("expiry-note"), TEXT["expires.in"], { time }, { mono: true });
    };
    tick();
    state.expiryTimer = setInterval(tick, 1000);
  }

  /** Removes every piece of personal data from the page (and the camera image). */
  function wipe(reason) {
    clearInterval(state.expiryTimer);
    state.expiryTimer = null;
    state.read = null;
    state.lastResult = null;
    state.lastFace = null;
    revokePhoto();
    resetFace();
    stopCamera();
    $("full-name").textContent = "";
    $("id-number-shown").textContent = "";
    $("fields").replaceChildren();
    $("checks").replaceChildren();
    $("overall").dataset.status = "";
    $("overall-text").replaceChildren();
    $("overall-detail").replaceChildren();
    $("expiry-note").textContent = "";
    for (const id of ["can", "id-number", "doc-number", "dob", "expiry"]) $(id).value = "";
    $("result-body").hidden = true;
    $("placeholder").hidden = false;
    $("progress").hidden = true;
    state.progressLabel = null;
    document.body.dataset.state = "idle";
    document.body.dataset.wiped = reason || "";
    delete document.body.dataset.readId;
    if (reason && TEXT[`wiped.${reason}`]) {
      clearError();
      const note = $("progress-text");
      $("progress").hidden = false;
      $("progress-fill").style.width = "0%";
      put(note, TEXT[`wiped.${reason}`], null, { mono: true });
    }
  }

  async function clearRead({ quiet = false } = {}) {
    const read = state.read;
    wipe(quiet ? null : "cleared");
    if (!read || !read.readId) return;
    try {
      await api("DELETE", `/v1/reads/${encodeURIComponent(read.readId)}`);
    } catch (error) {
      if (!(error instanceof APIError && error.code === "read_not_found")) showAPIError(error);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Face comparison

  function resetFace() {
    const result = $("face-result");
    result.hidden = true;
    result.replaceChildren();
    result.dataset.match = "";
    const preview = $("face-preview");
    preview.removeAttribute("src");
    preview.hidden = true;
    if (state.faceURL) URL.revokeObjectURL(state.faceURL);
    state.faceURL = null;
    $("face-file").value = "";
  }

  function cameraAvailable() {
    return Boolean(window.isSecureContext && navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
  }

  async function toggleCamera() {
    if (state.camera) {
      stopCamera();
      return;
    }
    if (!cameraAvailable()) {
      showError(null, TEXT["face.noCamera"]);
      return;
    }
    try {
      state.camera = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
      const video = $("camera");
      video.srcObject = state.camera;
      video.hidden = false;
      $("face-preview").hidden = true;
      $("capture-button").hidden = false;
      put($("camera-button"), TEXT["face.cameraOff"], null, { mono: true });
    } catch (_) {
      state.camera = null;
      showError(null, TEXT["face.noCamera"]);
    }
  }

  function stopCamera() {
    if (state.camera) for (const track of state.camera.getTracks()) track.stop();
    state.camera = null;
    const video = $("camera");
    video.srcObject = null;
    video.hidden = true;
    $("capture-button").hidden = true;
    put($("camera-button"), TEXT["face.camera"], null, { mono: true });
  }

  async function captureAndCompare() {
    const video = $("camera");
    if (!state.camera || !video.videoWidth) return;
    const canvas = document.createElement("canvas");
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext("2d").drawImage(video, 0, 0);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
    stopCamera();
    if (blob) await compareFace(blob);
  }

  function base64(blob) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  }

  async function compareFace(blob) {
    if (!state.read) return;
    const readId = state.read.readId;
    resetFace();
    state.faceURL = URL.createObjectURL(blob);
    const preview = $("face-preview");
    preview.src = state.faceURL;
    preview.alt = text("face.heading");
    preview.hidden = false;
    const result = $("face-result");
    result.hidden = false;
    put(result, TEXT["face.comparing"], null, { mono: true });
    try {
      const payload = await apiJSON("POST", "/v1/face/compare", { body: { liveImage: await base64(blob), readId } });
      if (!state.read || state.read.readId !== readId) return;
      state.lastFace = payload;
      renderFace(payload);
    } catch (error) {
      result.hidden = true;
      showAPIError(error);
    }
  }

  function renderFace(payload) {
    const result = $("face-result");
    result.hidden = false;
    result.dataset.match = String(Boolean(payload.match));
    const title = document.createElement("strong");
    put(title, TEXT[payload.match ? "face.match" : "face.noMatch"]);
    const numbers = document.createElement("span");
    numbers.className = "numbers";
    const fmt = (n) => (typeof n === "number" ? n.toFixed(2) : "?");
    put(numbers, TEXT["face.numbers"], { similarity: fmt(payload.similarity), threshold: fmt(payload.threshold) }, { mono: true });
    result.replaceChildren(title, numbers);
  }

  // ---------------------------------------------------------------------------------------------
  // Start-up: token and automation parameters from the URL fragment (never sent to the server).

  function readFragment() {
    const hash = location.hash.replace(/^#/, "");
    if (!hash) return;
    const params = new URLSearchParams(hash);
    const token = params.get("token");
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    const lang = params.get("lang");
    if (lang === "vi" || lang === "en") state.lang = lang;
    const can = params.get("can");
    if (can) $("can").value = can;
    if (params.get("autoread") === "1") state.autoread = { reader: params.get("reader") };
    else if (params.get("reader")) state.autoread = { reader: params.get("reader"), selectOnly: true };
    // Drop the token (and the CAN) from the address bar and history.
    history.replaceState(null, "", location.pathname + location.search);
  }

  function maybeAutoread() {
    const auto = state.autoread;
    if (!auto) return;
    const wanted = auto.reader;
    if (wanted !== null && wanted !== undefined && wanted !== "") {
      const match = state.readers.find((r) => String(r.index) === wanted || r.name === wanted);
      if (!match) return;
      state.selectedReader = match.name;
      renderReaders();
    }
    if (auto.selectOnly) {
      state.autoread = null;
      return;
    }
    const reader = state.readers.find((r) => r.name === state.selectedReader);
    if (!reader || !reader.cardPresent || reader.busy || state.session) return; // wait for card-inserted
    state.autoread = null;
    startRead();
  }

  function sleep(ms, signal) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener("abort", () => { clearTimeout(timer); resolve(); }, { once: true });
    });
  }

  function init() {
    try {
      const saved = localStorage.getItem(LANG_KEY);
      if (saved === "vi" || saved === "en") state.lang = saved;
    } catch (_) { /* storage disabled */ }
    readFragment();
    state.token = sessionStorage.getItem(TOKEN_KEY);
    document.body.dataset.state = "idle";
    applyLanguage();

    $("lang-button").addEventListener("click", () => {
      state.lang = state.lang === "vi" ? "en" : "vi";
      try { localStorage.setItem(LANG_KEY, state.lang); } catch (_) { /* ignore */ }
      applyLanguage();
    });
    $("token-button").addEventListener("click", () => {
      const panel = $("token-panel");
      panel.hidden = !panel.hidden;
      if (!panel.hidden) $("token-input").focus();
    });
    $("token-form").addEventListener("submit", (event) => {
      event.preventDefault();
      saveToken($("token-input").value);
      $("token-input").value = "";
    });
    $("error-close").addEventListener("click", clearError);
    $("read-form").addEventListener("submit", (event) => {
      event.preventDefault();
      startRead();
    });
    $("cancel-button").addEventListener("click", cancelRead);
    $("clear-button").addEventListener("click", () => clearRead());
    $("id-number").addEventListener("input", () => {
      const digits = $("id-number").value.replace(/\D/g, "");
      if (digits.length === 12) $("can").value = digits.slice(6);
    });
    $("can").addEventListener("input", () => {
      $("can").value = $("can").value.replace(/\D/g, "").slice(0, 6);
    });
    $("no-expiry").addEventListener("change", () => { $("expiry").disabled = $("no-expiry").checked; });
    $("camera-button").addEventListener("click", toggleCamera);
    $("capture-button").addEventListener("click", captureAndCompare);
    $("face-file").addEventListener("change", () => {
      const file = $("face-file").files?.[0];
      if (file) compareFace(file);
    });
    if (!cameraAvailable()) $("camera-button").hidden = true;

    if (!state.token) {
      askForToken();
      return;
    }
    restartEvents();
    refreshReaders();
  }

  // Leaving the page wipes what it shows (and stops the camera).
  window.addEventListener("pagehide", () => wipe(null));

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
