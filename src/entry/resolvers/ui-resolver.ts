import Resolver from '@forge/resolver';
import { RESOLVER_KEYS, type ResolverKey } from '../../contract';
import { forgePlatform, type Platform } from '../composition/platform';
import { resolverServices } from '../composition/resolver-services';
import { adminResolvers } from './admin.resolvers';
import { auditorResolvers } from './auditors.resolvers';
import { exceptionResolvers } from './exception.resolvers';
import { intakeResolvers } from './intake.resolvers';
import { registerResolvers } from './register.resolvers';
import { reportResolvers } from './reports.resolvers';
import { reviewResolvers } from './reviews.resolvers';
import { runKey, type KeyDefinition, type KeyDefinitions } from './resolver-kit';
import { sessionResolvers } from './session.resolvers';

/** Every key of the contract, each defined once; the type makes a missing or extra key a compile error. */
export const KEY_DEFINITIONS: KeyDefinitions = {
  ...registerResolvers,
  ...reviewResolvers,
  ...reportResolvers,
  ...exceptionResolvers,
  ...intakeResolvers,
  ...adminResolvers,
  ...auditorResolvers,
  ...sessionResolvers,
};

const defineKey = <K extends ResolverKey>(resolver: Resolver, key: K, platform: Platform): void => {
  const definition: KeyDefinition<K> = KEY_DEFINITIONS[key];
  resolver.define(key, ({ payload, context }) => runKey(key, definition, resolverServices(platform), payload, context));
};

/** The resolver function of every Custom UI module: one Forge function answers every contract key. */
export const createUiResolver = (platform: Platform) => {
  const resolver = new Resolver();
  for (const key of RESOLVER_KEYS) defineKey(resolver, key, platform);
  return resolver.getDefinitions();
};

export const uiResolver = createUiResolver(forgePlatform);
