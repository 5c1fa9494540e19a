import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { eventually } from '../support/event-bus';
import { Storefront } from '../support/storefront-customer';
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

  it('runs a subscription over graphql-ws and shows the order reach CONFIRMED', async () => {
    const shop = new Storefront(endpoint(), await system.token('admin-graphiql', ['customer', 'admin']));
    const productId = await shop.stockedProduct('GRAPHIQL-MUG', 5);
    const customer = await system.token('customer-graphiql');

    // The headers editor may be open already (a click on its tab would close it).
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor:visible');
    if ((await headers.count()) === 0) await page.getByRole('button', { name: 'Headers', exact: true }).click();
    await headers.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(`{"authorization": "Bearer ${customer}"}`);
    await page.locator('.graphiql-query-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('subscription Live { myOrderUpdates { id status payment { status } } }');
    // GraphiQL takes the edited document's operation name after a short debounce; run it after that.
    await page.waitForTimeout(1000);
    await page.locator('.graphiql-execute-button').click();
    await eventually(async () => (system.liveOrders().subscriptions === 1 ? true : undefined), 'the page to subscribe');

    // The order is placed by another request, as a shopper's other tab would.
    const id = await shop.placeOrderOnceSellable(customer, [{ productId, quantity: 1 }]);
    const resultPane = page.locator('.graphiql-response .view-lines');
    await resultPane.filter({ hasText: '"CONFIRMED"' }).waitFor({ timeout: 30_000 });
    expect(await resultPane.innerText()).toContain(id);
    await page.locator('.graphiql-execute-button').click(); // stops the subscription
    await eventually(async () => (system.liveOrders().subscriptions === 0 ? true : undefined), 'the page to unsubscribe');
  });

  it('opens the docs explorer on the gateway schema', async () => {
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().waitFor();
    await docs.getByText('Product', { exact: true }).first().waitFor();
  });

  it('made no request to any origin but the gateway', () => {
    const gatewayHost = new URL(system.gatewayUrl).host;
    // data: and blob: URLs never touch the network; everything else (http, and ws for subscriptions) must be the gateway.
    const network = requestedUrls.filter((url) => !/^(data|blob):/.test(url));
    expect(network.length).toBeGreaterThan(0);
    expect(network.filter((url) => !/^(http|ws):$/.test(new URL(url).protocol) || new URL(url).host !== gatewayHost)).toEqual([]);
    expect(network.some((url) => url.startsWith('ws:'))).toBe(true);
  });
});

interface ProductListResult {
  data?: { products: { edges: { node: { sku: string; inStock: boolean } }[] } };
  errors?: unknown;
}
