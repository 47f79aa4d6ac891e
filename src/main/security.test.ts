import { describe, expect, it } from 'vitest';
import {
  externalLinkTarget,
  isInAppNavigation,
  isTrustedSender,
  secureWindowOptions,
  withCspHeader,
} from './security';

const fileApp = 'file:///opt/ChapterDesk/resources/app.asar/out/renderer/index.html';
const devApp = 'http://localhost:5173/';

describe('navigation guard', () => {
  it.each([
    [fileApp, fileApp, true],
    [`${fileApp}#/members`, fileApp, true],
    ['file:///etc/passwd', fileApp, false],
    ['https://evil.example/', fileApp, false],
    ['http://localhost:5173/members', devApp, true],
    ['http://localhost:5174/', devApp, false],
    ['http://localhost.evil.example:5173/', devApp, false],
    ['javascript:alert(1)', fileApp, false],
    ['not a url', fileApp, false],
  ])('navigation to %s from %s allowed: %s', (target, app, allowed) => {
    expect(isInAppNavigation(target, app)).toBe(allowed);
  });
});

describe('external links', () => {
  it.each([
    ['https://example.org/help', 'https://example.org/help'],
    ['HTTPS://Example.org', 'https://example.org/'],
    ['http://example.org', null],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['https://user:pw@example.org/', null],
    ['smb://share/x', null],
    ['', null],
  ])('%s opens as %s', (target, expected) => {
    expect(externalLinkTarget(target)).toBe(expected);
  });
});

describe('IPC sender check', () => {
  it('accepts only our own top frame', () => {
    expect(isTrustedSender(fileApp, fileApp, true)).toBe(true);
    expect(isTrustedSender(fileApp, fileApp, false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', fileApp, true)).toBe(false);
    expect(isTrustedSender(undefined, fileApp, true)).toBe(false);
  });
});

describe('window options', () => {
  it('isolate, sandbox and keep Node out of the renderer', () => {
    const prefs = secureWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('add a CSP that forbids inline and remote scripts to every response', () => {
    const csp = withCspHeader({ 'X-Other': ['1'] })['Content-Security-Policy']![0]!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });
});
