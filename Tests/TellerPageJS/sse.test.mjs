// The teller page's Server-Sent-Events parser (sse.js) against the WHATWG rules, with the stream cut
// into chunks at every position: the events must not depend on where the network splits the bytes.
import assert from "node:assert/strict";
import test from "node:test";
import { load } from "./load.mjs";

const { EventStreamParser, consumeEventStream } = await load("sse.js");

/** Events and retry values from `chunks` pushed in order, then end(). */
function parse(chunks) {
  const events = [];
  const retries = [];
  const parser = new EventStreamParser((event) => events.push(event), { onRetry: (ms) => retries.push(ms) });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { events, retries };
}

/** Every way of cutting `text` in two and in three (every pair of positions), and per character. */
function* splits(text) {
  yield [text];
  for (let i = 0; i <= text.length; i += 1) yield [text.slice(0, i), text.slice(i)];
  for (let i = 1; i < text.length; i += 1) {
    for (let j = i + 1; j < text.length; j += 1) yield [text.slice(0, i), text.slice(i, j), text.slice(j)];
  }
  yield Array.from(text); // one character at a time
}

function assertSameForEverySplit(text, expected) {
  let count = 0;
  for (const chunks of splits(text)) {
    assert.deepEqual(parse(chunks), expected, `chunks ${JSON.stringify(chunks)}`);
    count += 1;
  }
  return count;
}

const stream = (eol) => [
  ": keep-alive comment",
  "event: card-inserted",
  'data: {"reader":0}',
  "",
  "id: 7",
  "retry: 2500",
  "event: read-progress",
  'data: {"step":',
  'data: "connected"}',
  "",
  "data:no space after the colon",
  "data:  two spaces keep one",
  "",
  "event: ignored-without-data",
  "",
  "unknown: field",
  "data",
  "",
  "event: read-finished",
  "data: partial, never dispatched",
].join(eol);

const expected = {
  events: [
    { type: "card-inserted", data: '{"reader":0}', lastEventId: "" },
    { type: "read-progress", data: '{"step":\n"connected"}', lastEventId: "7" },
    { type: "message", data: "no space after the colon\n two spaces keep one", lastEventId: "7" },
    { type: "message", data: "", lastEventId: "7" },
  ],
  retries: [2500],
};

for (const [name, eol] of [["LF", "\n"], ["CRLF", "\r\n"], ["CR", "\r"]]) {
  test(`a multi-event stream with ${name} line ends gives the same events for every chunk split`, () => {
    const count = assertSameForEverySplit(stream(eol), expected);
    assert.ok(count > 40000, `${count} splits`);
  });
}

test("mixed line ends, a CRLF cut between its CR and LF, and a final blank line", () => {
  const text = "event: a\r\ndata: 1\r\rdata: 2\n\ndata: 3\r\n\r\n";
  const want = {
    events: [
      { type: "a", data: "1", lastEventId: "" },
      { type: "message", data: "2", lastEventId: "" },
      { type: "message", data: "3", lastEventId: "" },
    ],
    retries: [],
  };
  assertSameForEverySplit(text, want);
  // A CR at the very end of the stream still ends its line (and the blank line before it dispatches).
  assert.deepEqual(parse(["data: x\r", "\r"]).events, [{ type: "message", data: "x", lastEventId: "" }]);
});

test("a partial last event is dropped; its id and the retry field still count", () => {
  assert.deepEqual(parse(["data: complete\n\n", "id: 9\ndata: cut"]), {
    events: [{ type: "message", data: "complete", lastEventId: "" }], retries: [],
  });
  assert.deepEqual(parse(["retry: 10\nretry: x1\nretry: -5\nretry:\n"]).retries, [10]);
  const ids = parse(["id: 1\ndata: a\n\nid\ndata: b\n\nid: x\u0000y\ndata: c\n\n"]).events.map((e) => e.lastEventId);
  assert.deepEqual(ids, ["1", "", ""]); // "id" alone resets it; an id with NUL is ignored
});

test("a leading byte-order mark is skipped once; comments never dispatch; non-ASCII data is kept", () => {
  const text = "\uFEFFdata: Nguyễn Văn A\n\n:\n: comment\n\ndata: \uFEFF\n\n";
  assertSameForEverySplit(text, {
    events: [
      { type: "message", data: "Nguyễn Văn A", lastEventId: "" },
      { type: "message", data: "\uFEFF", lastEventId: "" },
    ],
    retries: [],
  });
});

test("consumeEventStream decodes UTF-8 split inside a character and stops on abort", async () => {
  const bytes = new TextEncoder().encode("event: card-removed\ndata: {\"name\":\"Đầu đọc\"}\n\n: ping\n\n");
  const events = [];
  for (let cut = 0; cut <= bytes.length; cut += 1) {
    events.length = 0;
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    await consumeEventStream(body, new AbortController().signal, (type, data) => events.push([type, data]));
    assert.deepEqual(events, [["card-removed", '{"name":"Đầu đọc"}']], `cut at byte ${cut}`);
  }
  // An endless stream: abort ends the read.
  const controller = new AbortController();
  let cancelled = false;
  const ping = new TextEncoder().encode(": ping\n");
  const endless = new ReadableStream({
    pull: (c) => new Promise((resolve) => setTimeout(() => { if (!cancelled) c.enqueue(ping); resolve(); }, 5)),
    cancel: () => { cancelled = true; },
  });
  const done = consumeEventStream(endless, controller.signal, () => {});
  setTimeout(() => controller.abort(), 30);
  await done;
  await new Promise((resolve) => setTimeout(resolve, 50)); // the pipe passes the cancel upstream
  assert.ok(cancelled, "the response body was cancelled");
});
