// Teller / kiosk page of cccdd: the entry module (state and flows). Plain ES modules, no framework,
// no build step: api.js (HTTP), events.js + sse.js (event stream), i18n.js (texts), view.js and
// result-view.js (DOM), reading.js (the read), face.js + camera.js (webcam burst and comparison),
// fragment.js + autoread.js (automation parameters).
// It uses the daemon's public API with the bearer token, exactly as any integrator would.
// Personal data lives only in the DOM while shown; it is never written to storage or logs.
import { APIError, createClient } from "./api.js";
import { createAutoread } from "./autoread.js";
import { runEvents } from "./events.js";
import { createFace } from "./face.js";
import { autoreadPlan, parseFragment } from "./fragment.js";
import { ERRORS, TEXT } from "./i18n.js";
import { createReading } from "./reading.js";
import * as result from "./result-view.js";
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
  expiryTimer: null,
  eventsController: null,
  lastResult: null,
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
  face.redraw();
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
      autoread.check();
    } catch (error) {
      if (!(error instanceof APIError && error.status === 401)) showAPIError(error);
    } finally {
      refreshPending = null;
    }
  })();
  return refreshPending;
}

// ---------------------------------------------------------------------------------------------
// Event stream (events.js)

function restartEvents() {
  if (state.eventsController) state.eventsController.abort();
  const controller = new AbortController();
  state.eventsController = controller;
  runEvents(api, controller.signal, { onState: updateConnection, onOpen: refreshReaders, onEvent: handleEvent });
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
  state.progress = null;
  revokePhoto();
  face.reset();
  face.stopCamera();
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
// Face comparison (face.js)

const face = createFace({ api, readId: () => state.read?.readId ?? null, showError, showAPIError });

const autoread = createAutoread({
  readers: () => state.readers,
  select: (name) => { state.selectedReader = name; renderReaders(); },
  selectedReader: () => state.readers.find((r) => r.name === state.selectedReader) || null,
  busy: () => reading.active(),
  start: () => reading.start(),
});

// ---------------------------------------------------------------------------------------------
// Start-up: token and automation parameters from the URL fragment (never sent to the server).

function readFragment() {
  if (!location.hash) return;
  const fragment = parseFragment(location.hash);
  if (fragment.token) sessionStorage.setItem(TOKEN_KEY, fragment.token);
  if (fragment.lang) view.setLang(fragment.lang);
  if (fragment.can) $("can").value = fragment.can;
  autoread.set(autoreadPlan(fragment));
  // Drop the token (and the CAN) from the address bar and history.
  history.replaceState(null, "", location.pathname + location.search);
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
  $("autoread-start").addEventListener("click", () => autoread.answer(true));
  $("autoread-dismiss").addEventListener("click", () => autoread.answer(false));
  reading.bindForm();
  $("clear-button").addEventListener("click", () => clearRead());
  face.bind();

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
