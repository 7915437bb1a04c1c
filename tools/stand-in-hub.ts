// A local stand-in for the model hub: a model folder served at the hub's URL layout
// (`/<repo>/resolve/<revision>/<path>`) with the hub's listing API (`/api/models/<repo>/tree/
// <revision>/onnx`: sizes and LFS sha256), cross-origin like the real one. Tests make it fail on
// purpose: a file cut short, bytes that do not match the listed hash, a server error, or no
// server at all.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, normalize, resolve } from 'node:path';

/** What goes wrong, per file path in the repo (e.g. `onnx/decoder_model_merged_int8.onnx`). */
export interface HubFaults {
  /** Sends half of the file while announcing all of it, then ends the response. */
  truncate?: string;
  /** Serves the file with one byte changed: same size, another sha256. */
  corrupt?: string;
  /** Answers HTTP 500. */
  error?: string;
}

export interface StandInHub {
  /** Base URL to give the page as `?hub=`. */
  url: string;
  /** Every request path received, in order. */
  requests: string[];
  faults: HubFaults;
  /** Stops answering: connections are refused until `online()`. */
  offline(): Promise<void>;
  online(): Promise<void>;
  close(): Promise<void>;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'content-length' };

async function listing(folder: string, sub: string): Promise<object[]> {
  const names = (await readdir(join(folder, sub))).sort();
  return Promise.all(names.map(async (name) => {
    const bytes = await readFile(join(folder, sub, name));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { type: 'file', path: `${sub}/${name}`, size: bytes.length, lfs: { oid: sha256, size: bytes.length, pointerSize: 134 } };
  }));
}

/** Serves `folder` as `repo` at `revision` on a free localhost port. */
export async function startStandInHub(folder: string, repo: string, revision: string, port = 0): Promise<StandInHub> {
  const root = resolve(folder);
  const requests: string[] = [];
  const faults: HubFaults = {};
  const resolvePrefix = `/${repo}/resolve/${revision}/`;
  const treePrefix = `/api/models/${repo}/tree/${revision}/`;
  const handler = async (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (req.method === 'OPTIONS') { res.writeHead(204, { ...CORS, 'access-control-allow-headers': '*' }).end(); return; }
    try {
      if (path.startsWith(treePrefix)) {
        const body = JSON.stringify(await listing(root, path.slice(treePrefix.length)));
        res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(body);
        return;
      }
      if (path.startsWith(resolvePrefix)) {
        const rel = path.slice(resolvePrefix.length);
        const file = normalize(join(root, rel));
        if (!file.startsWith(root + '/')) throw new Error('outside');
        if (faults.error === rel) { res.writeHead(500, CORS).end('stand-in hub: internal error'); return; }
        let body = await readFile(file);
        if (faults.corrupt === rel) { body = Buffer.from(body); body[body.length >> 1] ^= 0xff; }
        const head = { ...CORS, 'content-type': 'application/octet-stream', 'content-length': String(body.length) };
        if (faults.truncate === rel) {
          res.writeHead(200, head);
          // The connection drops mid-file, once the first half is on the wire: the browser sees fewer bytes than announced.
          res.write(body.subarray(0, body.length >> 1), () => res.socket?.destroy());
          return;
        }
        res.writeHead(200, head).end(body);
        return;
      }
    } catch {
      // falls through to 404
    }
    res.writeHead(404, { ...CORS, 'content-type': 'text/plain' }).end('Entry not found');
  };
  const sockets = new Set<Socket>();
  let server: Server = createServer((req, res) => { void handler(req, res); });
  const listen = async (at: number): Promise<number> => {
    server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
    await new Promise<void>((ok) => server.listen(at, '127.0.0.1', ok));
    return (server.address() as AddressInfo).port;
  };
  const stop = async (): Promise<void> => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((ok) => server.close(() => ok()));
  };
  const bound = await listen(port);
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    faults,
    offline: stop,
    async online() {
      server = createServer((req, res) => { void handler(req, res); });
      await listen(bound);
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
