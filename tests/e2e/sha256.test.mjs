// www/sha256.js, the SHA-256 the element's script falls back to where Web Crypto is
// missing (pages on plain http), against Node's crypto: every padding case around the
// 64-byte block, and a file the size of the wasm.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { sha256, sha256Hex } from '../../www/sha256.js';

const hex = (buffer) => Buffer.from(buffer).toString('hex');

test('sha256 matches node:crypto on every length around the block size, and on 400 KB', () => {
  const lengths = [...Array(200).keys(), 1000, 4095, 4096, 4097, 400_003];
  for (const length of lengths) {
    const bytes = randomBytes(length);
    const expected = createHash('sha256').update(bytes).digest('hex');
    assert.equal(hex(sha256(new Uint8Array(bytes))), expected, `length ${length}`);
  }
  // The FIPS 180-4 example "abc", and an ArrayBuffer as given by fetch.
  const abc = new TextEncoder().encode('abc').buffer;
  assert.equal(hex(sha256(abc)), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('sha256Hex gives the same lowercase hex with and without Web Crypto', async () => {
  const bytes = randomBytes(70_000);
  const expected = createHash('sha256').update(bytes).digest('hex');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  assert.ok(globalThis.crypto?.subtle, 'Node has Web Crypto');
  assert.equal(await sha256Hex(buffer), expected);
  const subtle = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(globalThis.crypto), 'subtle');
  Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
  try {
    assert.equal(globalThis.crypto.subtle, undefined);
    assert.equal(await sha256Hex(buffer), expected);
  } finally {
    delete globalThis.crypto.subtle;
    assert.ok(subtle && globalThis.crypto.subtle, 'Web Crypto restored');
  }
});
