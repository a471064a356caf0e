// Short import names for the wasm module and its wasm-bindgen glue. wasm-bindgen names each import
// after the JS function plus a 16-digit hash (`__wbg_getRandomValues_5d8c030b527203a6`); both files
// carry every name, and the hashes do not compress. Emscripten renames imports the same way (binaryen's
// minify-imports pass, which leaves wasm-bindgen's module alone). Only names that the glue provides
// as keys are renamed, and every one must be found there, or the build fails.

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const utf8 = new TextDecoder();
const encode = (text) => [...new TextEncoder().encode(text)];

// Where an import's description ends: function, table, memory, global, tag.
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readLeb(bytes, p);
    if (flags & 1) [, p] = readLeb(bytes, p);
    return p;
  };
  if (kind === 0 || kind === 4) return readLeb(bytes, kind === 4 ? at + 1 : at)[1];
  if (kind === 1) return limits(at + 1);
  if (kind === 2) return limits(at);
  if (kind === 3) return at + 2;
  throw new Error(`unknown import kind ${kind}`);
}

/** Renames the imports the glue provides; returns the new wasm and glue and how many were renamed. */
export function shortenImports(wasm, glue) {
  const taken = (name) => new RegExp(`\\b${name}\\b`).test(glue);
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let counter = 0;
  const nextName = () => {
    for (;;) {
      let n = counter++;
      let name = "";
      do {
        name = letters[n % letters.length] + name;
        n = Math.floor(n / letters.length) - 1;
      } while (n >= 0);
      if (!taken(name)) return name;
    }
  };

  const parts = [wasm.subarray(0, 8)];
  const renames = new Map();
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    let body = wasm.subarray(start, start + size);
    at = start + size;
    if (id === 2) {
      let [count, p] = readLeb(body, 0);
      const rebuilt = [...leb(count)];
      while (count--) {
        let length;
        [length, p] = readLeb(body, p);
        const module = utf8.decode(body.subarray(p, (p += length)));
        [length, p] = readLeb(body, p);
        const name = utf8.decode(body.subarray(p, (p += length)));
        const end = skipDescription(body, p);
        let renamed = name;
        if (glue.includes(`"${module}"`) && /^__wbg|^__wbindgen/.test(name)) {
          renamed = renames.get(name) ?? nextName();
          renames.set(name, renamed);
        }
        const moduleBytes = encode(module);
        const nameBytes = encode(renamed);
        rebuilt.push(...leb(moduleBytes.length), ...moduleBytes, ...leb(nameBytes.length), ...nameBytes);
        rebuilt.push(...body.subarray(p, end));
        p = end;
      }
      body = Uint8Array.from(rebuilt);
    }
    parts.push(Uint8Array.from([id, ...leb(body.length)]), body);
  }

  for (const [name, renamed] of renames) {
    const word = new RegExp(`\\b${name}\\b`, "g");
    if (!word.test(glue)) throw new Error(`import ${name} is not in the JS glue`);
    glue = glue.replace(word, renamed);
  }
  return { wasm: Buffer.concat(parts), glue, count: renames.size };
}
