/**
 * "1 admin", "3 admins", "1,200 people": every count in a sentence, in the browser and in the
 * server's labels and reviews alike, so no message reads "Make 1 admins".
 */
export function plural(count: number, one: string, other: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : other}`;
}
