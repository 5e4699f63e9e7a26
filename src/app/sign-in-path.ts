/** The sign-in page, remembering where the person was going (the home page is where it sends them anyway). */
export function signInPath(next: string): string {
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
