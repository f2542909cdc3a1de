import { parseArgs } from 'node:util';
import { apiClient } from './demo/client.ts';
import { demoRuntime } from './demo/runtime.ts';
import {
  costs,
  createEnvironments,
  createServices,
  type DemoState,
  eventTrail,
  listEstates,
  provisionEstate,
  rollBack,
  rollOut,
  type Step,
  setPolicies,
} from './demo/steps.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    workspace: { type: 'string', default: 'WS-26-000021' },
  },
});

const STEPS: readonly Step[] = [
  listEstates,
  provisionEstate,
  setPolicies,
  createEnvironments,
  createServices,
  rollOut,
  rollBack,
  costs,
  eventTrail,
];

interface Outcome {
  readonly step: number;
  readonly title: string;
  readonly ok: boolean;
  readonly seconds: number;
  readonly lines: readonly string[];
}

const say = (text: string) => {
  if (!values.json) console.log(text);
};

const runtime = await demoRuntime(Number(values.port), values.workspace);
say(
  `Platforms & Infrastructure API at ${runtime.url}${runtime.startedHere ? ' (started for this demo)' : ''}`,
);
const api = apiClient(runtime.url, runtime.token);
const state: DemoState = {
  workspaceId: values.workspace,
  environments: {},
  services: {},
  deployments: [],
};
const outcomes: Outcome[] = [];
try {
  for (const [index, step] of STEPS.entries()) {
    const started = performance.now();
    say(`\n${index + 1}. ${step.title}`);
    try {
      const lines = await step.run(api, state);
      outcomes.push({
        step: index + 1,
        title: step.title,
        ok: true,
        seconds: elapsed(started),
        lines,
      });
      for (const line of lines) say(`   ${line}`);
      say(`   ✓ ${elapsed(started).toFixed(1)}s`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push({
        step: index + 1,
        title: step.title,
        ok: false,
        seconds: elapsed(started),
        lines: [message],
      });
      say(`   ✗ ${message}`);
      break;
    }
  }
} finally {
  await runtime.stop();
}

const ok = outcomes.length === STEPS.length && outcomes.every((outcome) => outcome.ok);
if (values.json)
  console.log(JSON.stringify({ ok, url: runtime.url, steps: outcomes }, null, 2));
else
  say(
    ok
      ? '\nEvery step behaved as described.'
      : '\nThe walkthrough stopped at a step that did not behave as described.',
  );
process.exit(ok ? 0 : 1);

function elapsed(started: number): number {
  return Math.round(performance.now() - started) / 1000;
}
