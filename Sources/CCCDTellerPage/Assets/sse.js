// Server-Sent Events (WHATWG HTML, "Server-sent events", the event stream interpretation) for a
// stream read with fetch(): `EventSource` cannot send the Authorization header the daemon needs.
// No DOM here: tested with `node --test` with the chunks cut at every position.

/**
 * Incremental parser: `push(text)` any piece of the stream, `end()` at its end. Calls
 * `onEvent({ type, data, lastEventId })` for each dispatched event and `onRetry(ms)` for a valid
 * `retry:` field. Lines end with CRLF, LF or CR; a CR at the end of a chunk waits for the next one
 * (its LF may follow). An event not closed by a blank line when the stream ends is dropped.
 */
export class EventStreamParser {
  constructor(onEvent, { onRetry = () => {} } = {}) {
    this.onEvent = onEvent;
    this.onRetry = onRetry;
    this.buffer = "";
    this.started = false;
    this.type = "";
    this.data = [];
    this.lastEventId = "";
    this.pendingId = "";
  }

  push(text) {
    if (!text) return;
    this.buffer += text;
    if (!this.started) {
      if (this.buffer.length === 0) return;
      if (this.buffer.charCodeAt(0) === 0xfeff) this.buffer = this.buffer.slice(1); // one leading BOM
      this.started = true;
    }
    // A trailing CR may be half of a CRLF: keep it until more text (or the end) comes.
    const cut = this.buffer.endsWith("\r") ? this.buffer.length - 1 : this.buffer.length;
    const lines = this.buffer.slice(0, cut).split(/\r\n|\r|\n/);
    this.buffer = lines.pop() + this.buffer.slice(cut);
    for (const line of lines) this.line(line);
  }

  /** The stream ended: a trailing CR ends its line; a partial event is discarded (the spec's rule). */
  end() {
    if (this.buffer.endsWith("\r")) {
      this.buffer = this.buffer.slice(0, -1);
      this.line(this.buffer);
    }
    this.buffer = "";
    this.type = "";
    this.data = [];
  }

  line(line) {
    if (line === "") {
      this.dispatch();
      return;
    }
    if (line.startsWith(":")) return; // comment (the daemon's keep-alive)
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event": this.type = value; break;
      case "data": this.data.push(value); break;
      case "id": if (!value.includes("\u0000")) this.lastEventId = value; break;
      case "retry": if (/^\d+$/.test(value)) this.onRetry(Number(value)); break;
      default: break; // unknown fields are ignored
    }
  }

  dispatch() {
    const { type, data } = this;
    this.type = "";
    this.data = [];
    if (data.length === 0) return; // no data field: nothing to dispatch (the id still counts)
    this.onEvent({ type: type || "message", data: data.join("\n"), lastEventId: this.lastEventId });
  }
}

/**
 * Reads `body` (a ReadableStream of bytes, UTF-8) until it ends or `signal` aborts, calling
 * `onEvent(type, data)`. Resolves when the stream ends.
 */
export async function consumeEventStream(body, signal, onEvent, options = {}) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const abort = () => reader.cancel().catch(() => {});
  signal?.addEventListener("abort", abort, { once: true });
  const parser = new EventStreamParser((event) => onEvent(event.type, event.data, event), options);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.push(value);
    }
    parser.end();
  } finally {
    signal?.removeEventListener("abort", abort);
  }
}
