#!/usr/bin/env python3
"""Re-verify a cccdkit-evidence/1 bundle with python3 and the OpenSSL command line only
(docs/evidence.md): what a back end can run without CCCDKit.

  python3 scripts/verify-evidence.py BUNDLE.json --csca CSCA.pem

Checks, in order: EF.SOD's CMS signature with the document signer it embeds, and that signer's
chain to the CSCA (openssl cms -verify); that the bundle's documentSigner is that certificate;
every data group's hash against EF.SOD; Active Authentication (the chip's response over the
challenge with DG15's key: RSA ISO/IEC 9796-2 scheme 1, or ECDSA). Prints one line per check;
exit status 0 when all hold, 1 otherwise, 2 for unusable input. Never prints the data itself.
"""
import argparse, base64, hashlib, json, os, re, subprocess, sys, tempfile

HASHES = {"sha1": "sha1", "sha224": "sha224", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}


def unwrap(data, tag):
    """The value of a BER TLV with a one-byte tag (EF.SOD is 77 {ContentInfo}, DG15 is 6F {SPKI})."""
    if not data or data[0] != tag:
        raise ValueError("tag %02X expected" % tag)
    length, pos = data[1], 2
    if length & 0x80:
        n = length & 0x7F
        length, pos = int.from_bytes(data[2:2 + n], "big"), 2 + n
    return data[pos:pos + length]


def openssl(*args, data=None):
    return subprocess.run(["openssl", *args], input=data, capture_output=True)


def signed_by(tmp, certificate_der, ca_pem):
    """Whether `certificate_der` is signed by the CA's key: the TBSCertificate and signature cut at
    the offsets openssl asn1parse gives, checked with openssl dgst / pkeyutl. (openssl verify and
    cms refuse explicit EC parameters, which ICAO certificates often use.)"""
    lines = openssl("asn1parse", "-inform", "DER", data=certificate_der).stdout.decode().splitlines()
    top = [(int(m.group(1)), int(m.group(2)), int(m.group(3)), l)
           for l in lines if (m := re.match(r"\s*(\d+):d=1\s+hl=(\d+)\s+l=\s*(\d+)", l))]
    if len(top) != 3:
        return False
    (t_off, t_hl, t_len, _), (_, _, _, _), (s_off, s_hl, s_len, _) = top
    tbs = certificate_der[t_off:t_off + t_hl + t_len]
    signature = certificate_der[s_off + s_hl + 1:s_off + s_hl + s_len]  # BIT STRING without its unused-bits byte
    algorithm = next((m.group(1) for l in lines[lines.index(top[1][3]):] if (m := re.search(r"OBJECT\s+:(\S+)", l))), "")
    digest = next((h for h in ("sha512", "sha384", "sha256", "sha224", "sha1") if h in algorithm.lower().replace("-", "")), None)
    if digest is None:
        print("  (certificate signature algorithm %s not handled by this script)" % algorithm)
        return False
    for name, data in (("tbs.der", tbs), ("cert.sig", signature)):
        open(os.path.join(tmp, name), "wb").write(data)
    key = os.path.join(tmp, "ca-key.pem")
    open(key, "wb").write(openssl("x509", "-in", ca_pem, "-pubkey", "-noout").stdout)
    return openssl("dgst", "-" + digest, "-verify", key, "-signature", os.path.join(tmp, "cert.sig"),
                   os.path.join(tmp, "tbs.der")).returncode == 0


def sod_hashes(econtent):
    """(hash name, {dg: hash}) from the LDSSecurityObject, read with openssl asn1parse."""
    lines = openssl("asn1parse", "-inform", "DER", data=econtent).stdout.decode().splitlines()
    algorithm = next(m.group(1) for l in lines if (m := re.search(r"OBJECT\s+:(\S+)", l)))
    hashes, number = {}, None
    for line in lines:
        if m := re.search(r"INTEGER\s+:([0-9A-F]+)", line):
            number = int(m.group(1), 16)
        elif (m := re.search(r"OCTET STRING\s+\[HEX DUMP\]:([0-9A-F]+)", line)) and number is not None:
            hashes[number] = bytes.fromhex(m.group(1))
            number = None
    return algorithm, hashes


def iso9796_1(recovered, challenge):
    """ISO/IEC 9796-2 scheme 1 (partial recovery): 6A | M1 | H(M1 | challenge) | trailer."""
    block = recovered.lstrip(b"\x00")
    if len(block) < 3 or block[0] & 0xC0 != 0x40 or block[0] & 0x2F != 0x2A:
        return False
    if block[-1] == 0xBC:
        name, trailer = "sha1", 1
    elif block[-1] == 0xCC:
        name, trailer = {0x33: "sha1", 0x34: "sha256", 0x35: "sha512", 0x36: "sha384", 0x38: "sha224"}.get(block[-2]), 2
    else:
        return False
    if name is None:
        return False
    size = hashlib.new(name).digest_size
    m1, digest = block[1:len(block) - trailer - size], block[len(block) - trailer - size:len(block) - trailer]
    return hashlib.new(name, m1 + challenge).digest() == digest


def der_integer(value):
    value = value.lstrip(b"\x00") or b"\x00"
    if value[0] & 0x80:
        value = b"\x00" + value
    return b"\x02" + bytes([len(value)]) + value


def active_authentication(tmp, dg15, aa):
    challenge, response = base64.b64decode(aa["challenge"]), base64.b64decode(aa["response"])
    key = os.path.join(tmp, "aa-key.der")
    open(key, "wb").write(unwrap(dg15, 0x6F))
    text = openssl("pkey", "-pubin", "-inform", "DER", "-in", key, "-noout", "-text_pub").stdout.decode()
    sig = os.path.join(tmp, "aa.sig")
    if "RSA" in text or "Modulus" in text:
        open(sig, "wb").write(response)
        out = openssl("pkeyutl", "-verifyrecover", "-pubin", "-keyform", "DER", "-inkey", key,
                      "-pkeyopt", "rsa_padding_mode:none", "-in", sig)
        return out.returncode == 0 and iso9796_1(out.stdout, challenge)
    # ECDSA: plain r | s (TR-03111) → DER; any of the usual hashes.
    half = len(response) // 2
    body = der_integer(response[:half]) + der_integer(response[half:])
    open(sig, "wb").write(b"\x30" + bytes([len(body)]) + body)
    message = os.path.join(tmp, "aa.challenge")
    open(message, "wb").write(challenge)
    return any(openssl("dgst", "-" + h, "-verify", key, "-keyform", "DER", "-signature", sig, message).returncode == 0
               for h in ("sha256", "sha1", "sha384", "sha512", "sha224"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle")
    parser.add_argument("--csca", required=True, help="the CSCA certificate(s), PEM")
    args = parser.parse_args()
    try:
        bundle = json.load(open(args.bundle))
        assert bundle.get("format") == "cccdkit-evidence/1", "not a cccdkit-evidence/1 bundle"
        raw = {k: base64.b64decode(v) for k, v in bundle["raw"].items() if v is not None}
        sod = unwrap(raw["sod"], 0x77)
    except Exception as error:  # unusable input
        print("unusable bundle: %s" % error)
        return 2
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        path = lambda name: os.path.join(tmp, name)
        open(path("sod.der"), "wb").write(sod)
        # 1. The CMS signature (signed attributes, messageDigest of the eContent) with the embedded DSC.
        verify = openssl("cms", "-verify", "-noverify", "-inform", "DER", "-in", path("sod.der"), "-binary",
                         "-out", path("econtent.der"), "-signer", path("signer.pem"))
        signed = verify.returncode == 0
        print("SOD signature (by its document signer): %s" % ("valid" if signed else "INVALID"))
        if not signed:
            print("overall: INVALID")
            return 1
        signer = openssl("x509", "-in", path("signer.pem"), "-outform", "DER").stdout
        # 2. The DSC: issued by the CSCA (name and signature) and within its validity now.
        issuer = openssl("x509", "-in", path("signer.pem"), "-noout", "-issuer", "-nameopt", "RFC2253").stdout.split(b"=", 1)[-1]
        subject = openssl("x509", "-in", args.csca, "-noout", "-subject", "-nameopt", "RFC2253").stdout.split(b"=", 1)[-1]
        chained = issuer.strip() == subject.strip() and signed_by(tmp, signer, args.csca)
        print("DSC issued and signed by the CSCA: %s" % ("valid" if chained else "INVALID"))
        current = openssl("x509", "-in", path("signer.pem"), "-noout", "-checkend", "0").returncode == 0
        print("DSC within its validity now: %s" % ("yes" if current else "NO (expired or not yet valid)"))
        ok &= chained
        given = base64.b64decode((bundle.get("documentSigner") or {}).get("der", ""))
        print("documentSigner is the SOD's signer: %s" % ("yes" if given == signer else "NO"))
        ok &= given == signer
        algorithm, hashes = sod_hashes(open(path("econtent.der"), "rb").read())
        for key in sorted(k for k in raw if re.fullmatch(r"dg[0-9]+", k)):
            number = int(key[2:])
            good = number in hashes and hashlib.new(HASHES[algorithm], raw[key]).digest() == hashes[number]
            print("DG%d hash (%s): %s" % (number, algorithm, "valid" if good else "MISMATCH"))
            ok &= good
        aa = bundle.get("activeAuthentication")
        if aa and "dg15" in raw:
            good = active_authentication(tmp, raw["dg15"], aa)
            print("Active Authentication: %s" % ("valid" if good else "INVALID"))
            ok &= good
        else:
            print("Active Authentication: not in the bundle")
    print("overall: %s" % ("VALID" if ok else "INVALID"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
