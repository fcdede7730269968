import '@atlaskit/css-reset';
import '../shared/styles.css';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../api/client';
import { forgeHost } from '../api/forge-host';
import { forgeTransport } from '../api/forge-transport';
import type { ColorMode, Host } from '../api/host';
import { ServicesProvider } from '../shared/services';

/**
 * Boots one page: the same code in Jira and in a local host page that provides `globalThis.__bridge`,
 * because everything product-specific goes through the bridge.
 */
export async function start(Page: ComponentType): Promise<void> {
  const root = document.getElementById('root');
  // Each HTML entry declares #root; a page without it is a build mistake.
  if (root === null) throw new Error('#root is missing from the page');
  const host = forgeHost;
  const context = await host.getContext();
  await applyTheme(host, context.colorMode);
  createRoot(root).render(
    <StrictMode>
      <ServicesProvider services={{ api: createApiClient(forgeTransport), host, context }}>
        <main className="ser-page">
          <Page />
        </main>
      </ServicesProvider>
    </StrictMode>,
  );
}

/**
 * The product keeps the frame's colour mode in step once theming is enabled; the design tokens themselves come
 * from the bundle, so they resolve even where the host injects no theme styles.
 */
async function applyTheme(host: Host, colorMode: ColorMode | null): Promise<void> {
  // Theming is cosmetic: a host that cannot sync it still gets the bundled tokens, and the page must render.
  await host.enableTheme().catch(() => undefined);
  await setGlobalTheme({ colorMode: colorMode ?? 'auto' });
}
