// The daemon's public API as the page uses it: bearer token, JSON bodies, the stable error codes of
// `{"error": {"code", "message"}}`. Same calls as any integrator makes (docs/interfaces.md).

export class APIError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

/**
 * A client whose token comes from `getToken()` at each call; `onUnauthorized()` runs on a 401
 * (the page then asks for the token).
 */
export function createClient({ getToken, onUnauthorized = () => {} }) {
  async function request(method, path, { body, headers = {}, signal } = {}) {
    const init = { method, headers: { ...headers }, cache: "no-store", signal, credentials: "omit" };
    const token = getToken();
    if (token) init.headers["Authorization"] = `Bearer ${token}`;
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (error) {
      if (error.name === "AbortError") throw error;
      throw new APIError(0, "network", String(error));
    }
    if (!response.ok) {
      let code = "internal";
      let message = `HTTP ${response.status}`;
      try {
        const payload = await response.json();
        if (payload && payload.error) {
          code = payload.error.code || code;
          message = payload.error.message || message;
        }
      } catch (_) { /* not JSON */ }
      if (response.status === 401) onUnauthorized();
      throw new APIError(response.status, code, message);
    }
    return response;
  }

  async function json(method, path, options) {
    const response = await request(method, path, options);
    if (response.status === 204) return null;
    return response.json();
  }

  return { request, json };
}

/** The bytes of `blob` in base64 (the daemon's JSON carries images that way). */
export function base64(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** A random session id for `X-Session-Id` (not personal data). */
export function newSessionID() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
