// Teller / kiosk page of cccdd: the entry module (state and flows). Plain ES modules, no framework,
// no build step: api.js (HTTP), sse.js (event stream), i18n.js (texts), view.js and result-view.js
// (DOM), camera.js (webcam burst), fragment.js (automation parameters), reading.js (the read).
// It uses the daemon's public API with the bearer token, exactly as any integrator would.
// Personal data lives only in the DOM while shown; it is never written to storage or logs.
import { APIError, base64, createClient } from "./api.js";
import { captureBurst, cameraAvailable, closeCamera, openCamera, BURST_FRAMES } from "./camera.js";
import { autoreadPlan, parseFragment } from "./fragment.js";
import { ERRORS, TEXT } from "./i18n.js";
import { createReading } from "./reading.js";
import * as result from "./result-view.js";
import { consumeEventStream } from "./sse.js";
import * as view from "./view.js";

const { $ } = view;
const TOKEN_KEY = "cccdd.token";
const LANG_KEY = "cccdd.lang";

const state = {
  token: null,
  readers: [],
  selectedReader: null, // reader name
  read: null,           // { readId, reader, expiresAt }
  photoURL: null,
  faceURL: null,
  expiryTimer: null,
  camera: null,
  eventsController: null,
  autoread: null,       // { reader, selectOnly?, confirm? } from the URL fragment
  lastResult: null,
  lastFace: null,
  lastError: null,
  progress: null,       // { value, key, vars }
  connection: "offline",
};

const api = createClient({ getToken: () => state.token, onUnauthorized: askForToken });

// ---------------------------------------------------------------------------------------------
// Language, errors, progress (kept in state so that a language switch redraws them)

function applyLanguage() {
  view.applyStaticTexts();
  renderReaders();
  if (state.lastResult) result.renderResult(state.lastResult);
  if (state.lastFace) result.renderFace(state.lastFace, { onRetake: retakeFace });
  if (state.progress) view.showProgress(state.progress.value, state.progress.key, state.progress.vars);
  if (state.lastError) view.showError(state.lastError.code, state.lastError.entry);
  view.showConnection(state.connection);
}

function showError(code, entry) {
  state.lastError = { code, entry };
  view.showError(code, entry);
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
  view.hideError();
}

function setProgress(value, key, vars) {
  state.progress = { value, key, vars };
  view.showProgress(value, key, vars);
}

function updateConnection(kind) {
  state.connection = kind;
  view.showConnection(kind);
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

function renderReaders() {
  view.renderReaders(state.readers, state.selectedReader, (name) => { state.selectedReader = name; });
}

let refreshPending = null;
function refreshReaders() {
  if (refreshPending) return refreshPending;
  refreshPending = (async () => {
    try {
      const payload = await api.json("GET", "/v1/readers");
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

// ---------------------------------------------------------------------------------------------
// Event stream: fetch() + ReadableStream so that the Authorization header can be sent.

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
      const response = await api.request("GET", "/v1/events", { headers: { Accept: "text/event-stream" }, signal });
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

function handleEvent(type, raw) {
  let event;
  try { event = JSON.parse(raw); } catch (_) { return; }
  const reader = readerName(event.reader);
  switch (type) {
    case "reader-attached":
    case "reader-detached":
    case "card-inserted":
    case "read-finished":
    case "read-failed":
      refreshReaders();
      break;
    case "card-removed":
      refreshReaders();
      if (state.read && reader !== null && reader === state.read.reader) wipe("removed");
      break;
    case "read-started":
      reading.onStarted(event);
      refreshReaders();
      break;
    case "read-progress":
      reading.onProgress(event);
      break;
    default:
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading (reading.js) and its result

const reading = createReading({
  api,
  setProgress,
  clearError,
  showError,
  showAPIError,
  selectedReader: () => state.readers.find((r) => r.name === state.selectedReader) || null,
  hasRead: () => state.read !== null,
  clearRead: () => clearRead({ quiet: true }),
  showRead,
  refreshReaders,
});

async function showRead(payload, fallbackReader) {
  state.read = {
    readId: payload.readId,
    reader: readerName(payload.reader) ?? fallbackReader,
    expiresAt: payload.expiresAt ? Date.parse(payload.expiresAt) : NaN,
  };
  state.lastResult = payload;
  document.body.dataset.readId = payload.readId || ""; // not personal data; for kiosk automation
  result.renderResult(payload);
  startExpiryTimer();
  if (payload.photo && payload.readId) await loadPhoto(payload.readId);
}

async function loadPhoto(readId) {
  try {
    const response = await api.request("GET", `/v1/reads/${encodeURIComponent(readId)}/photo`);
    const blob = await response.blob();
    if (!state.read || state.read.readId !== readId) return; // wiped meanwhile
    revokePhoto();
    state.photoURL = URL.createObjectURL(blob);
    await result.showPhoto(state.photoURL);
  } catch (error) {
    if (error instanceof APIError) showAPIError(error);
    else showError(null, TEXT["error.photo"]);
  }
}

function revokePhoto() {
  result.hidePhoto();
  if (state.photoURL) URL.revokeObjectURL(state.photoURL);
  state.photoURL = null;
}

function startExpiryTimer() {
  clearInterval(state.expiryTimer);
  const tick = () => {
    if (!state.read || Number.isNaN(state.read.expiresAt)) {
      result.showExpiry(null);
      return;
    }
    const left = Math.round((state.read.expiresAt - Date.now()) / 1000);
    if (left <= 0) wipe("expired");
    else result.showExpiry(left);
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
  state.progress = null;
  revokePhoto();
  resetFace();
  stopCamera();
  result.wipeView(reason);
  document.body.dataset.state = "idle";
  document.body.dataset.wiped = reason || "";
  delete document.body.dataset.readId;
  if (reason && TEXT[`wiped.${reason}`]) clearError();
}

async function clearRead({ quiet = false } = {}) {
  const read = state.read;
  wipe(quiet ? null : "cleared");
  if (!read || !read.readId) return;
  try {
    await api.request("DELETE", `/v1/reads/${encodeURIComponent(read.readId)}`);
  } catch (error) {
    if (!(error instanceof APIError && error.code === "read_not_found")) showAPIError(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Face comparison: a burst of frames from the webcam, or one uploaded photo

function resetFace() {
  result.resetFace();
  if (state.faceURL) URL.revokeObjectURL(state.faceURL);
  state.faceURL = null;
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
    state.camera = await openCamera();
    result.showCamera(state.camera);
  } catch (_) {
    state.camera = null;
    showError(null, TEXT["face.noCamera"]);
  }
}

function stopCamera() {
  closeCamera(state.camera);
  state.camera = null;
  result.showCamera(null);
}

async function captureAndCompare() {
  const video = $("camera");
  if (!state.camera || !video.videoWidth || !state.read) return;
  $("capture-button").disabled = true;
  try {
    const frames = await captureBurst(video, {
      onFrame: (index) => result.showFaceBusy("face.burst", { frame: index + 1, frames: BURST_FRAMES }),
    });
    stopCamera();
    if (frames.length) await compareFace(frames);
  } finally {
    $("capture-button").disabled = false;
  }
}

function retakeFace() {
  resetFace();
  state.lastFace = null;
  if (!state.camera) toggleCamera();
}

/** Sends 1–5 frames of one capture (`liveImages`) or one photo (`liveImage`) with the read id. */
async function compareFace(frames) {
  if (!state.read) return;
  const readId = state.read.readId;
  resetFace();
  state.lastFace = null;
  state.faceURL = URL.createObjectURL(frames[0]);
  result.showFacePreview(state.faceURL);
  result.showFaceBusy("face.comparing");
  try {
    const images = await Promise.all(frames.map(base64));
    const body = images.length === 1 ? { liveImage: images[0], readId } : { liveImages: images, readId };
    const payload = await api.json("POST", "/v1/face/compare", { body });
    if (!state.read || state.read.readId !== readId) return;
    const used = Number.isInteger(payload?.frameUsed) ? payload.frameUsed : 0;
    if (used > 0 && used < frames.length) {
      URL.revokeObjectURL(state.faceURL);
      state.faceURL = URL.createObjectURL(frames[used]);
      result.showFacePreview(state.faceURL); // the frame the daemon compared
    }
    state.lastFace = payload;
    result.renderFace(payload, { onRetake: retakeFace });
  } catch (error) {
    $("face-result").hidden = true;
    showAPIError(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Start-up: token and automation parameters from the URL fragment (never sent to the server).

function readFragment() {
  if (!location.hash) return;
  const fragment = parseFragment(location.hash);
  if (fragment.token) sessionStorage.setItem(TOKEN_KEY, fragment.token);
  if (fragment.lang) view.setLang(fragment.lang);
  if (fragment.can) $("can").value = fragment.can;
  state.autoread = autoreadPlan(fragment);
  // Drop the token (and the CAN) from the address bar and history.
  history.replaceState(null, "", location.pathname + location.search);
}

function maybeAutoread() {
  const auto = state.autoread;
  if (!auto || auto.waitingForTeller) return;
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
  if (auto.confirm) {
    // Not started by whoever holds the token: the teller decides (issue 17).
    auto.waitingForTeller = true;
    view.showAutoreadPrompt(true);
    return;
  }
  const reader = state.readers.find((r) => r.name === state.selectedReader);
  if (!reader || !reader.cardPresent || reader.busy || reading.active()) return; // wait for card-inserted
  state.autoread = null;
  reading.start();
}

function answerAutoread(start) {
  view.showAutoreadPrompt(false);
  const auto = state.autoread;
  state.autoread = null;
  if (start && auto) {
    state.autoread = { reader: auto.reader }; // confirmed: start when the card is there
    maybeAutoread();
  }
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
    if (saved === "vi" || saved === "en") view.setLang(saved);
  } catch (_) { /* storage disabled */ }
  readFragment();
  state.token = sessionStorage.getItem(TOKEN_KEY);
  document.body.dataset.state = "idle";
  applyLanguage();

  $("lang-button").addEventListener("click", () => {
    view.setLang(view.lang() === "vi" ? "en" : "vi");
    try { localStorage.setItem(LANG_KEY, view.lang()); } catch (_) { /* ignore */ }
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
  $("autoread-start").addEventListener("click", () => answerAutoread(true));
  $("autoread-dismiss").addEventListener("click", () => answerAutoread(false));
  reading.bindForm();
  $("clear-button").addEventListener("click", () => clearRead());
  $("camera-button").addEventListener("click", toggleCamera);
  $("capture-button").addEventListener("click", captureAndCompare);
  $("face-file").addEventListener("change", () => {
    const file = $("face-file").files?.[0];
    if (file) compareFace([file]);
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

// Module scripts run after the document is parsed.
init();
