// The teller page's text tables (i18n.js): every entry in both languages, Vietnamese in NFC with
// its diacritics, placeholders the same in both, and every label of index.html translated.
import assert from "node:assert/strict";
import test from "node:test";
import { load, source } from "./load.mjs";

const i18n = await load("i18n.js");

/** [where, entry] for every bilingual pair of every table (nested tables and FIELDS labels too). */
function entries() {
  const found = [];
  const walk = (where, value) => {
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")) {
      found.push([where, value]);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(`${where}[${v?.key ?? i}]`, v));
    } else if (value && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) {
        if (key === "key" || key === "index") continue; // FIELDS' identifiers, not texts
        walk(`${where}.${key}`, v);
      }
    }
  };
  for (const [name, table] of Object.entries(i18n.TABLES)) walk(name, table);
  return found;
}

test("every entry has a Vietnamese and an English text, both non-empty", () => {
  const all = entries();
  assert.ok(all.length > 150, `${all.length} entries`);
  for (const [where, entry] of all) {
    assert.equal(entry.length, 2, where);
    for (const s of entry) assert.ok(s.trim().length > 0, `${where}: empty text`);
  }
});

test("Vietnamese is NFC and keeps its diacritics; English has no Vietnamese letters", () => {
  let withDiacritics = 0;
  for (const [where, [vi, en]] of entries()) {
    assert.equal(vi, vi.normalize("NFC"), `${where}: Vietnamese not NFC`);
    assert.equal(en, en.normalize("NFC"), `${where}: English not NFC`);
    assert.ok(!/[\u0300-\u036f]/.test(vi), `${where}: a combining mark left in the Vietnamese text`);
    assert.ok(!/[ăâđêôơưĂÂĐÊÔƠƯ\u1EA0-\u1EF9]/.test(en), `${where}: Vietnamese letters in the English text "${en}"`);
    if (/[^\x00-\x7F]/.test(vi.replace(/[—–“”…·→]/g, ""))) withDiacritics += 1;
  }
  assert.ok(withDiacritics > 120, `only ${withDiacritics} Vietnamese texts with diacritics`);
  // The source file itself is NFC UTF-8 (what the browser receives).
  const raw = source("i18n.js");
  assert.equal(raw, raw.normalize("NFC"));
  assert.ok(!raw.includes("\uFFFD"), "no replacement character");
});

test("placeholders are the same in both languages and are filled", () => {
  const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [where, [vi, en]] of entries()) assert.deepEqual(names(vi), names(en), where);
  assert.deepEqual(i18n.pair(i18n.TEXT["face.burst"], "vi", { frame: 2, frames: 3 }), ["Đang chụp 2/3…", "Capturing 2/3…"]);
  assert.deepEqual(i18n.pair(i18n.TEXT["face.burst"], "en", { frame: 1 }), ["Capturing 1/…", "Đang chụp 1/…"]);
  assert.equal(i18n.text("face.match", "en"), "Match");
  assert.equal(i18n.text("no.such.key", "vi"), "no.such.key");
});

test("the liveness statuses of the face comparison all have texts, with the attack warning", () => {
  for (const status of ["live", "attack-suspected", "insufficient-quality", "not-available"]) {
    assert.ok(i18n.LIVENESS[status], status);
  }
  assert.deepEqual(i18n.LIVENESS["attack-suspected"],
    ["Nghi ngờ giả mạo khuôn mặt", "Possible presentation attack — ask the customer to look at the camera"]);
});

test("every data-i18n label of index.html and every key the scripts use has an entry", () => {
  const html = source("index.html");
  const labels = new Set([...html.matchAll(/data-i18n="([^"]+)"/g)].map((m) => m[1]));
  assert.ok(labels.size > 30);
  for (const key of labels) assert.ok(i18n.TEXT[key], `index.html: ${key}`);
  for (const name of ["app.js", "reading.js", "view.js", "result-view.js", "face.js"]) {
    for (const m of source(name).matchAll(/TEXT\["([^"]+)"\]|showFaceBusy\("([^"]+)"|showProgress\([^,]+, "([^"]+)"|setProgress\([^,]+, "([^"]+)"|fieldError\("[^"]+", "([^"]+)"\)/g)) {
      const key = m.slice(1).find(Boolean);
      assert.ok(i18n.TEXT[key], `${name}: ${key}`);
    }
  }
});
