import { test, expect } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
test('chromium', async () => {
  const b = await launchBrowser();
  const p = await b.newPage();
  await p.setContent('<p id=x>hi</p>');
  expect(await p.textContent('#x')).toBe('hi');
  await b.close();
});
