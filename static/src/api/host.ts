import { z } from 'zod';

/**
 * What a page needs from the product around it, other than resolvers: context, theme, URL history, saving a
 * field or a workflow rule, navigation. Pages depend on this interface; the Forge implementation is injected at boot.
 */

export type ColorMode = 'light' | 'dark';

export type HostContext = {
  readonly accountId: string | null;
  readonly moduleKey: string;
  readonly colorMode: ColorMode | null;
  readonly projectKey: string | null;
  readonly issueKey: string | null;
  /** The module-specific rest of the extension context (field value, validator configuration, ...), unparsed. */
  readonly extension: Readonly<Record<string, unknown>>;
};

export type HostLocation = { readonly pathname: string; readonly search: string };

/** The subset of the product-synchronised history the pages use; Forge's listeners receive the location itself. */
export interface HostHistory {
  readonly location: HostLocation;
  push(location: HostLocation): void;
  replace(location: HostLocation): void;
  listen(listener: (location: HostLocation) => void): () => void;
}

export interface Host {
  getContext(): Promise<HostContext>;
  enableTheme(): Promise<void>;
  createHistory(): Promise<HostHistory>;
  /** Saves the value of the custom field being edited and closes the editor. */
  submit(value: unknown): Promise<void>;
  close(): Promise<void>;
  /** Registers what the workflow editor saves as the rule's configuration when the admin confirms. */
  onConfigure(configuration: () => string): Promise<void>;
  /** Opens a product path such as `/browse/SEC-12`. */
  navigate(path: string): Promise<void>;
}

const rawContextSchema = z.looseObject({
  accountId: z.string().optional(),
  moduleKey: z.string().default(''),
  theme: z.looseObject({ colorMode: z.enum(['light', 'dark']).optional() }).nullish(),
  extension: z
    .looseObject({
      project: z.looseObject({ key: z.string().optional() }).nullish(),
      issue: z.looseObject({ key: z.string().optional() }).nullish(),
    })
    .default({}),
});

/** Reads the parts of the product context the pages use; anything unexpected is dropped, never trusted for access. */
export const toHostContext = (raw: unknown): HostContext => {
  const parsed = rawContextSchema.safeParse(raw ?? {});
  if (!parsed.success) return { accountId: null, moduleKey: '', colorMode: null, projectKey: null, issueKey: null, extension: {} };
  const { accountId, moduleKey, theme, extension } = parsed.data;
  return {
    accountId: accountId ?? null,
    moduleKey,
    colorMode: theme?.colorMode ?? null,
    projectKey: extension.project?.key ?? null,
    issueKey: extension.issue?.key ?? null,
    extension,
  };
};
