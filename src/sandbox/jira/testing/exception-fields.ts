import { EXCEPTION_FIELD_MODULE_KEYS, type ExceptionFieldName } from '../../../app/projection/exception-issue';
import type { JiraStandIn } from '../jira-stand-in';
import type { ForgeFieldValueType } from '../jira-model';

/** The value type each exception field declares in manifest.yml. */
const FIELD_TYPES: Readonly<Record<ExceptionFieldName, ForgeFieldValueType>> = {
  kind: 'string',
  assets: 'object',
  controlReferences: 'object',
  findings: 'object',
  riskInputs: 'object',
  compensatingControls: 'object',
  requestedExpiry: 'date',
  remediationPlan: 'object',
};

/** Deploys the app's exception fields to the stand-in, as installing the app does; answers each field's Jira id. */
export const registerExceptionFields = (
  jira: JiraStandIn,
  nameOf: (field: ExceptionFieldName) => string = (field) => `Exception ${field}`,
): Record<ExceptionFieldName, string> =>
  Object.fromEntries(
    (Object.keys(EXCEPTION_FIELD_MODULE_KEYS) as ExceptionFieldName[]).map((field) => [
      field,
      jira.registerForgeCustomField({ moduleKey: EXCEPTION_FIELD_MODULE_KEYS[field], name: nameOf(field), type: FIELD_TYPES[field] }).id,
    ]),
  ) as Record<ExceptionFieldName, string>;
