#!/usr/bin/python3
"""Drives the cccdd teller page in headless Chromium (Debian's chromium + chromium-driver +
python3-selenium) to a finished read, then reports what the page shows.

    scripts/teller-page-browser.py --url http://127.0.0.1:8700/ --token-file TOKEN \
        --can 012345 --reader 0 --screenshot out.png [--wait-wipe 30] [--confirm-autoread] [--camera FILE]

The token and the CAN go in the URL fragment (#token=…&can=…&reader=…&autoread=1), which the
browser never sends to the server. With --confirm-autoread the token goes in a first visit only and
the autoread fragment comes without it, as a link from another site would: the page must ask before
reading; the driver records that it asked and did not read, then confirms. With --camera FILE
(a baseline JPEG or an MJPEG/Y4M video) Chromium's fake camera shows that file; after the read the
driver starts the camera, presses "Chụp và so khớp" (a burst of frames) and waits for the answer.

    scripts/teller-page-browser.py --upright-jpeg IN.jpg OUT.jpg

writes IN as an upright baseline JPEG (EXIF orientation applied by Chromium's own decoder and
encoder): camera frames carry no orientation tag, so a sample stored sideways with a tag must be
turned before it can stand in for a camera (and for a chip photo).
Prints one JSON object per line on stdout:
  1. after the read: {"state", "fullName", "idNumber", "fields", "overall", "overallText", "checks",
     "photo": {"loaded", "naturalWidth", "naturalHeight"}, "readId", "error", "consoleErrors", "screenshot",
     "autoreadPrompt" (with --confirm-autoread), "face" (with --camera)}
  2. with --wait-wipe: after printing (1) it waits for the page to wipe itself (the caller removes
     the card meanwhile) and prints {"wiped", "fullName", "photoShown", "fieldCount"}.
Exit status 0 when the page was driven (whatever it showed), 1 on a browser/driver failure.
Holds personal data only in memory and in the screenshot the caller asked for.
"""

import argparse
import base64
import json
import os
import shutil
import sys
import tempfile
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

SNAPSHOT = r"""
const text = (id) => (document.getElementById(id)?.textContent || "").trim();
const photo = document.getElementById("photo");
const fields = {};
for (const dd of document.querySelectorAll("#fields dd[data-field]")) fields[dd.dataset.field] = dd.textContent;
const checks = {};
for (const li of document.querySelectorAll("#checks li[data-check]")) checks[li.dataset.check] = li.querySelector(".badge")?.dataset.status || null;
const error = document.getElementById("error");
return {
  state: document.body.dataset.state || null,
  wiped: document.body.dataset.wiped || null,
  readId: document.body.dataset.readId || null,
  fullName: text("full-name"),
  idNumber: text("id-number-shown"),
  fields,
  overall: document.getElementById("overall").dataset.status || null,
  overallText: text("overall-text"),
  checks,
  photo: { loaded: photo.dataset.loaded === "true", shown: !photo.hidden, naturalWidth: photo.naturalWidth, naturalHeight: photo.naturalHeight },
  error: error.hidden ? null : (document.getElementById("error-code").textContent || text("error-text")),
  progress: text("progress-text"),
  connection: document.getElementById("connection").dataset.state,
  autoread: document.body.dataset.autoread || null,
  face: (() => {
    const box = document.getElementById("face-result");
    const line = document.getElementById("face-liveness");
    return { shown: !box.hidden, match: box.dataset.match || null, liveness: box.dataset.liveness || null,
             frames: box.dataset.frames ? Number(box.dataset.frames) : null, text: (box.textContent || "").trim(),
             livenessText: line ? line.textContent.trim() : null,
             preview: !document.getElementById("face-preview").hidden,
             camera: document.getElementById("camera").videoWidth || 0 };
  })(),
};
"""


UPRIGHT = r"""
const [data, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/jpeg" }), { imageOrientation: "from-image" });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext("2d").drawImage(bitmap, 0, 0);
  const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.95 });
  const reader = new FileReader();
  reader.onload = () => done({ jpeg: String(reader.result).split(",")[1], width: bitmap.width, height: bitmap.height });
  reader.readAsDataURL(blob);
})().catch((error) => done({ error: String(error) }));
"""


def upright_jpeg(args, options) -> int:
    source, target = args.upright_jpeg
    with open(source, "rb") as handle:
        data = base64.b64encode(handle.read()).decode("ascii")
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    try:
        driver.set_script_timeout(30)
        result = driver.execute_async_script(UPRIGHT, data)
    finally:
        driver.quit()
    if "error" in result:
        print(json.dumps({"driverError": result["error"]}), flush=True)
        return 1
    with open(target, "wb") as handle:
        handle.write(base64.b64decode(result["jpeg"]))
    print(json.dumps({"upright": target, "width": result["width"], "height": result["height"]}), flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="the page, e.g. http://127.0.0.1:8700/")
    parser.add_argument("--token-file")
    parser.add_argument("--can", default="")
    parser.add_argument("--reader", default="0")
    parser.add_argument("--screenshot")
    parser.add_argument("--upright-jpeg", nargs=2, metavar=("IN", "OUT"), help="only write IN upright to OUT, then exit")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--wait-wipe", type=float, default=0, help="then wait this long for the page to wipe itself")
    parser.add_argument("--confirm-autoread", action="store_true", help="autoread without the token: expect the question")
    parser.add_argument("--camera", help="fake camera source for the face burst (JPEG, MJPEG or Y4M)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    args = parser.parse_args()
    if not args.upright_jpeg and not (args.url and args.token_file and args.screenshot):
        parser.error("--url, --token-file and --screenshot are required (unless --upright-jpeg)")

    if args.upright_jpeg:
        with tempfile.TemporaryDirectory(prefix="cccd-chromium-") as profile:
            options = webdriver.ChromeOptions()
            options.binary_location = args.chromium
            for flag in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", f"--user-data-dir={profile}"):
                options.add_argument(flag)
            if os.geteuid() == 0:
                options.add_argument("--no-sandbox")
            return upright_jpeg(args, options)

    with open(args.token_file, encoding="utf-8") as handle:
        token = handle.read().strip()
    fragment = urllib.parse.urlencode({"token": token, "can": args.can, "reader": args.reader, "autoread": "1"})
    camera = None

    profile = tempfile.mkdtemp(prefix="cccd-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--window-size=1366,1000", "--force-device-scale-factor=1", "--lang=vi-VN",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    if args.camera:
        # Chromium reads Y4M or MJPEG; one baseline JPEG is a valid one-frame MJPEG stream.
        camera = os.path.join(profile, "camera.y4m" if args.camera.endswith(".y4m") else "camera.mjpeg")
        shutil.copyfile(args.camera, camera)
        for flag in ("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                     f"--use-file-for-fake-video-capture={camera}"):
            options.add_argument(flag)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})

    driver = None
    try:
        driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
        driver.set_page_load_timeout(30)
        base = args.url.split("#")[0]
        prompt = None
        if args.confirm_autoread:
            prompt = confirm_autoread(driver, base, token, args)
        else:
            driver.get(base + "#" + fragment)

        deadline = time.monotonic() + args.timeout
        snapshot = driver.execute_script(SNAPSHOT)
        while time.monotonic() < deadline:
            snapshot = driver.execute_script(SNAPSHOT)
            finished = snapshot["state"] in ("done", "error")
            if finished and (snapshot["state"] == "error" or snapshot["photo"]["loaded"]):
                break
            time.sleep(0.2)
        if args.camera and snapshot["state"] == "done":
            burst_and_compare(driver, deadline + 30)
        time.sleep(0.3)  # let the last layout and transitions settle before the picture
        snapshot = driver.execute_script(SNAPSHOT)
        if prompt is not None:
            snapshot["autoreadPrompt"] = prompt

        save_full_page_screenshot(driver, args.screenshot)
        snapshot["screenshot"] = os.path.abspath(args.screenshot)
        snapshot["consoleErrors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        print(json.dumps(snapshot, ensure_ascii=False), flush=True)

        if args.wait_wipe > 0:
            deadline = time.monotonic() + args.wait_wipe
            after = driver.execute_script(SNAPSHOT)
            while time.monotonic() < deadline and not after["wiped"]:
                time.sleep(0.2)
                after = driver.execute_script(SNAPSHOT)
            print(json.dumps({"wiped": after["wiped"], "fullName": after["fullName"], "photoShown": after["photo"]["shown"],
                              "fieldCount": len(after["fields"]), "state": after["state"]}, ensure_ascii=False), flush=True)
        return 0
    except Exception as error:  # report the driver failure in one line; the caller shows it
        print(json.dumps({"driverError": f"{type(error).__name__}: {error}"}), flush=True)
        return 1
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def confirm_autoread(driver, base: str, token: str, args) -> dict:
    """The token in a first visit (kept in sessionStorage), then the autoread fragment without it in
    a fresh load of the same tab, as a link from another site would open it. Records whether the
    page asked and stayed idle for 3 s, then presses "Bắt đầu đọc"."""
    driver.get(base + "#" + urllib.parse.urlencode({"token": token}))
    wait_until(driver, "return document.getElementById('connection').dataset.state === 'online'", 15)
    driver.get("about:blank")
    driver.get(base + "#" + urllib.parse.urlencode({"can": args.can, "reader": args.reader, "autoread": "1"}))
    asked = wait_until(driver, "return document.body.dataset.autoread === 'confirm'", 15)
    time.sleep(3)  # a silent autoread would have started by now (the card is in the reader)
    after = driver.execute_script(
        "return {state: document.body.dataset.state, readId: document.body.dataset.readId || null,"
        " shown: !document.getElementById('autoread-prompt').hidden,"
        " text: document.getElementById('autoread-prompt').textContent.replace(/\\s+/g, ' ').trim()}")
    driver.execute_script("document.getElementById('autoread-start').click()")
    return {"asked": asked, "stateWhileAsking": after["state"], "readIdWhileAsking": after["readId"],
            "shown": after["shown"], "text": after["text"]}


def burst_and_compare(driver, deadline: float) -> None:
    """Starts the (fake) camera, presses capture and waits for the comparison's answer or an error."""
    driver.execute_script("document.getElementById('camera-button').click()")
    wait_until(driver, "const v = document.getElementById('camera'); return v.videoWidth > 0 && !v.hidden"
                       " && !document.getElementById('capture-button').hidden", 20)
    time.sleep(0.5)  # a few frames into the stream
    driver.execute_script("document.getElementById('capture-button').click()")
    wait_until(driver, "const r = document.getElementById('face-result');"
                       " return (r.dataset.match === 'true' || r.dataset.match === 'false')"
                       " || !document.getElementById('error').hidden", max(5, deadline - time.monotonic()))


def wait_until(driver, script: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if driver.execute_script(script):
            return True
        time.sleep(0.1)
    return False


def save_full_page_screenshot(driver, path: str) -> None:
    """The whole page, not just the window: DevTools' captureBeyondViewport."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    width, height = max(1366, int(size["width"])), int(size["height"])
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
    })
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(base64.b64decode(shot["data"]))


if __name__ == "__main__":
    sys.exit(main())
