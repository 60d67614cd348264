/**
 * The local server routes by the request line only. RFC 9110 §7.2: Host is `uri-host [":" port]`;
 * anything else (`a b`, `[::1`, `%zz`, `x/rest/change-sets?`) is a malformed request, refused
 * before a URL is built from it. A valid one cannot move the path: it holds no `/`, `?`, `#` or `@`.
 */
const REG_NAME = /^[A-Za-z0-9._~!$&'()*+,;=-]+$/;
const IP_LITERAL = /^\[[0-9A-Fa-f:.]+\]$/;
const PORT = /^\d{1,5}$/;

export function isValidHost(host: string | undefined): host is string {
  if (!host) return false;
  const bracketEnd = host.lastIndexOf(']');
  const colon = host.lastIndexOf(':');
  const hasPort = colon > bracketEnd;
  const name = hasPort ? host.slice(0, colon) : host;
  if (hasPort && !PORT.test(host.slice(colon + 1))) return false;
  return REG_NAME.test(name) || IP_LITERAL.test(name);
}

/**
 * The origin-form target (`/path?query`) of a request line: as sent, or the path and query of an
 * absolute-form target (RFC 9112 §3.2.2, whose authority a server ignores for routing here).
 * Undefined for anything else (`*`, garbage).
 */
export function originFormTarget(target: string | undefined): string | undefined {
  if (!target) return undefined;
  if (target.startsWith('/')) return target.startsWith('//') ? undefined : target;
  if (!/^https?:\/\//i.test(target)) return undefined;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}
