// The page's DOM, part 2: the read result (verdicts, citizen fields, chip photo), the face
// comparison with its liveness signal, and the wipe. Only `textContent`/DOM nodes.
import { CHECK_EXPLAIN, CHECK_NAMES, FIELDS, LIVENESS, OVERALL, STATUS_WORDS, TEXT } from "./i18n.js";
import { $, put, text } from "./view.js";

export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function renderResult(result) {
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

/** Shows the chip photo from a `blob:` URL (resolves when decoded). */
export async function showPhoto(url) {
  const img = $("photo");
  img.src = url;
  await img.decode();
  img.hidden = false;
  img.dataset.loaded = "true";
}

export function hidePhoto() {
  const img = $("photo");
  img.removeAttribute("src");
  img.hidden = true;
  delete img.dataset.loaded;
}

export function showExpiry(secondsLeft) {
  if (secondsLeft === null) {
    $("expiry-note").textContent = "";
    return;
  }
  const time = `${Math.floor(secondsLeft / 60)}:${String(secondsLeft % 60).padStart(2, "0")}`;
  put($("expiry-note"), TEXT["expires.in"], { time }, { mono: true });
}

// ---------------------------------------------------------------------------------------------
// Face comparison

export function resetFace() {
  const result = $("face-result");
  result.hidden = true;
  result.replaceChildren();
  result.dataset.match = "";
  delete result.dataset.liveness;
  delete result.dataset.frames;
  const preview = $("face-preview");
  preview.removeAttribute("src");
  preview.hidden = true;
  $("face-file").value = "";
}

export function showCamera(stream) {
  const video = $("camera");
  video.srcObject = stream;
  video.hidden = stream === null;
  $("capture-button").hidden = stream === null;
  if (stream) {
    $("face-preview").hidden = true;
    video.scrollIntoView({ block: "nearest" });
    // Chromium pauses a muted autoplay video outside the viewport; an explicit play() is not paused.
    video.play().catch(() => {});
  }
  put($("camera-button"), TEXT[stream ? "face.cameraOff" : "face.camera"], null, { mono: true });
}

export function showFacePreview(url) {
  const preview = $("face-preview");
  preview.src = url;
  preview.alt = text("face.heading");
  preview.hidden = false;
}

/** A waiting line in the face result ("Đang chụp 2/3…", "Đang so khớp…"). */
export function showFaceBusy(key, vars) {
  const result = $("face-result");
  result.hidden = false;
  result.dataset.match = "";
  put(result, TEXT[key], vars, { mono: true });
}

/**
 * The comparison's answer: the match decision exactly as the daemon gave it (the liveness signal
 * never changes it), its numbers, then the liveness status when there is one. Fields the page does
 * not know are ignored. `onRetake` is offered when the photo was not good enough.
 */
export function renderFace(payload, { onRetake } = {}) {
  const result = $("face-result");
  result.hidden = false;
  result.dataset.match = String(payload.match === true);
  const title = document.createElement("strong");
  put(title, TEXT[payload.match === true ? "face.match" : "face.noMatch"]);
  const numbers = document.createElement("span");
  numbers.className = "numbers";
  const fmt = (n) => (typeof n === "number" ? n.toFixed(2) : "?");
  put(numbers, TEXT["face.numbers"], { similarity: fmt(payload.similarity), threshold: fmt(payload.threshold) }, { mono: true });
  const parts = [title, numbers];
  const liveness = payload.liveness && typeof payload.liveness === "object" ? payload.liveness : null;
  const status = liveness && typeof liveness.status === "string" ? liveness.status : null;
  if (status) {
    result.dataset.liveness = status;
    if (Number.isInteger(liveness.frames)) result.dataset.frames = String(liveness.frames);
    const line = document.createElement("span");
    line.id = "face-liveness";
    line.className = "liveness";
    line.dataset.status = status;
    line.setAttribute("role", status === "attack-suspected" ? "alert" : "status");
    put(line, LIVENESS[status] || [status, status]);
    if (Number.isInteger(liveness.frames) && liveness.frames > 1) {
      const frames = document.createElement("span");
      frames.className = "numbers";
      frames.classList.add("frames");
      put(frames, TEXT["face.frames"], { frames: liveness.frames }, { mono: true });
      line.append(frames);
    }
    parts.push(line);
    if (status === "insufficient-quality" && onRetake) {
      const retake = document.createElement("button");
      retake.type = "button";
      retake.id = "face-retake";
      retake.className = "btn btn-secondary btn-small";
      put(retake, TEXT["face.retake"], null, { mono: true });
      retake.addEventListener("click", onRetake);
      parts.push(retake);
    }
  } else {
    delete result.dataset.liveness;
    delete result.dataset.frames;
  }
  result.replaceChildren(...parts);
}

// ---------------------------------------------------------------------------------------------
// Wipe

/** Empties everything the read showed; `reason` ("removed", "expired", "cleared") is announced. */
export function wipeView(reason) {
  hidePhoto();
  resetFace();
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
  if (reason && TEXT[`wiped.${reason}`]) {
    $("progress").hidden = false;
    $("progress-fill").style.width = "0%";
    put($("progress-text"), TEXT[`wiped.${reason}`], null, { mono: true });
  }
}
