// An operator's session in the Temporal UI, played with the official TypeScript client (the UI
// encodes inputs and signals with the same JSON payload converter): start each runbook with the
// JSON input README documents, read the `status` query, promote and abort with the signal JSON
// README documents, and read each run's search attributes with describe() (the embedded test
// server does not answer ListWorkflowExecutions).
//
// Usage: node ui-path.mjs PLAN.json. The plan (written by UiPathTest) names the Temporal address,
// namespace, task queue and, per workflow type, a workflow id and README's input. Prints ONE JSON
// line on stdout: per workflow type, the statuses it went through, the signals sent, the final
// status, the result (or failure) and the search attributes. Progress goes to stderr.
import { readFileSync } from 'node:fs';
import { Connection, Client, WorkflowFailedError } from '@temporalio/client';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const POLL_MS = 100;
const LIMIT_MS = 90_000;

const connection = await Connection.connect({ address: plan.address });
const client = new Client({ connection, namespace: plan.namespace });

function log(message) {
  process.stderr.write(`[ui-path] ${message}\n`);
}

async function start(type) {
  const { workflowId, input } = plan.runs[type];
  const handle = await client.workflow.start(type, { taskQueue: plan.taskQueue, workflowId, args: [input] });
  log(`started ${type} as ${workflowId}`);
  return { type, handle, phases: [], signals: [] };
}

/** Polls the status query until `done(status)` holds or the run is DONE; records each new phase. */
async function waitFor(run, done) {
  const deadline = Date.now() + LIMIT_MS;
  while (Date.now() < deadline) {
    let status;
    try {
      status = await run.handle.query('status');
    } catch (e) {
      // no workflow task has run yet: the query has nothing to answer from
      await new Promise((r) => setTimeout(r, POLL_MS));
      continue;
    }
    if (run.phases[run.phases.length - 1] !== status.phase) {
      run.phases.push(status.phase);
    }
    if (done(status) || status.phase === 'DONE') {
      return status;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`${run.type} ${run.handle.workflowId}: no awaited status within ${LIMIT_MS} ms`);
}

async function signal(run, name, input) {
  await run.handle.signal(name, input);
  run.signals.push({ name, input });
  log(`${run.type}: signal ${name} ${JSON.stringify(input)}`);
}

/** How the run ended, what the UI shows of it, and its search attributes. */
async function finish(run) {
  let result = null;
  let failure = null;
  try {
    result = await run.handle.result();
  } catch (e) {
    if (!(e instanceof WorkflowFailedError)) {
      throw e;
    }
    failure = { type: e.cause?.type ?? null, message: e.cause?.message ?? e.message };
  }
  const status = await waitFor(run, (s) => s.phase === 'DONE');
  const description = await run.handle.describe();
  return {
    workflowId: run.handle.workflowId,
    runId: description.runId,
    workflowType: description.type,
    taskQueue: description.taskQueue,
    executionStatus: description.status.name,
    phases: run.phases,
    signals: run.signals,
    status,
    result,
    failure,
    searchAttributes: description.searchAttributes,
  };
}

/** Promotes at every gate, as the approver clicking "Send a Signal" would; one refused try first. */
async function promoteThrough(run) {
  let refusedOnce = false;
  for (;;) {
    const waiting = await waitFor(run, (s) => s.phase === 'AWAITING_APPROVAL');
    if (waiting.phase === 'DONE') {
      return;
    }
    if (!refusedOnce) {
      // someone not on the approvers list: the run records the refusal and keeps waiting
      await signal(run, 'promote', plan.signals.refusedPromote);
      await waitFor(run, (s) => s.approvals.some((a) => !a.accepted));
      refusedOnce = true;
    }
    await signal(run, 'promote', plan.signals.promote);
    await waitFor(run, (s) => s.phase !== 'AWAITING_APPROVAL' || s.currentStep !== waiting.currentStep);
  }
}

const out = {};
try {
  // a lesson is its own target: it runs beside the service's runs
  const lesson = await start('LessonUpdate');
  // learners' progress documents are a target of their own too (the progress table)
  const progress = await start('ProgressMigration');
  // web on the sandbox's Fly, Railway and Render stand-ins: a target of its own too
  const multi = await start('MultiPlatformDeploy');

  const deploy = await start('CodeDeploy');
  await promoteThrough(deploy);
  out.CodeDeploy = await finish(deploy);

  const emergency = await start('EmergencyDeploy');
  await waitFor(emergency, (s) => s.phase === 'WATCHING');
  await signal(emergency, 'abort', plan.signals.abort);
  out.EmergencyDeploy = await finish(emergency);

  const rollback = await start('Rollback');
  out.Rollback = await finish(rollback);

  out.LessonUpdate = await finish(lesson);
  out.ProgressMigration = await finish(progress);
  out.MultiPlatformDeploy = await finish(multi);
} finally {
  await connection.close();
}
process.stdout.write(JSON.stringify(out) + '\n');
