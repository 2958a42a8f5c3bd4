import type { FuzzRequest } from "./fuzz-oracle";

/** Returns a number in [0, 1) from a seeded xorshift32 generator (Marsaglia, 2003). */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

function integer(random: Random, below: number): number {
  return Math.floor(random() * below);
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[integer(random, items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** Fragments that often confuse parsers of URLs, cookies and base64. */
const FRAGMENTS = [
  "%",
  "%Z",
  "%zz",
  "%2",
  "%25",
  "%00",
  "%0D%0A",
  "%C0%AF",
  "%FF",
  "%E2%82",
  "%7E",
  "%2F",
  "&",
  "&&",
  "=",
  "==",
  "?",
  "#",
  "/",
  "/../",
  "/./",
  "*",
  ";",
  ",",
  '"',
  "'",
  " ",
  "+",
  "-",
  "_",
  "~",
  "é",
  "€",
  "\u202e",
  "😀",
  "\u00a0",
  "\\",
  "<",
  ">",
  "{",
  "}",
  "Expires=",
  "Policy=",
  "Signature=",
  "Key-Pair-Id=",
  "Hash-Algorithm=",
  "Hash-Algorithm=SHA1",
  "Hash-Algorithm=SHA256",
  "Hash-Algorithm=sha256",
  "Expires=0",
  "Expires=9999999999",
  "CloudFront-Signature=",
  "CloudFront-Key-Pair-Id=",
  "CloudFront-Policy=",
  "CloudFront-Expires=",
];

function randomCharacter(random: Random): string {
  const roll = random();
  if (roll < 0.6) return String.fromCharCode(0x21 + integer(random, 0x5e));
  if (roll < 0.8) return String.fromCharCode(integer(random, 0x100));
  return String.fromCodePoint(integer(random, 0x3000));
}

type StringMutation = (random: Random, text: string) => string;

const flip: StringMutation = (random, text) => {
  if (text.length === 0) return randomCharacter(random);
  const at = integer(random, text.length);
  return text.slice(0, at) + randomCharacter(random) + text.slice(at + 1);
};

const insert: StringMutation = (random, text) => {
  const at = integer(random, text.length + 1);
  const fragment = random() < 0.5 ? pick(random, FRAGMENTS) : randomCharacter(random);
  return text.slice(0, at) + fragment + text.slice(at);
};

const remove: StringMutation = (random, text) => {
  const at = integer(random, text.length + 1);
  return text.slice(0, at) + text.slice(at + 1 + integer(random, 8));
};

const huge: StringMutation = (random, text) => {
  const at = integer(random, text.length + 1);
  const filler = pick(random, ["A", "%41", "&a=b", "-", "\u00e9"]).repeat(
    1 + integer(random, 5_000),
  );
  return text.slice(0, at) + filler + text.slice(at);
};

const toggleCase: StringMutation = (random, text) => {
  const at = integer(random, text.length);
  const character = text.charAt(at);
  const swapped =
    character === character.toLowerCase() ? character.toUpperCase() : character.toLowerCase();
  return text.slice(0, at) + swapped + text.slice(at + 1);
};

const percentEncodeOne: StringMutation = (random, text) => {
  const at = integer(random, text.length);
  const code = text.charCodeAt(at);
  if (Number.isNaN(code) || code > 0x7f) return text;
  const escaped = `%${code.toString(16).toUpperCase().padStart(2, "0")}`;
  return text.slice(0, at) + escaped + text.slice(at + 1);
};

/** Applies a mutation to the query's `&`-separated pairs (or a cookie's `; `-separated ones). */
function pairMutation(separator: string): StringMutation {
  return (random, text) => {
    const question = separator === "&" ? text.indexOf("?") : -1;
    const head = question < 0 ? "" : text.slice(0, question + 1);
    const pairs = (question < 0 ? text : text.slice(question + 1)).split(separator);
    const index = integer(random, pairs.length);
    const other = integer(random, pairs.length);
    const pair = pairs[index] ?? "";
    switch (integer(random, 5)) {
      case 0:
        pairs.splice(other, 0, pair);
        break;
      case 1:
        pairs.splice(
          other,
          0,
          `${pair.split("=")[0] ?? ""}=${flip(random, pair.split("=")[1] ?? "")}`,
        );
        break;
      case 2:
        [pairs[index], pairs[other]] = [pairs[other] ?? "", pair];
        break;
      case 3:
        pairs.splice(index, 1);
        break;
      default:
        pairs[index] = `${pair}${separator}${pick(random, FRAGMENTS)}`;
    }
    return head + pairs.join(separator);
  };
}

const TARGET_MUTATIONS: StringMutation[] = [
  flip,
  insert,
  remove,
  huge,
  toggleCase,
  percentEncodeOne,
  pairMutation("&"),
  pairMutation("&"),
];
const COOKIE_MUTATIONS: StringMutation[] = [
  flip,
  insert,
  remove,
  huge,
  toggleCase,
  percentEncodeOne,
  pairMutation("; "),
  pairMutation("; "),
];

const RANGES = [
  "bytes=0-9",
  "bytes=-5",
  "bytes=5-",
  "bytes=0-0",
  "bytes=99999-",
  "bytes=0-1,3-4",
  "bytes=9-3",
  "bytes=-0",
  "bytes=abc",
  "bytes=--1",
  "bytes=1-2-3",
  `bytes=${"9".repeat(400)}-`,
];
const ODD_HEADERS: Array<[string, () => string]> = [
  ["if-range", () => '"nope"'],
  ["if-none-match", () => "*"],
  ["if-modified-since", () => "not a date"],
  ["if-unmodified-since", () => "Thu, 01 Jan 1970 00:00:00 GMT"],
  ["if-match", () => '"x", W/"y"'],
  ["x-forwarded-for", () => "1.2.3.4, ::ffff:300.1.1.1, garbage"],
  ["x-huge", () => "h".repeat(19_000)],
  ["upgrade", () => "websocket"],
  ["connection", () => "Upgrade"],
];

export interface FuzzCase extends FuzzRequest {
  method: "GET" | "HEAD";
  headers: Record<string, string>;
  /** Names of the mutations applied, for failure messages. */
  applied: string[];
}

/**
 * Mutates a valid request one to three times: its target, its cookies or its headers.
 * Cookies of a signed URL are rarely mutated, because the edge ignores them and such cases
 * are accepted, which makes them the slowest (each reaches s3rver) and the least telling.
 */
export function mutate(random: Random, base: FuzzRequest): FuzzCase {
  const mutated: FuzzCase = {
    target: base.target,
    cookie: base.cookie,
    method: random() < 0.1 ? "HEAD" : "GET",
    headers: {},
    applied: [],
  };
  const cookieShare = base.cookie === undefined ? 0.05 : 0.35;
  const count = 1 + integer(random, 3);
  for (let step = 0; step < count; step += 1) {
    const roll = random();
    if (roll < 0.08) {
      mutated.headers.range = pick(random, RANGES);
      mutated.applied.push("range");
    } else if (roll < 0.14) {
      const [name, value] = pick(random, ODD_HEADERS);
      mutated.headers[name] = value();
      mutated.applied.push(`header:${name}`);
    } else if (roll < 0.14 + cookieShare) {
      const mutation = pick(random, COOKIE_MUTATIONS);
      mutated.cookie = mutation(random, mutated.cookie ?? "");
      mutated.applied.push(`cookie:${mutation.name || "pairs"}`);
    } else {
      const mutation = pick(random, TARGET_MUTATIONS);
      mutated.target = mutation(random, mutated.target);
      mutated.applied.push(`target:${mutation.name || "pairs"}`);
    }
  }
  // A target must start with "/" to be a path; keep most cases there so they reach the verifier.
  if (!mutated.target.startsWith("/") && random() < 0.9) mutated.target = `/${mutated.target}`;
  return mutated;
}

/** Raw request heads with broken framing: CRLF in odd places, bad versions, bare LFs. */
export function rawRequestOf(random: Random, target: string, cookie: string | undefined): string {
  const cookieLine = cookie === undefined ? "" : `Cookie: ${cookie}\r\n`;
  const close = "Connection: close\r\n";
  switch (integer(random, 8)) {
    case 0:
      return `GET ${insert(random, target)}\r\nInjected: yes HTTP/1.1\r\nHost: x\r\n${close}\r\n`;
    case 1:
      return `GET ${target} HTTP/1.1\r\nHost: x\r\nCookie: a=b\r\n injected\r\n${close}\r\n`;
    case 2:
      return `GET ${target} HTTP/1.1\nHost: x\n${cookieLine}Connection: close\n\n`;
    case 3:
      return `GET ${target} HTTP/9.9\r\nHost: x\r\n${close}\r\n`;
    case 4:
      return `GET ${target}%0D%0ASet-Cookie:%20a=b HTTP/1.1\r\nHost: x\r\n${cookieLine}${close}\r\n`;
    case 5: {
      const method = pick(random, ["GET", "HEAD", "get", "G\u00c9T", "M-SEARCH", "CONNECT"]);
      return `${method} ${target} HTTP/1.1\r\nHost: x\r\n${close}\r\n`;
    }
    case 6:
      return `GET ${target} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n${close}\r\n0\r\n\r\n`;
    default:
      return `GET ${target} HTTP/1.1\r\nHost: x\r\n${cookieLine}X-A: ${flip(random, "a\r\nb")}\r\n${close}\r\n`;
  }
}
