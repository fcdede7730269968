/**
 * The Forge entry barrel. manifest.yml names every handler `index.<export>`, so this file only re-exports the
 * entry handlers of src/entry, grouped by module type (workflow rules, triggers, scheduled jobs, web triggers,
 * queue consumers, UI resolvers, custom-field functions). No declared module needs a function yet.
 */
export {};
