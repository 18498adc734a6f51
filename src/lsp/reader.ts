// A base-protocol reader (Content-Length framing + JSON) that survives bad input.
// vscode-jsonrpc's StreamMessageReader stops making sense of the stream after one bad frame:
// a header without Content-Length or a body that is not JSON leaves it reading the next
// body as a header, so every later message is lost. This reader reports the bad frame and
// resynchronises on the next `Content-Length:` header, so the server keeps serving.
import type { Readable } from 'node:stream';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

/** Frames declaring more than this are refused rather than buffered; a 50 MB document fits. */
export const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 8192;
const decoder = new TextDecoder('utf-8', { fatal: true });

export class ResyncingMessageReader extends AbstractMessageReader {
  /** Unparsed bytes; while a body is pending, kept as chunks so a 50 MB body is copied once. */
  private chunks: Buffer[] = [];
  private size = 0;
  /** Body length of the frame being read, once its header is parsed; -1 while reading a header. */
  private bodyLength = -1;

  constructor(
    private readonly input: Readable,
    /** Called with a one-line description of each frame that was dropped. */
    private readonly onBadFrame: (problem: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer) => this.consume(chunk, callback);
    const onClose = () => this.fireClose();
    const onError = (e: Error) => this.fireError(e);
    this.input.on('data', onData);
    this.input.on('end', onClose);
    this.input.on('error', onError);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('end', onClose);
        this.input.off('error', onError);
      },
    };
  }

  private get buffer(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private set buffer(b: Buffer) {
    this.chunks = b.length ? [b] : [];
    this.size = b.length;
  }

  private consume(chunk: Buffer, callback: DataCallback): void {
    const previousTail = this.chunks[this.chunks.length - 1]?.subarray(-32) ?? Buffer.alloc(0);
    this.chunks.push(chunk);
    this.size += chunk.length;
    for (;;) {
      if (this.bodyLength < 0 && !this.readHeader()) return;
      if (this.size < this.bodyLength) {
        // A header arriving inside the body means the declared length was too large.
        if (!Buffer.concat([previousTail, chunk]).includes(HEADER_END)) return;
        const next = nextHeader(this.buffer, 1);
        if (next < 0 || this.buffer.indexOf(HEADER_END, next) < 0) return;
        this.onBadFrame(`Content-Length ${this.bodyLength} is larger than the message; dropped`);
        this.buffer = this.buffer.subarray(next);
        this.bodyLength = -1;
        continue;
      }
      const all = this.buffer;
      const body = all.subarray(0, this.bodyLength);
      const message = this.decode(body);
      // A body that is not a message may hold the next frame (Content-Length too small):
      // restart at the first header inside it, else after it.
      const next = message ? -1 : nextHeader(body, 0);
      this.buffer = all.subarray(next >= 0 ? next : this.bodyLength);
      this.bodyLength = -1;
      if (message) callback(message);
    }
  }

  /** Parses the header at the start of the buffer; false when more bytes are needed. */
  private readHeader(): boolean {
    for (;;) {
      const buffer = this.buffer;
      const end = buffer.indexOf(HEADER_END);
      if (end < 0) {
        // No header end yet. Bytes before a later `Content-Length:` are garbage; a long run
        // with none is too, except a tail that may be the start of one.
        const next = nextHeader(buffer, 1);
        if (next > 0) this.buffer = buffer.subarray(next);
        else if (buffer.length > MAX_HEADER_BYTES) {
          this.onBadFrame(`${buffer.length} bytes with no message header; dropped`);
          this.buffer = buffer.subarray(-16);
        }
        return false;
      }
      const header = buffer.subarray(0, end).toString('latin1');
      const length = /^content-length:[ \t]*(\d+)[ \t]*$/im.exec(header)?.[1];
      const size = length === undefined ? NaN : Number(length);
      const rest = buffer.subarray(end + HEADER_END.length);
      if (Number.isSafeInteger(size) && size <= MAX_MESSAGE_BYTES) {
        this.buffer = rest;
        this.bodyLength = size;
        return true;
      }
      // A Content-Length past the limit is treated like a missing one: skipping that many
      // bytes could swallow the rest of the session.
      const why = Number.isSafeInteger(size) ? `over the ${MAX_MESSAGE_BYTES}-byte limit` : 'expected "Content-Length: <bytes>"';
      this.onBadFrame(`bad message header ${JSON.stringify(header.slice(0, 80))}: ${why}`);
      const next = nextHeader(buffer, 1);
      this.buffer = next > 0 ? buffer.subarray(next) : rest;
    }
  }

  private decode(body: Buffer): Message | undefined {
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      this.onBadFrame('message body is not valid UTF-8; dropped');
      return undefined;
    }
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Message;
      this.onBadFrame('message body is not a JSON-RPC object; dropped');
    } catch (e) {
      this.onBadFrame(`message body is not valid JSON (${(e as Error).message.split('\n')[0]}); dropped`);
    }
    return undefined;
  }
}

/** Offset of the next `Content-Length:` at or after `from` (garbage may precede it on its line), or -1. */
function nextHeader(buffer: Buffer, from: number): number {
  const re = /content-length:/gi;
  re.lastIndex = from;
  return re.exec(buffer.toString('latin1'))?.index ?? -1;
}
