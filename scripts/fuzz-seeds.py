#!/usr/bin/env python3
"""Writes the seed inputs of one fuzz target into a folder (scripts/fuzz.sh calls it).

Seeds come from the repository's own test data (TestVectors: the synthetic data sets, the test
PKI's master list, the transcripts' responses), the committed corpus
(Tests/CCCDFuzzingTests/Corpus/TARGET) and, when the checkout sits next to it, the third-party
samples in ../shared/samples (copied into the git-ignored run corpus only, never committed).
Each seed is framed the way the target's entry function reads its input (Sources/CCCDFuzzing).

    scripts/fuzz-seeds.py TARGET FOLDER
"""
import hashlib
import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# ../shared, or $CCCD_SHARED_DIR; FUZZ_SEEDS_NO_SHARED=1 leaves the third-party samples out (used to
# build the committed corpus).
SHARED_ROOT = pathlib.Path(os.environ.get("CCCD_SHARED_DIR") or ROOT.parent / "shared")
SHARED = SHARED_ROOT / "samples" if not os.environ.get("FUZZ_SEEDS_NO_SHARED") else pathlib.Path("/nonexistent")
DATASETS = ROOT / "TestVectors" / "datasets"
TRANSCRIPTS = ROOT / "TestVectors" / "transcripts"
COMMITTED = ROOT / "Tests" / "CCCDFuzzingTests" / "Corpus"

# LDSFile.allFiles order: EF.CardAccess, EF.CardSecurity, EF.ATR/INFO, EF.COM, EF.SOD, DG1…DG16.
LDS_INDEX = {"EF.CardAccess": 0, "EF.CardSecurity": 1, "EF.ATR-INFO": 2, "EF.COM": 3, "EF.SOD": 4}
LDS_INDEX.update({f"DG{n}": 4 + n for n in range(1, 17)})

# Third-party sample names → dump-layout names.
SAMPLE_ROLES = {
    "EF_COM": "EF.COM", "ef011E": "EF.COM", "EF_SOD": "EF.SOD", "ef011D": "EF.SOD",
    "ef0101": "DG1", "ef0102": "DG2", "ef010F": "DG15",
}


def role(path: pathlib.Path):
    """The dump-layout name of a file (EF.COM, EF.SOD, DGn, EF.CardAccess, …) or None."""
    stem = path.stem
    if stem in LDS_INDEX:
        return stem
    if stem in SAMPLE_ROLES:
        return SAMPLE_ROLES[stem]
    for marker in ("EF.CardAccess", "EF.CardSecurity"):
        if stem.endswith(marker):
            return marker
    for prefix in ("Datagroup", "EF_DG"):
        if stem.startswith(prefix) and stem[len(prefix):].isdigit():
            return f"DG{int(stem[len(prefix):])}"
    for part in reversed(stem.split("_")):
        if part.startswith("DG") and part[2:].isdigit():
            return f"DG{int(part[2:])}"
        if part == "SOD":
            return "EF.SOD"
    return None


def card_files():
    """(role, bytes) of every LDS file in the data sets and the shared samples."""
    roots = [DATASETS] + ([SHARED] if SHARED.is_dir() else [])
    for base in roots:
        for path in sorted(base.rglob("*.bin")):
            name = role(path)
            if name:
                yield name, path.read_bytes()
    if SHARED.is_dir():
        dump = SHARED / "jmrtd_efcardsecurity.dump"
        if dump.is_file():
            yield "EF.CardSecurity", dump.read_bytes()


def responses():
    """The response APDUs of the committed transcripts, in order, per transcript."""
    for path in sorted(TRANSCRIPTS.glob("*.jsonl")):
        lines = path.read_text().splitlines()[1:]
        yield [bytes.fromhex(json.loads(line)["r"]) for line in lines if '"r"' in line]


def frame(answers):
    """response-apdu input: each answer as a length byte and the bytes."""
    out = b""
    for answer in answers:
        answer = answer[:255]
        out += bytes([len(answer)]) + answer
    return out


def seeds(target):
    files = list(card_files())

    def by_role(*names):
        return [data for name, data in files if name in names]

    if target == "tlv":
        return [data for _, data in files]
    if target == "lds-file":
        return [bytes([LDS_INDEX[name]]) + data for name, data in files if name in LDS_INDEX]
    if target == "ef-com":
        return by_role("EF.COM")
    if target == "dg1":
        return by_role("DG1")
    if target == "dg2":
        return by_role("DG2")
    if target == "dg13":
        return by_role("DG13")
    if target == "dg15":
        return by_role("DG15")
    if target == "sod":
        return by_role("EF.SOD")
    if target == "security-infos":
        return ([b"\x00" + d for d in by_role("EF.CardAccess")] + [b"\x01" + d for d in by_role("DG14")]
                + [b"\x02" + d for d in by_role("EF.CardSecurity")])
    if target == "master-list":
        return [p.read_bytes() for p in sorted(ROOT.glob("TestVectors/**/*.ml"))]
    if target == "response-apdu":
        out = []
        for session in responses():
            out += [frame([r]) for r in session if len(r) <= 255]
            out += [frame(session[i:i + 3]) for i in range(0, len(session), 3)]
        # GET RESPONSE and wrong-Le paths.
        out += [frame([b"\x61\x04", b"\x01\x02\x03\x04\x90\x00"]), frame([b"\x6C\x02", b"\xAA\xBB\x90\x00"]),
                frame([b"\x61\x00"] * 3 + [b"\x90\x00"])]
        return out
    if target == "secure-messaging":
        out = [
            # ICAO 9303-11 App. D.4: SELECT EF.COM response (SSC …C228) and READ BINARY (…C22A).
            bytes.fromhex("00990290008E08FA855A5D4C50A8ED9000"),
            bytes.fromhex("008709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"),
            bytes.fromhex("02990290008E08FA855A5D4C50A8ED9000"),
            bytes.fromhex("028709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"),
            # Structured: protect then unprotect, with and without a flipped bit.
            bytes.fromhex("8000900060145F01"), bytes.fromhex("8001628200"), bytes.fromhex("80C5900001020304"),
        ]
        for session in responses():
            out += [b"\x00" + r for r in session if r[:1] in (b"\x87", b"\x85", b"\x99")][:8]
        return out
    if target == "daemon-request":
        return []  # hand-written bodies only: Tests/CCCDFuzzingTests/Corpus/daemon-request
    raise SystemExit(f"fuzz-seeds.py: unknown target {target}")


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    target, folder = sys.argv[1], pathlib.Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    if not SHARED.is_dir() and not os.environ.get("FUZZ_SEEDS_NO_SHARED"):
        print(f"fuzz-seeds: {SHARED} not found: seeds from TestVectors and the committed corpus only", file=sys.stderr)
    data = seeds(target)
    committed = COMMITTED / target
    if committed.is_dir():
        data += [p.read_bytes() for p in sorted(committed.iterdir()) if p.is_file()]
    for item in data:
        if 0 < len(item) <= 65536:
            (folder / ("seed-" + hashlib.sha1(item).hexdigest())).write_bytes(item)
    print(f"fuzz-seeds: {target}: {len(data)} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
