// The page's DOM, part 1: language, bilingual text, errors, connection, readers, progress and the
// autoread confirmation. Only `textContent`/DOM nodes, never HTML strings.
import { ERRORS, TEXT, pair } from "./i18n.js";

export const $ = (id) => document.getElementById(id);

let language = "vi";

export function lang() { return language; }
export function setLang(value) { language = value === "en" ? "en" : "vi"; }

/** The text of `TEXT[key]` in the current language. */
export function text(key, vars) { return pair(TEXT[key], language, vars)[0]; }

/** Writes a bilingual text into `el`: primary language, then the other one in small type. */
export function put(el, entry, vars, { mono = false } = {}) {
  const [primary, secondary] = pair(entry, language, vars);
  el.replaceChildren(document.createTextNode(primary));
  if (!mono && secondary && secondary !== primary) {
    const small = document.createElement("span");
    small.className = "secondary-lang";
    small.lang = language === "vi" ? "en" : "vi";
    small.textContent = secondary;
    el.append(small);
  }
}

/** The labels written in index.html (`data-i18n`). */
export function applyStaticTexts() {
  document.documentElement.lang = language;
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const entry = TEXT[el.dataset.i18n];
    if (!entry) continue;
    const mono = el.hasAttribute("data-i18n-mono") || el.tagName === "BUTTON" || el.closest(".btn") !== null || el.tagName === "OPTION";
    put(el, entry, null, { mono });
  }
  $("lang-button").textContent = language === "vi" ? "EN" : "VI";
  document.title = `${text("title")} · cccdd`;
}

// ---------------------------------------------------------------------------------------------
// Errors

/** Shows `entry` (a bilingual pair), else the sentence for the API error `code`, else the code. */
export function showError(code, entry) {
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

export function hideError() { $("error").hidden = true; }

// ---------------------------------------------------------------------------------------------
// Connection, readers, progress

export function showConnection(kind) {
  $("connection").dataset.state = kind;
  put($("connection-text"), TEXT[`conn.${kind}`], null, { mono: true });
}

/** The reader list as radio buttons; `onSelect(name)` when the teller picks one. */
export function renderReaders(readers, selected, onSelect) {
  const box = $("readers");
  box.replaceChildren();
  for (const reader of readers) {
    const label = document.createElement("label");
    label.className = "reader";
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "reader";
    input.value = reader.name;
    input.checked = reader.name === selected;
    input.addEventListener("change", () => onSelect(reader.name));
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
  $("readers-empty").hidden = readers.length > 0;
}

export function showProgress(value, key, vars) {
  $("progress").hidden = false;
  $("progress-fill").style.width = `${Math.max(0, Math.min(100, value))}%`;
  $("progress").querySelector("[role=progressbar]").setAttribute("aria-valuenow", String(Math.round(value)));
  put($("progress-text"), TEXT[key], vars, { mono: true });
}

export function hideProgress() { $("progress").hidden = true; }

export function kilobytes(n) {
  return `${(n / 1024).toLocaleString(language === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 })} kB`;
}

/** The busy/idle look of the read form. */
export function showReading(reading) {
  $("read-button").disabled = reading;
  $("cancel-button").hidden = !reading;
}

// ---------------------------------------------------------------------------------------------
// Autoread confirmation (a fragment without the token: maybe a link from another site)

export function showAutoreadPrompt(shown) {
  $("autoread-prompt").hidden = !shown;
  document.body.dataset.autoread = shown ? "confirm" : "";
  if (shown) $("autoread-start").focus();
}
