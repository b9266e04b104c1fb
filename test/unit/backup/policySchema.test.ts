import { strict as assert } from 'node:assert';
import { policySchemaProblems } from '../../../src/backup/workflows/policySchema';
import { newPolicyDocument, parsePolicyText, PolicyInvalidError, policyDocument } from '../../../src/backup/workflows/policyWorkflows';
import { dailyFullPolicy, hourlyLogPolicy, weeklyFullDailyDiffPolicy } from '../../../src/emulator/seeds/backupPolicies';
import { readPolicyExample } from './specPolicies';

const read = readPolicyExample;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
type Sub = Record<string, Record<string, unknown>>;

describe('backup policy schema', () => {
  it("accepts the spec examples' AzureWorkload policies: the PUT body and the listed policy as the editor shows it", () => {
    const put = (read('ProtectionPolicies_CreateOrUpdate_Complex.json').parameters as { parameters: unknown }).parameters;
    assert.deepEqual(policySchemaProblems(put), []);
    const listed = (read('BackupPolicies_List.json').responses as { '200': { body: { value: unknown[] } } })['200'].body.value;
    assert.ok(listed.length > 0);
    for (const p of listed) {
      // The listed policy carries read-only fields (protectedItemsCount) the document leaves out.
      assert.deepEqual(policySchemaProblems(policyDocument(p as never)), []);
    }
  });

  it('accepts the seeds and the new-policy template', () => {
    for (const properties of [hourlyLogPolicy(0), dailyFullPolicy(0), weeklyFullDailyDiffPolicy(0), newPolicyDocument(0).properties])
      assert.deepEqual(policySchemaProblems({ properties }), []);
  });

  it('names each problem by its JSON path', () => {
    const doc = clone(newPolicyDocument(0));
    const subs = doc.properties.subProtectionPolicy as Sub[];
    subs[1].schedulePolicy.scheduleFrequencyInMins = 45;
    subs[1].retentionPolicy.retentionDuration = { count: 90, durationType: 'Days' };
    doc.properties.workloadType = 'SQLDataBase';
    const problems = policySchemaProblems(doc).map((p) => `${p.property} ${p.message}`);
    assert.ok(
      problems.includes(
        'properties.subProtectionPolicy[1].schedulePolicy.scheduleFrequencyInMins must be one of 15, 30, 60, 120, 240, 480, 720, 1440',
      ),
      problems.join('\n'),
    );
    assert.ok(
      problems.includes('properties.subProtectionPolicy[1].retentionPolicy.retentionDuration.count must be <= 35'),
      problems.join('\n'),
    );
    assert.ok(problems.includes('properties.workloadType is not a property of a backup policy'), problems.join('\n'));
  });

  it('refuses a policy without Full, two Logs, or a Differential with a daily Full', () => {
    const noFull = clone(newPolicyDocument(0));
    noFull.properties.subProtectionPolicy = (noFull.properties.subProtectionPolicy as Sub[]).slice(1);
    assert.ok(policySchemaProblems(noFull).some((p) => p.message === 'must have a Full sub-policy'));
    const twoLogs = clone(newPolicyDocument(0));
    const subs = twoLogs.properties.subProtectionPolicy as Sub[];
    twoLogs.properties.subProtectionPolicy = [...subs, subs[1]];
    assert.ok(policySchemaProblems(twoLogs).some((p) => p.message === 'only one Log sub-policy is allowed'));
    const diff = clone(newPolicyDocument(0));
    const weekly = weeklyFullDailyDiffPolicy(0).subProtectionPolicy as Sub[];
    (diff.properties.subProtectionPolicy as Sub[]).push(weekly[1]);
    assert.ok(policySchemaProblems(diff).some((p) => p.message === 'a Differential backup needs a weekly Full backup'));
  });

  it('parsePolicyText reports text that is not JSON and schema problems as PolicyInvalidError', () => {
    assert.throws(
      () => parsePolicyText('{ "properties": '),
      (e: unknown) => e instanceof PolicyInvalidError && /is not JSON/.test(e.message),
    );
    assert.throws(
      () => parsePolicyText('{}'),
      (e: unknown) => e instanceof PolicyInvalidError && /properties is required/.test(e.message),
    );
  });
});
