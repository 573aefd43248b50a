import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../../../../test/support/suppliers-audits-factory.js';
import { storedName } from './evidence-service.js';
import { sniffEvidence, zipEntryNames } from './evidence-sniff.js';

/** A zip archive with stored (uncompressed) entries, as Office files are zips. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const types = '<?xml version="1.0"?><Types/>';

describe('evidence sniffing', () => {
  it('recognises each allowed kind from its bytes', () => {
    expect(sniffEvidence(sampleFiles.pdf)).toBe('pdf');
    expect(sniffEvidence(sampleFiles.png)).toBe('png');
    expect(sniffEvidence(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(sniffEvidence(zip({ '[Content_Types].xml': types, 'xl/workbook.xml': '<workbook/>' }))).toBe('xlsx');
    expect(sniffEvidence(zip({ '[Content_Types].xml': types, 'word/document.xml': '<document/>' }))).toBe('docx');
    expect(sniffEvidence(sampleFiles.csv)).toBe('csv');
    expect(sniffEvidence(Buffer.from('Procédure de sauvegarde\nrevue en octobre.', 'latin1'))).toBe('txt');
    expect(sniffEvidence(Buffer.from('Une seule ligne, avec une virgule'))).toBe('txt');
  });

  it('refuses executables, other archives, scripts with control bytes and broken zips', () => {
    expect(sniffEvidence(sampleFiles.exe)).toBeNull();
    expect(sniffEvidence(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toBeNull(); // ELF
    expect(sniffEvidence(zip({ 'payload.exe': 'MZ' }))).toBeNull();
    expect(sniffEvidence(zip({ '[Content_Types].xml': types, 'ppt/presentation.xml': '<p/>' }))).toBeNull();
    expect(sniffEvidence(Buffer.from('PK\u0003\u0004truncated'))).toBeNull();
    expect(sniffEvidence(Buffer.from('GIF89a\u0001\u0000'))).toBeNull();
    expect(zipEntryNames(zip({ a: '1', 'b/c.xml': '2' }))).toEqual(['a', 'b/c.xml']);
  });

  it('keeps a safe name that ends with the real extension', () => {
    expect(storedName('rapport.PDF', 'pdf')).toBe('rapport.PDF');
    expect(storedName('C:\\Users\\x\\audit.exe', 'pdf')).toBe('audit.exe.pdf');
    expect(storedName('../../etc/"pass\u0007wd"', 'txt')).toBe('passwd.txt');
    expect(storedName(undefined, 'png')).toBe('preuve.png');
  });

  it('never throws on arbitrary bytes, zip-like or not, and answers an allowed kind or null', () => {
    const kinds = [null, 'pdf', 'png', 'jpeg', 'xlsx', 'docx', 'csv', 'txt'];
    const zipLike = fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(b)]));
    const withEnd = fc
      .tuple(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ minLength: 18, maxLength: 18 }))
      .map(([a, tail]) =>
        Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(a), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.from(tail)]),
      );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
          zipLike,
          withEnd,
        ),
        (bytes) => {
          expect(kinds).toContain(sniffEvidence(bytes));
        },
      ),
      { numRuns: 500 },
    );
  });
});
