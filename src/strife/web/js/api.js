// Fetching from the strife API. Errors have one shape: {"error": {status, code, message}}.
// With a private server the token is asked once and kept for the browser tab.

const TOKEN_KEY = "strife-token";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, item);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function getJSON(path, params = {}) {
  const response = await fetch(path + query(params), { headers: authHeaders() });
  if (response.status === 401 && (await askToken())) return getJSON(path, params);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new ApiError(response.status, message);
  }
  return body;
}

// A file from the API saved by the browser. A link cannot carry the token of a private
// server, so the file is fetched with it and handed to the browser as a download.
export async function download(path, filename) {
  const response = await fetch(path, { headers: authHeaders() });
  if (response.status === 401 && (await askToken())) return download(path, filename);
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, body && body.error ? body.error.message : response.statusText);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

let pendingToken = null;

function askToken() {
  if (pendingToken) return pendingToken;
  const dialog = document.getElementById("token-dialog");
  const input = document.getElementById("token-input");
  pendingToken = new Promise((resolve) => {
    dialog.addEventListener(
      "close",
      () => {
        pendingToken = null;
        if (input.value) sessionStorage.setItem(TOKEN_KEY, input.value);
        resolve(Boolean(input.value));
        input.value = "";
      },
      { once: true },
    );
    dialog.showModal();
  });
  return pendingToken;
}
