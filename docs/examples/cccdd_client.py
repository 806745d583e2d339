#!/usr/bin/env python3
"""A minimal cccdd client: standard library only (urllib + json).

Reads the API token from the daemon's token file, optionally waits on the event stream until a card
is inserted, reads the card with its CAN, prints the verification verdict and wipes the read from
the daemon's memory.

    python3 docs/examples/cccdd_client.py --can 012345
    python3 docs/examples/cccdd_client.py --can 012345 --wait --reader 0
    python3 docs/examples/cccdd_client.py --can 012345 --token-file ./cccdd.token --url http://127.0.0.1:8700

Exit status: 0 verdict valid, 3 invalid, 4 untrusted or incomplete (as `cccd read`), 2 the API
answered an error, 1 the daemon could not be reached.
"""

import argparse
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8700"
DEFAULT_TOKEN_FILE = "/var/lib/cccdkit/cccdd.token"


class APIError(Exception):
    """An error answer of the daemon: HTTP status plus its stable code."""

    def __init__(self, status, code, message):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message


class Client:
    def __init__(self, base_url, token):
        self.base_url = base_url.rstrip("/")
        self.token = token

    def _request(self, method, path, body=None, timeout=60):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self.token)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            return urllib.request.urlopen(request, timeout=timeout)
        except urllib.error.HTTPError as error:
            try:
                detail = json.load(error)["error"]
                raise APIError(error.code, detail["code"], detail["message"]) from None
            except (ValueError, KeyError, TypeError):
                raise APIError(error.code, "http_error", error.reason) from None

    def json(self, method, path, body=None, timeout=60):
        with self._request(method, path, body, timeout) as response:
            payload = response.read()
            return json.loads(payload) if payload else None

    def readers(self):
        return self.json("GET", "/v1/readers")["readers"]

    def read(self, reader, can, timeout_seconds=30):
        body = {"access": {"can": can}, "options": {"photo": True, "timeoutSeconds": timeout_seconds}}
        reader_id = urllib.parse.quote(str(reader), safe="")
        # The read waits for the card: allow the daemon's timeout plus a margin.
        return self.json("POST", f"/v1/readers/{reader_id}/read", body, timeout=timeout_seconds + 30)

    def wipe(self, read_id):
        self.json("DELETE", "/v1/reads/" + urllib.parse.quote(read_id, safe=""))

    def events(self):
        """Yields (type, data) from the Server-Sent Events stream, forever."""
        request = urllib.request.Request(self.base_url + "/v1/events")
        request.add_header("Authorization", "Bearer " + self.token)
        request.add_header("Accept", "text/event-stream")
        try:
            response = urllib.request.urlopen(request, timeout=None)
        except urllib.error.HTTPError as error:
            raise APIError(error.code, "http_error", error.reason) from None
        with response:
            event_type, data_lines = "message", []
            for raw in response:
                line = raw.decode("utf-8").rstrip("\r\n")
                if line == "":  # a blank line ends one event
                    if data_lines:
                        yield event_type, json.loads("\n".join(data_lines))
                    event_type, data_lines = "message", []
                elif line.startswith(":"):  # comment / keep-alive
                    continue
                elif line.startswith("event:"):
                    event_type = line[len("event:"):].strip()
                elif line.startswith("data:"):
                    data_lines.append(line[len("data:"):].lstrip())


def reader_name(value):
    """Events carry the reader's name (or an object with one)."""
    return value.get("name") if isinstance(value, dict) else value


def wait_for_card(client, reader):
    """Returns the reader's name once a card is in it: at once if it already is, otherwise on the
    next card-inserted event for it."""
    readers = client.readers()
    match = [r for r in readers if str(r["index"]) == str(reader) or r["name"] == str(reader)]
    if not match:
        raise APIError(404, "reader_not_found", f"no reader {reader!r}; readers: {[r['name'] for r in readers]}")
    if match[0]["cardPresent"]:
        return match[0]["name"]
    print(f"Waiting for a card on {match[0]['name']} …", file=sys.stderr)
    for event_type, data in client.events():
        if event_type == "card-inserted" and reader_name(data.get("reader")) == match[0]["name"]:
            return match[0]["name"]
    raise APIError(0, "stream_ended", "the event stream ended")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL, help=f"daemon address (default {DEFAULT_URL})")
    parser.add_argument("--token-file", default=DEFAULT_TOKEN_FILE, help=f"default {DEFAULT_TOKEN_FILE}")
    parser.add_argument("--reader", default="0", help="reader index or name (default 0)")
    parser.add_argument("--can", required=True, help="card access number (6 digits, printed on the card)")
    parser.add_argument("--wait", action="store_true", help="wait for a card-inserted event first")
    parser.add_argument("--keep", action="store_true", help="do not wipe the read from the daemon afterwards")
    args = parser.parse_args()

    try:
        with open(args.token_file, encoding="utf-8") as f:
            token = f.read().strip()
    except OSError as error:
        print(f"cannot read the token file: {error}", file=sys.stderr)
        return 1
    client = Client(args.url, token)
    try:
        reader = wait_for_card(client, args.reader) if args.wait else args.reader
        result = client.read(reader, args.can)
        verification = result["verification"]
        print(f"reader   {result['reader']}")
        print(f"read id  {result['readId']} (kept until {result['expiresAt']})")
        for check in ("passive", "active", "chip"):
            print(f"{check:8} {verification[check]['status']}")
        print(f"verdict  {verification['overall']}")
        if not args.keep:
            client.wipe(result["readId"])
        return {"valid": 0, "invalid": 3}.get(verification["overall"], 4)
    except APIError as error:
        print(f"cccdd: {error}", file=sys.stderr)
        return 2
    except urllib.error.URLError as error:
        print(f"cannot reach cccdd at {args.url}: {error.reason}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
