import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  LOCKED_SETTINGS_KEY,
  MANAGED_SETTING_KEYS,
  resolveSettings,
  splitManagedStorage,
} from '@/utils/settings/resolve-settings';
import { WRAP_UP_MAX_SECONDS } from '@/utils/settings/contact-center';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

// A string, not `new URL(...)`: under happy-dom the global URL is not Node's.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

interface SchemaNode {
  type?: string;
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode;
  enum?: unknown[];
  [attribute: string]: unknown;
}

const schema = JSON.parse(
  readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8'),
) as SchemaNode;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const adminSection = readme.slice(
  readme.indexOf('## For administrators'),
  readme.indexOf('## For developers'),
);

/**
 * The attributes Chrome's policy schema parser accepts per type (components/policy/core/common/
 * schema.cc, kAttributesAndTypesFor*): anything else makes Chrome refuse to load the extension.
 */
const CHROME_ATTRIBUTES: Record<string, string[]> = {
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  object: [
    'additionalProperties',
    'description',
    'id',
    'patternProperties',
    'properties',
    'required',
    'sensitiveValue',
    'title',
    'type',
  ],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
};

function chromeProblems(node: SchemaNode, path: string): string[] {
  const allowed = node.type ? CHROME_ATTRIBUTES[node.type] : undefined;
  if (!allowed) return [`${path}: needs one of ${Object.keys(CHROME_ATTRIBUTES).join(', ')}`];
  const problems = Object.keys(node)
    .filter((attribute) => !allowed.includes(attribute))
    .map((attribute) => `${path}: '${attribute}' is not allowed for type ${node.type}`);
  if (node.type === 'array') {
    if (!node.items) problems.push(`${path}: an array needs items`);
    else problems.push(...chromeProblems(node.items, `${path}[]`));
  }
  if (node.enum !== undefined && node.pattern !== undefined)
    problems.push(`${path}: Chrome reads only one of enum and pattern`);
  for (const [name, child] of Object.entries(node.properties ?? {}))
    problems.push(...chromeProblems(child, `${path}.${name}`));
  if (node.additionalProperties)
    problems.push(...chromeProblems(node.additionalProperties, `${path}.*`));
  return problems;
}

describe('public/managed_schema.json', () => {
  it('is an object of policies without additionalProperties at the top', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
  });

  it('uses only what Chrome’s policy schema parser accepts', () => {
    expect(chromeProblems(schema, 'schema')).toEqual([]);
  });

  it('declares exactly the settings the resolver manages, and lockedSettings', () => {
    expect(Object.keys(schema.properties ?? {})).toEqual([
      ...MANAGED_SETTING_KEYS,
      LOCKED_SETTINGS_KEY,
    ]);
    expect(schema.properties?.[LOCKED_SETTINGS_KEY]?.items?.enum).toEqual(MANAGED_SETTING_KEYS);
  });

  it('declares every dial-plan rule', () => {
    expect(Object.keys(schema.properties?.dialPlan?.properties ?? {})).toEqual([
      'homeCountry',
      'outsideLinePrefix',
      'domestic',
      'nationalPrefix',
      'internationalPrefix',
      'carrierCode',
      'extensionLength',
    ]);
  });
});

describe('the contact-center policies in the schema', () => {
  const properties = schema.properties ?? {};

  it('declares a campaign’s fields, name and callerId required', () => {
    const campaign = properties.campaigns?.items;
    expect(campaign?.type).toBe('object');
    expect(Object.keys(campaign?.properties ?? {})).toEqual(['name', 'callerId', 'context']);
    expect(campaign?.required).toEqual(['name', 'callerId']);
  });

  it('offers the routings the check accepts, and the wrap-up bounds it holds', () => {
    expect(properties.callRouting?.enum).toEqual(['campaign', 'direct']);
    expect(properties.wrapUpSeconds).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: WRAP_UP_MAX_SECONDS,
    });
  });

  it('declares dispositions as lists of strings under any campaign name', () => {
    expect(properties.dispositions?.additionalProperties).toEqual({
      type: 'array',
      items: { type: 'string' },
    });
    expect(properties.breakReasons?.items).toEqual({ type: 'string' });
  });

  it.each<[string, string, boolean]>([
    ['callerId', '+59829001234', true],
    ['callerId', '29001234', true],
    ['callerId', '+598 2900 1234', false],
    ['callerId', '1'.repeat(21), false],
    ['context', 'from-internal_2', true],
    ['context', '', false],
    ['context', 'from internal', false],
  ])('its %s pattern agrees with the check on %j (%s)', (field, value, valid) => {
    const pattern = properties.campaigns?.items?.properties?.[field]?.pattern as string;
    expect(new RegExp(pattern).test(value)).toBe(valid);
    const result = resolveSettings({
      builtIn: { ...DEFAULT_SETTINGS },
      managed: splitManagedStorage({
        campaigns: [{ name: 'Ventas->', callerId: '1', [field]: value }],
      }),
      user: {},
    });
    expect(result.problems.length === 0).toBe(valid);
  });
});

describe('README “For administrators”', () => {
  it('lists every policy setting in its table', () => {
    const listed = [...adminSection.matchAll(/^\| `(\w+)` +\| /gm)].map((match) => match[1]);
    for (const key of Object.keys(schema.properties ?? {})) expect(listed).toContain(key);
  });

  it('has Chrome and Firefox policy examples that resolve without problems', () => {
    const examples = [...adminSection.matchAll(/```json\n([\s\S]*?)```/g)].map(
      (match) => JSON.parse(match[1]!) as Record<string, unknown>,
    );
    const chrome = examples.find((example) => '3rdparty' in example) as {
      '3rdparty': { extensions: Record<string, unknown> };
    };
    const firefox = examples.find((example) => 'policies' in example) as {
      policies: { '3rdparty': { Extensions: Record<string, unknown> } };
    };
    const adminConsole = examples[0] as Record<string, { Value: unknown }>;
    const policies = [
      chrome['3rdparty'].extensions.EXTENSION_ID,
      firefox.policies['3rdparty'].Extensions['click-to-call@ucontact.extension'],
      Object.fromEntries(Object.entries(adminConsole).map(([key, { Value }]) => [key, Value])),
    ];
    for (const policy of policies) {
      expect(policy).toBeDefined();
      const result = resolveSettings({
        builtIn: { ...DEFAULT_SETTINGS },
        managed: splitManagedStorage(policy),
        user: {},
      });
      expect(result.problems).toEqual([]);
      expect([...result.locked]).toEqual(['instance', 'dialPlan']);
    }
  });

  it('shows the contact-center settings in the Chrome and Firefox file examples', () => {
    const fileExamples = [...adminSection.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((match) => match[1]!)
      .filter((text) => text.includes('3rdparty'));
    expect(fileExamples).toHaveLength(2);
    for (const example of fileExamples) {
      for (const key of [
        'campaigns',
        'callRouting',
        'breakReasons',
        'dispositions',
        'wrapUpSeconds',
      ])
        expect(example).toContain(`"${key}"`);
    }
  });
});
