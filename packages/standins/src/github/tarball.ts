import zlib from 'node:zlib';

function header(name: string, size: number, type: '0' | '5'): Buffer {
  const block = Buffer.alloc(512);
  let prefix = '';
  let base = name;
  // ustar splits long names into a prefix (155 bytes) and a name (100 bytes).
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  block.write(base, 0, 100);
  block.write(type === '5' ? '0000755\0' : '0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
  );
  block.write('        ', 148);
  block.write(type, 156);
  block.write('ustar\0', 257);
  block.write('00', 263);
  block.write(prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/**
 * A gzipped tar of files under one top folder, the way GitHub's tarball
 * endpoint packs a commit (`<owner>-<repo>-<sha7>/...`).
 */
export function tarGz(top: string, files: ReadonlyMap<string, Buffer>): Buffer {
  const parts: Buffer[] = [header(`${top}/`, 0, '5')];
  for (const [path, content] of [...files].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    parts.push(header(`${top}/${path}`, content.length, '0'), content);
    const pad = (512 - (content.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(parts));
}
