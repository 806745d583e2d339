#!/usr/bin/env python3
"""Soak test of cccdd (issue #8): N reads through the HTTP API by K parallel clients against virtual
cards behind a private pcscd + vpcd, with periodic card removals (the `cccd sim` process of a reader
is stopped and started again) and reader detach/attach (pcscd is restarted: its vpcd readers vanish
and come back). Samples the daemon's RSS and open file descriptors to a CSV and prints a summary.

Run through scripts/soak.sh (it builds the release binaries and provides the private pcscd
namespace). Only the processes this script starts are ever stopped.
"""
import argparse
import collections
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

p = argparse.ArgumentParser()
p.add_argument("--bin", required=True, help="folder with the release cccd and cccdd")
p.add_argument("--reads", type=int, default=5000)
p.add_argument("--clients", type=int, default=4)
p.add_argument("--readers", type=int, default=2, help="virtual readers with a card (1 or 2)")
p.add_argument("--dataset", default="TestVectors/datasets/default")
p.add_argument("--trust", default="TestVectors/datasets/pki", help="CSCA trust for the daemon")
p.add_argument("--port", type=int, default=18731, help="cccdd port")
p.add_argument("--remove-every", type=float, default=20.0, help="seconds between card removals")
p.add_argument("--detach-every", type=float, default=90.0, help="seconds between pcscd restarts (reader detach/attach)")
p.add_argument("--sample-every", type=float, default=3.0)
p.add_argument("--warmup", type=float, default=0.1, help="fraction of the reads counted as warm-up")
p.add_argument("--csv", default="soak.csv")
p.add_argument("--ttl", type=int, default=10,
               help="cccdd readTTLSeconds: reads held in memory this long (short, so that the store's size stays "
                    "flat and growth means a leak; the production default is 120)")
p.add_argument("--daemon-args", default="", help="extra cccdd arguments")
args = p.parse_args()

work = tempfile.mkdtemp(prefix="cccd-soak-")
vpcd_base = 35963
lib = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"
try:
    for line in open("/etc/reader.conf.d/vpcd"):
        if line.startswith("LIBPATH"):
            lib = line.split()[-1]
except OSError:
    pass
os.makedirs(f"{work}/reader.conf.d")
with open(f"{work}/reader.conf.d/vpcd", "w") as f:
    f.write(f'FRIENDLYNAME "Virtual PCD"\nDEVICENAME   /dev/null:{vpcd_base}\nLIBPATH      {lib}\nCHANNELID    {vpcd_base}\n')

started = []  # every process this script started


def spawn(cmd, log):
    proc = subprocess.Popen(cmd, stdout=open(f"{work}/{log}", "ab"), stderr=subprocess.STDOUT)
    started.append(proc)
    return proc


def stop(proc, sig=signal.SIGTERM):
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def start_pcscd():
    return spawn(["pcscd", "--foreground", "--config", f"{work}/reader.conf.d"], "pcscd.log")


def start_sim(i):
    return spawn([f"{args.bin}/cccd", "sim", "--dataset", args.dataset, "--port", str(vpcd_base + i), "--wait", "60"],
                 f"sim{i}.log")


pcscd = start_pcscd()
time.sleep(1.0)
sims = [start_sim(i) for i in range(args.readers)]
token_file = f"{work}/cccdd.token"
with open(f"{work}/cccdd.json", "w") as f:
    # The test PKI as trust (reads are then `valid`), the audit journal in the scratch folder.
    json.dump({"trust": [os.path.abspath(args.trust)], "audit": {"path": f"{work}/audit.sqlite"},
               "readTTLSeconds": args.ttl}, f)
daemon_cmd = [f"{args.bin}/cccdd", "--config", f"{work}/cccdd.json", "--listen", f"127.0.0.1:{args.port}",
              "--token-file", token_file] + args.daemon_args.split()
daemon = spawn(daemon_cmd, "cccdd.log")
base = f"http://127.0.0.1:{args.port}"


def request(method, path, body=None, token=None, timeout=60):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.loads(e.read() or b"null")
        except ValueError:
            return e.code, None


deadline = time.time() + 60
while True:
    try:
        if request("GET", "/healthz", timeout=2)[0] == 200 and os.path.exists(token_file):
            break
    except Exception:
        pass
    if daemon.poll() is not None or time.time() > deadline:
        print(open(f"{work}/cccdd.log").read()[-3000:], file=sys.stderr)
        sys.exit("soak: cccdd did not start")
    time.sleep(0.2)
token = open(token_file).read().strip()

lock = threading.Lock()
outcomes = collections.Counter()
overall = collections.Counter()
busy = [0]  # reader_busy answers (another client was reading on the same reader)
done = 0
issued = 0
stop_all = threading.Event()
warm_mark = None  # time when the warm-up reads were done
read_times = []


def client(n):
    global done, issued, warm_mark
    while not stop_all.is_set():
        with lock:
            if issued >= args.reads:
                return
            issued += 1
            reader = n % args.readers
        t0 = time.time()
        try:
            status, body = request("POST", f"/v1/readers/{reader}/read",
                                   {"access": {"can": "012345"}, "options": {"timeoutSeconds": 15}}, token, timeout=90)
            if status == 200:
                code = "ok"
                verdict = (body or {}).get("verification", {}).get("overall", "?")
                read_id = (body or {}).get("readId")
                if read_id and done % 5 == 0:
                    # Exercise the stored read and its wipe too.
                    request("GET", f"/v1/reads/{read_id}", token=token)
                    request("DELETE", f"/v1/reads/{read_id}", token=token)
            else:
                code = ((body or {}).get("error") or {}).get("code", f"http_{status}")
                verdict = None
        except Exception as e:  # connection refused / reset: the daemon is down or hung
            code = f"exception:{type(e).__name__}"
            verdict = None
        if code == "reader_busy":
            # Another client holds this reader: not a read; try again shortly.
            with lock:
                busy[0] += 1
                issued -= 1
            time.sleep(0.05)
            continue
        with lock:
            outcomes[code] += 1
            if verdict:
                overall[verdict] += 1
            done += 1
            read_times.append(time.time() - t0)
            if warm_mark is None and done >= args.reads * args.warmup:
                warm_mark = time.time()
            if done % 250 == 0:
                print(f"soak: {done}/{args.reads} reads, {dict(outcomes)}", flush=True)
        if code in ("no_card", "no_reader"):
            time.sleep(0.5)  # a card or reader on its way back


samples = []  # (time, rss_kb, fds, reads_done, reads_in_memory)


def reads_in_memory():
    """The daemon's read store size (/metrics gauge): RSS follows it (reads are kept for --ttl s)."""
    try:
        req = urllib.request.Request(base + "/metrics")
        req.add_header("Authorization", f"Bearer {token}")
        with urllib.request.urlopen(req, timeout=5) as r:
            body = r.read().decode()
        for line in body.splitlines():
            if line.startswith("cccdd_reads_in_memory"):
                return int(float(line.split()[-1]))
    except Exception:
        pass
    return -1


def sampler():
    pid = daemon.pid
    with open(args.csv, "w") as out:
        out.write("time_s,reads_done,rss_kb,fds,reads_in_memory\n")
        t_start = time.time()
        while not stop_all.is_set() and daemon.poll() is None:
            try:
                rss = next(int(l.split()[1]) for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS:"))
                fds = len(os.listdir(f"/proc/{pid}/fd"))
            except (OSError, StopIteration):
                break
            now = time.time()
            with lock:
                d = done
            kept = reads_in_memory()
            samples.append((now, rss, fds, d, kept))
            out.write(f"{now - t_start:.1f},{d},{rss},{fds},{kept}\n")
            out.flush()
            stop_all.wait(args.sample_every)


events = collections.Counter()


def chaos():
    global pcscd
    last_remove = last_detach = time.time()
    k = 0
    while not stop_all.wait(0.5):
        now = time.time()
        if now - last_detach >= args.detach_every:
            stop(pcscd)
            time.sleep(2.0)
            pcscd = start_pcscd()
            events["reader detach/attach (pcscd restart)"] += 1
            last_detach = last_remove = time.time()
        elif now - last_remove >= args.remove_every:
            i = k % args.readers
            k += 1
            stop(sims[i])
            time.sleep(1.5)
            sims[i] = start_sim(i)
            events["card removal/re-insertion"] += 1
            last_remove = time.time()


threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
aux = [threading.Thread(target=sampler, daemon=True), threading.Thread(target=chaos, daemon=True)]
t0 = time.time()
try:
    for t in aux + threads:
        t.start()
    for t in threads:
        while t.is_alive():
            t.join(1)
            if daemon.poll() is not None:
                print("soak: cccdd exited!", file=sys.stderr)
                stop_all.set()
finally:
    stop_all.set()
    elapsed = time.time() - t0
    daemon_alive = daemon.poll() is None
    for proc in reversed(started):
        stop(proc)

print()
print(f"== soak: {done} reads in {elapsed:.0f} s by {args.clients} clients on {args.readers} reader(s); cccdd "
      + ("ran to the end" if daemon_alive else f"EXITED with {daemon.returncode}"))
print("outcomes:", ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
print(f"reader_busy answers (retried, not counted as reads): {busy[0]}")
print("verdicts of ok reads:", ", ".join(f"{k} {v}" for k, v in overall.most_common()))
print("chaos:", ", ".join(f"{k} {v}" for k, v in events.items()) or "none")
if read_times:
    rt = sorted(read_times)
    print(f"request time: median {rt[len(rt) // 2]:.2f} s, p95 {rt[int(len(rt) * 0.95)]:.2f} s, max {rt[-1]:.2f} s")
warm = [s for s in samples if warm_mark and s[0] >= warm_mark]
if len(warm) >= 2:
    first, last = warm[0], warm[-1]
    growth = (last[1] - first[1]) * 100.0 / first[1]
    fds = [s[2] for s in warm]
    print(f"RSS after warm-up ({first[3]} reads): {first[1]} kB; at the end: {last[1]} kB; growth {growth:+.1f} %; "
          f"max {max(s[1] for s in warm)} kB")
    print(f"reads held in memory (TTL {args.ttl} s) at those samples: {first[4]} and {last[4]}; "
          f"max after warm-up {max(s[4] for s in warm)}")
    print(f"open fds after warm-up: min {min(fds)}, max {max(fds)}, first {first[2]}, last {last[2]}")
    all_fds = [s[2] for s in samples]
    print(f"open fds over the whole run: min {min(all_fds)}, max {max(all_fds)}")
else:
    print("not enough samples after warm-up")
print(f"samples: {args.csv}; logs: {work}")
