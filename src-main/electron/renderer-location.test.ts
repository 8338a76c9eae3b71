/** Which page the app loads, by table: the built file unless an unpackaged run names a dev server. */
import { describe, expect, it } from 'vitest';
import { chooseRenderer } from './renderer-location';

const FILE = '/opt/neighborhood/out/renderer/index.html';
const fileChoice = { kind: 'file', path: FILE, url: 'file:///opt/neighborhood/out/renderer/index.html' };

describe('chooseRenderer', () => {
  it.each([
    { name: 'no dev server, unpackaged', isPackaged: false, dev: undefined, location: fileChoice, ignored: null },
    { name: 'no dev server, packaged', isPackaged: true, dev: undefined, location: fileChoice, ignored: null },
    { name: 'empty variable', isPackaged: false, dev: '', location: fileChoice, ignored: null },
    { name: 'dev server, unpackaged', isPackaged: false, dev: 'http://localhost:5173', location: { kind: 'dev-server', url: 'http://localhost:5173/' }, ignored: null },
    { name: 'dev server, packaged', isPackaged: true, dev: 'http://localhost:5173', location: fileChoice, ignored: 'ELECTRON_RENDERER_URL is ignored in a packaged app' },
    { name: 'remote page, packaged', isPackaged: true, dev: 'https://evil.example/', location: fileChoice, ignored: 'ELECTRON_RENDERER_URL is ignored in a packaged app' },
    { name: 'not a URL', isPackaged: false, dev: 'localhost:5173', location: fileChoice, ignored: 'ELECTRON_RENDERER_URL must be http(s), not localhost:' },
    { name: 'garbage', isPackaged: false, dev: '::::', location: fileChoice, ignored: 'ELECTRON_RENDERER_URL is not a URL' },
    { name: 'file URL', isPackaged: false, dev: 'file:///tmp/evil.html', location: fileChoice, ignored: 'ELECTRON_RENDERER_URL must be http(s), not file:' },
  ])('$name', ({ isPackaged, dev, location, ignored }) => {
    expect(chooseRenderer({ isPackaged, devServerUrl: dev, rendererFile: FILE })).toEqual({ location, ignored });
  });
});
