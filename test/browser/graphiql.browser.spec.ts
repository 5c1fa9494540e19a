import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startSystem, type RunningSystem } from '../support/system';

// Starting the subgraphs, the gateway and a browser, plus the first GraphiQL
// bundle (built on first request), takes far longer than jest's 5 s default.
jest.setTimeout(120_000);

// Debian's chromium (.ci/install-chromium.sh): Playwright's own download cannot work here.
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const headerName = 'x-graphiql-check';

describe('GraphiQL served by the gateway', () => {
  let system: RunningSystem;
  let userDataDir: string;
  let browser: BrowserContext;
  let page: Page;
  const requestedUrls: string[] = [];
  const endpoint = (): string => `${system.gatewayUrl.replace(/\/$/, '')}/graphql`;

  beforeAll(async () => {
    system = await startSystem();
    userDataDir = await mkdtemp(path.join(tmpdir(), 'graphiql-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
    });
    // Context-wide, so requests from the editor's web workers are seen too.
    browser.on('request', (request) => requestedUrls.push(request.url()));
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('websocket', (socket) => requestedUrls.push(socket.url()));

    await page.goto(endpoint());
    // The default query in the editor means GraphiQL and Monaco have loaded.
    await page.locator('.graphiql-query-editor .view-lines').filter({ hasText: 'ProductList' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('runs the default cross-subgraph query, sending the headers editor content', async () => {
    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    await page.locator('.graphiql-editor-tool .graphiql-editor:visible').click();
    await page.keyboard.insertText(`{"${headerName}": "1"}`);

    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && (r.postData() ?? '').includes('ProductList')),
      page.locator('.graphiql-execute-button').click(),
    ]);
    expect(request.url()).toBe(endpoint());
    expect(await request.headerValue(headerName)).toBe('1');

    const response = await request.response();
    expect(response?.ok()).toBe(true);
    const body = (await response?.json()) as ProductListResult;
    expect(body.errors).toBeUndefined();
    const first = body.data?.products.edges[0]?.node;
    // One field from each subgraph; with no errors, a null estimate is a real answer.
    expect(first).toEqual(
      expect.objectContaining({
        sku: expect.any(String), // catalog
        inStock: expect.any(Boolean), // inventory
      }),
    );
    expect(first).toHaveProperty('shippingEstimate'); // shipping

    // What a person sees: the result pane renders the same product.
    const resultPane = page.locator('.graphiql-response .view-lines');
    await resultPane.filter({ hasText: `"sku"` }).waitFor();
    expect(await resultPane.innerText()).toContain(first?.sku);
  });

  it('opens the docs explorer on the gateway schema', async () => {
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().waitFor();
    await docs.getByText('Product', { exact: true }).first().waitFor();
  });

  it('made no request to any origin but the gateway', () => {
    const gatewayOrigin = new URL(system.gatewayUrl).origin;
    // data: and blob: URLs never touch the network; everything else must be the gateway.
    const network = requestedUrls.filter((url) => !/^(data|blob):/.test(url));
    expect(network.length).toBeGreaterThan(0);
    expect(network.filter((url) => new URL(url).origin !== gatewayOrigin)).toEqual([]);
  });
});

interface ProductListResult {
  data?: { products: { edges: { node: { sku: string; inStock: boolean } }[] } };
  errors?: unknown;
}
