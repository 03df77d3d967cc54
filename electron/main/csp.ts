/**
 * The Content-Security-Policy every response gets. Scripts only from the app's own files (no eval,
 * no inline script), inline styles allowed because React and ag-grid set style attributes, images
 * also from data:/blob: (chart snapshots), no plugins, no <base>, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Returns the response headers with our policy in place of any the response carried. Header names
 * are case-insensitive, so a stray `content-security-policy` must go too or the page would get two.
 */
export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
  return result
}
