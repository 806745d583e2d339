// The automation fragment (fragment.js): an autoread the page did not start itself (no token in
// the fragment: possibly a link from another site) must wait for the teller's confirmation.
import assert from "node:assert/strict";
import test from "node:test";
import { load } from "./load.mjs";

const { autoreadPlan, parseFragment } = await load("fragment.js");

test("parses the fragment's parameters", () => {
  assert.deepEqual(parseFragment("#token=abc&can=012345&reader=0&autoread=1&lang=en"),
    { token: "abc", lang: "en", can: "012345", reader: "0", autoread: true });
  assert.deepEqual(parseFragment(""), { token: null, lang: null, can: null, reader: null, autoread: false });
  assert.equal(parseFragment("#lang=fr").lang, null);
  assert.equal(parseFragment("#autoread=true").autoread, false);
});

test("an autoread with the token starts by itself; without the token it asks first", () => {
  assert.deepEqual(autoreadPlan(parseFragment("#token=abc&can=012345&reader=0&autoread=1")), { reader: "0", confirm: false });
  assert.deepEqual(autoreadPlan(parseFragment("#can=012345&reader=0&autoread=1")), { reader: "0", confirm: true });
  assert.deepEqual(autoreadPlan(parseFragment("#autoread=1")), { reader: null, confirm: true });
  assert.deepEqual(autoreadPlan(parseFragment("#token=&autoread=1")), { reader: null, confirm: true });
  assert.deepEqual(autoreadPlan(parseFragment("#reader=1")), { reader: "1", selectOnly: true });
  assert.equal(autoreadPlan(parseFragment("#can=012345")), null);
});
