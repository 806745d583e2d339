// The read: the access key from the form, `POST /v1/readers/{index}/read` with a fresh session id,
// the progress of that session from the event stream, and "Hủy / Cancel".
import { newSessionID } from "./api.js";
import { TEXT } from "./i18n.js";
import { $, kilobytes, showReading } from "./view.js";

const EXPECTED_FILES = 7; // EF.COM, EF.SOD, DG1, DG2, DG13, DG14, DG15

const STEPS = {
  "waiting-for-card": [2, "progress.waiting"], "waitingForCard": [2, "progress.waiting"],
  "connected": [6, "progress.connected"],
  "authenticating": [9, "progress.authenticating"],
  "authenticated": [15, "progress.authenticated"],
  "verifying": [96, "progress.verifying"],
  "finished": [97, "progress.verifying"],
};

function yymmdd(isoDate) { return isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10); }

function fieldError(id, key) {
  const input = $(id);
  input.setAttribute("aria-invalid", "true");
  input.focus();
  return { textKey: key };
}

/** The `access` object of the read request, or throws `{ textKey }` when the form is incomplete. */
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

/**
 * The read flow. `page` gives what it needs from the page: api, setProgress, clearError,
 * showError, showAPIError, selectedReader(), hasRead(), clearRead(), showRead(result, reader),
 * refreshReaders().
 */
export function createReading(page) {
  let session = null; // { id, reader, files: Map, value, controller, cancelled }

  function setProgress(value, key, vars) { page.setProgress(value, key, vars); }

  async function start() {
    if (session) return;
    page.clearError();
    for (const input of document.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
    let access;
    try {
      access = accessFromForm();
    } catch (problem) {
      page.showError(null, TEXT[problem.textKey]);
      return;
    }
    const reader = page.selectedReader();
    if (!reader) {
      page.showError(null, TEXT["error.noReader"]);
      return;
    }
    if (page.hasRead()) await page.clearRead();

    const current = { id: newSessionID(), reader: reader.name, files: new Map(), value: 0, controller: new AbortController() };
    session = current;
    document.body.dataset.state = "reading";
    showReading(true);
    setProgress(1, "progress.starting");
    try {
      const result = await page.api.json("POST", `/v1/readers/${encodeURIComponent(reader.index)}/read`, {
        body: {
          access,
          options: { photo: true, activeAuthentication: true, chipAuthentication: true, timeoutSeconds: 20 },
          sessionId: current.id,
        },
        headers: { "X-Session-Id": current.id },
        signal: current.controller.signal,
      });
      setProgress(100, "progress.finished");
      await page.showRead(result, current.reader);
      document.body.dataset.state = "done";
    } catch (error) {
      if (current.cancelled) {
        setProgress(0, "progress.cancelled");
        document.body.dataset.state = "idle";
      } else {
        setProgress(0, "progress.failed");
        page.showAPIError(error);
        document.body.dataset.state = "error";
      }
    } finally {
      session = null;
      showReading(false);
      page.refreshReaders();
    }
  }

  async function cancel() {
    const current = session;
    if (!current) return;
    current.cancelled = true;
    try {
      await page.api.json("POST", `/v1/sessions/${encodeURIComponent(current.id)}/cancel`);
    } catch (_) {
      // The daemon may not know the session yet (or any more): stop waiting on our side.
      current.controller.abort();
    }
  }

  function onStarted(event) {
    if (session && event.sessionId === session.id) setProgress(3, "progress.starting");
  }

  function onProgress(event) {
    if (!session || event.sessionId !== session.id) return;
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
    const [value, key] = step === "recovering" ? [session.value, "progress.recovering"] : STEPS[step] || [session.value, "progress.starting"];
    session.value = Math.max(session.value, value);
    setProgress(session.value, key);
  }

  function bindForm() {
    $("read-form").addEventListener("submit", (event) => {
      event.preventDefault();
      start();
    });
    $("cancel-button").addEventListener("click", cancel);
    $("id-number").addEventListener("input", () => {
      const digits = $("id-number").value.replace(/\D/g, "");
      if (digits.length === 12) $("can").value = digits.slice(6);
    });
    $("can").addEventListener("input", () => {
      $("can").value = $("can").value.replace(/\D/g, "").slice(0, 6);
    });
    $("no-expiry").addEventListener("change", () => { $("expiry").disabled = $("no-expiry").checked; });
  }

  return { start, cancel, onStarted, onProgress, bindForm, active: () => session !== null };
}
