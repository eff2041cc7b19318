/**
 * True when a request path cannot be percent-decoded ("/flows/%ff", "/api/v1/flows/%E0%A4%A/copy"). Next answers
 * those with a bare 500 while matching the route; middleware answers 400 first (issue 11, case 10).
 */
export function hasMalformedPercentEncoding(rawPathname: string): boolean {
  if (!rawPathname.includes("%")) return false;
  try {
    decodeURIComponent(rawPathname);
    return false;
  } catch {
    return true;
  }
}
