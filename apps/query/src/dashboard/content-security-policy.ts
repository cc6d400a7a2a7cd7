/**
 * The dashboard's Content-Security-Policy. The page holds a bureau token, so nothing but our own
 * files may run or be fetched: no inline script or style, no eval, no third-party origin (ECharts is
 * served from node_modules by this app), no framing. helmet's global CSP is off (the API answers
 * JSON), so the policy is set here, on every dashboard response.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
