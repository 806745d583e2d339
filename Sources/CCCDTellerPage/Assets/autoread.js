// The fragment's `reader` and `autoread` parameters at run time (the rule itself is in fragment.js):
// choose the reader, then start the read when its card is there, after the teller's confirmation
// when the fragment did not carry the token (issue 17).
import { showAutoreadPrompt } from "./view.js";

/**
 * `page` gives: readers() (the current list), select(name), selectedReader(), busy() (a read is
 * running), start() (starts the read with the form's access key).
 */
export function createAutoread(page) {
  let plan = null; // { reader, selectOnly?, confirm?, waiting? } from autoreadPlan()

  /** Called whenever the reader list changes. */
  function check() {
    if (!plan || plan.waiting) return;
    const wanted = plan.reader;
    if (wanted !== null && wanted !== undefined && wanted !== "") {
      const match = page.readers().find((r) => String(r.index) === wanted || r.name === wanted);
      if (!match) return;
      page.select(match.name);
    }
    if (plan.selectOnly) {
      plan = null;
      return;
    }
    if (plan.confirm) {
      // Not started by whoever holds the token (maybe a link on another site): the teller decides.
      plan.waiting = true;
      showAutoreadPrompt(true);
      return;
    }
    const reader = page.selectedReader();
    if (!reader || !reader.cardPresent || reader.busy || page.busy()) return; // wait for card-inserted
    plan = null;
    page.start();
  }

  /** The teller's answer to the prompt: start (when the card is there) or forget the request. */
  function answer(start) {
    showAutoreadPrompt(false);
    const asked = plan;
    plan = start && asked ? { reader: asked.reader } : null;
    check();
  }

  return { set: (value) => { plan = value; }, check, answer };
}
