// The dataset of an element's `src`: fetched without credentials, bounded in time and
// size, and refused with a message a blogger can act on, in the chart's language.

import { say } from './words.js';

const FETCH_TIMEOUT_MS = 10000;
const MAX_DATASET_BYTES = 5 * 1024 * 1024;

/**
 * The body of `response` as text, refused as soon as it passes MAX_DATASET_BYTES (the
 * limit of the Rust side, in UTF-8 bytes): by its Content-Length before reading, else
 * while it streams in, so that an endless or huge response never fills the memory.
 */
async function readCapped(response, tooLarge) {
  if (Number(response.headers.get('content-length')) > MAX_DATASET_BYTES) throw tooLarge();
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_DATASET_BYTES) {
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Why a dataset URL could not be used, in words a blogger can act on. */
export async function fetchDataset(url, lang) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  const timedOut = () => new Error(say(lang, 'fetchTimeout', { url, s: FETCH_TIMEOUT_MS / 1000 }));
  let response;
  try {
    response = await fetch(url, { credentials: 'omit', signal: controller.signal, cache: 'no-cache' });
  } catch (error) {
    clearTimeout(timer);
    if (error.name === 'AbortError') throw timedOut();
    throw new Error(say(lang, 'fetchNetwork', { url }));
  }
  try {
    if (!response.ok) {
      throw new Error(say(lang, 'fetchStatus', { url, status: response.status }));
    }
    const text = await readCapped(response, () => new Error(say(lang, 'fetchTooLarge', { url }))).catch((error) => {
      // A body that stops coming in is aborted by the same timer as the request.
      throw error.name === 'AbortError' ? timedOut() : error;
    });
    if (/^\s*</.test(text)) {
      const type = response.headers.get('content-type') ?? '?';
      throw new Error(say(lang, 'fetchPage', { url, type }));
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}
