// Loads a module of the teller page (Sources/CCCDTellerPage/Assets) without a package.json: as a
// data: URL, which Node always treats as an ES module (Debian 12's Node 18 included). Only for the
// page's dependency-free modules (no relative imports).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const assets = fileURLToPath(new URL("../../Sources/CCCDTellerPage/Assets/", import.meta.url));

export function source(name) {
  return readFileSync(assets + name, "utf8");
}

export function load(name) {
  return import("data:text/javascript;charset=utf-8," + encodeURIComponent(source(name)));
}
