#!/usr/bin/python3
"""Drives the cccdd teller page in headless Chromium (Debian's chromium + chromium-driver +
python3-selenium) to a finished read, then reports what the page shows.

    scripts/teller-page-browser.py --url http://127.0.0.1:8700/ --token-file TOKEN \
        --can 012345 --reader 0 --screenshot out.png [--wait-wipe 30]

The token and the CAN go in the URL fragment (#token=…&can=…&reader=…&autoread=1), which the
browser never sends to the server. Prints one JSON object per line on stdout:
  1. after the read: {"state", "fullName", "idNumber", "fields", "overall", "overallText", "checks",
     "photo": {"loaded", "naturalWidth", "naturalHeight"}, "readId", "error", "consoleErrors", "screenshot"}
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
};
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the page, e.g. http://127.0.0.1:8700/")
    parser.add_argument("--token-file", required=True)
    parser.add_argument("--can", default="")
    parser.add_argument("--reader", default="0")
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--wait-wipe", type=float, default=0, help="then wait this long for the page to wipe itself")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    args = parser.parse_args()

    with open(args.token_file, encoding="utf-8") as handle:
        token = handle.read().strip()
    fragment = urllib.parse.urlencode({"token": token, "can": args.can, "reader": args.reader, "autoread": "1"})

    profile = tempfile.mkdtemp(prefix="cccd-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--window-size=1366,1000", "--force-device-scale-factor=1", "--lang=vi-VN",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})

    driver = None
    try:
        driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
        driver.set_page_load_timeout(30)
        driver.get(args.url.split("#")[0] + "#" + fragment)

        deadline = time.monotonic() + args.timeout
        snapshot = driver.execute_script(SNAPSHOT)
        while time.monotonic() < deadline:
            snapshot = driver.execute_script(SNAPSHOT)
            finished = snapshot["state"] in ("done", "error")
            if finished and (snapshot["state"] == "error" or snapshot["photo"]["loaded"]):
                break
            time.sleep(0.2)
        time.sleep(0.3)  # let the last layout and transitions settle before the picture
        snapshot = driver.execute_script(SNAPSHOT)

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
