// The daemon's event stream (`GET /v1/events`) kept open: fetch() + ReadableStream so that the
// Authorization header can be sent, reconnecting with exponential back-off up to 30 s.
import { APIError } from "./api.js";
import { consumeEventStream } from "./sse.js";

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

/**
 * Runs until `signal` aborts or the token is refused. `onState(kind)`: "online", "reconnecting",
 * "offline"; `onOpen()` after each (re)connection; `onEvent(type, data)` per event.
 */
export async function runEvents(api, signal, { onState, onOpen, onEvent }) {
  let delay = 1000;
  while (!signal.aborted) {
    try {
      const response = await api.request("GET", "/v1/events", { headers: { Accept: "text/event-stream" }, signal });
      if (!response.body) throw new Error("no body");
      onState("online");
      delay = 1000;
      onOpen();
      await consumeEventStream(response.body, signal, onEvent);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof APIError && error.status === 401) {
        onState("offline");
        return; // the token panel is open; saving a token restarts the stream
      }
    }
    if (signal.aborted) return;
    onState("reconnecting");
    await sleep(delay + Math.random() * 250, signal);
    delay = Math.min(delay * 2, 30000);
  }
}
