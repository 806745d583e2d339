// The automation parameters of the URL fragment (never sent to the server): token, lang, can,
// reader, autoread. No DOM here: tested with `node --test`.

/** The parameters of `hash` ("#token=…&can=…"), each null when absent. */
export function parseFragment(hash) {
  const params = new URLSearchParams(String(hash || "").replace(/^#/, ""));
  const get = (name) => (params.has(name) ? params.get(name) : null);
  const lang = get("lang");
  return {
    token: get("token") || null,
    lang: lang === "vi" || lang === "en" ? lang : null,
    can: get("can") || null,
    reader: get("reader"),
    autoread: get("autoread") === "1",
  };
}

/**
 * What the page does with the fragment's reader and autoread parameters: null (nothing),
 * `{ reader, selectOnly: true }` (choose the reader), or `{ reader, confirm }` (start a read when
 * the card is there). A fragment that carries the token comes from whoever holds the token (the
 * counter's launcher); any other fragment may come from a link on another site, so the read waits
 * for the teller's confirmation (`confirm: true`) instead of starting silently (issue 17).
 */
export function autoreadPlan(fragment) {
  if (fragment.autoread) return { reader: fragment.reader, confirm: !fragment.token };
  if (fragment.reader !== null && fragment.reader !== "") return { reader: fragment.reader, selectOnly: true };
  return null;
}
