// What the service accepts as an AzureWorkload (SQL in VM) policy: one Full (daily or weekly, long-term
// retention), an optional Differential (weekly Full only) and an optional Log (LogSchedulePolicy with a
// supported frequency, 7–35 days simple retention). Anything else: 400 BMSUserErrorInvalidPolicyInput.
import { armError } from '../../core/http';
import { text } from './bodyText';

export const LOG_FREQUENCIES_MINS = [15, 30, 60, 120, 240, 480, 720, 1440];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function invalidPolicy(detail: string): Error {
  return armError(
    400,
    'BMSUserErrorInvalidPolicyInput',
    `Input for create or update policy is not in proper format\r\nPlease check format of parameters like schedule time, schedule days, retention time and retention days. ${detail}`,
  );
}

/** Validates a PUT body and returns the properties to store. */
export function validateWorkloadPolicy(body: unknown): Obj {
  const props = isObj(body) && isObj(body.properties) ? body.properties : undefined;
  if (!props) throw invalidPolicy('The request body must have properties.');
  if (text(props.backupManagementType).toLowerCase() !== 'azureworkload')
    throw invalidPolicy(`backupManagementType '${text(props.backupManagementType)}' is not supported here; use 'AzureWorkload'.`);
  if (text(props.workLoadType).toLowerCase() !== 'sqldatabase')
    throw invalidPolicy(`workLoadType '${text(props.workLoadType)}' is not supported; use 'SQLDataBase'.`);
  const subs = props.subProtectionPolicy;
  if (!Array.isArray(subs) || subs.length === 0) throw invalidPolicy('subProtectionPolicy must list at least a Full policy.');
  const byType = new Map<string, Obj>();
  for (const s of subs) {
    if (!isObj(s)) throw invalidPolicy('Each subProtectionPolicy must be an object.');
    const t = text(s.policyType);
    if (!['Full', 'Differential', 'Log'].includes(t))
      throw invalidPolicy(`policyType '${t}' is not valid for SQL; use Full, Differential or Log.`);
    if (byType.has(t)) throw invalidPolicy(`Only one ${t} policy is allowed.`);
    byType.set(t, s);
  }
  const full = byType.get('Full');
  if (!full) throw invalidPolicy('A Full backup policy is required.');
  const fullSchedule = schedule(full, 'SimpleSchedulePolicy');
  const frequency = text(fullSchedule.scheduleRunFrequency);
  if (!['Daily', 'Weekly'].includes(frequency)) throw invalidPolicy('The Full schedule must run Daily or Weekly.');
  if (!Array.isArray(fullSchedule.scheduleRunTimes) || fullSchedule.scheduleRunTimes.length !== 1)
    throw invalidPolicy('The Full schedule needs exactly one scheduleRunTimes entry.');
  if (frequency === 'Weekly' && (!Array.isArray(fullSchedule.scheduleRunDays) || fullSchedule.scheduleRunDays.length === 0))
    throw invalidPolicy('A weekly Full schedule needs scheduleRunDays.');
  retention(full, 'LongTermRetentionPolicy');
  const diff = byType.get('Differential');
  if (diff) {
    if (frequency !== 'Weekly') throw invalidPolicy('A Differential backup needs a weekly Full backup.');
    schedule(diff, 'SimpleSchedulePolicy');
    retentionDays(diff, 7, 180);
  }
  const log = byType.get('Log');
  if (log) {
    const mins = Number(schedule(log, 'LogSchedulePolicy').scheduleFrequencyInMins);
    if (!LOG_FREQUENCIES_MINS.includes(mins))
      throw invalidPolicy(`scheduleFrequencyInMins must be one of ${LOG_FREQUENCIES_MINS.join(', ')}.`);
    retentionDays(log, 7, 35);
  }
  const settings = isObj(props.settings) ? props.settings : { timeZone: 'UTC', issqlcompression: false };
  return { backupManagementType: 'AzureWorkload', workLoadType: 'SQLDataBase', settings, subProtectionPolicy: subs };
}

function schedule(sub: Obj, type: string): Obj {
  const s = sub.schedulePolicy;
  if (!isObj(s) || s.schedulePolicyType !== type) throw invalidPolicy(`The ${text(sub.policyType)} policy needs a ${type}.`);
  return s;
}

function retention(sub: Obj, type: string): Obj {
  const r = sub.retentionPolicy;
  if (!isObj(r) || r.retentionPolicyType !== type) throw invalidPolicy(`The ${text(sub.policyType)} policy needs a ${type}.`);
  return r;
}

function retentionDays(sub: Obj, min: number, max: number): void {
  const d = retention(sub, 'SimpleRetentionPolicy').retentionDuration;
  const count = isObj(d) ? Number(d.count) : NaN;
  if (!isObj(d) || d.durationType !== 'Days' || !(count >= min && count <= max))
    throw invalidPolicy(`The ${text(sub.policyType)} retention must be between ${min} and ${max} days.`);
}

/** The log frequency of a stored policy, when it has a Log sub-policy. */
export function logFrequencyMins(properties: Obj | undefined): number | undefined {
  const subs = properties?.subProtectionPolicy;
  if (!Array.isArray(subs)) return undefined;
  const log = subs.find((s) => isObj(s) && s.policyType === 'Log') as Obj | undefined;
  const mins = isObj(log?.schedulePolicy) ? Number(log.schedulePolicy.scheduleFrequencyInMins) : NaN;
  return Number.isFinite(mins) && mins > 0 ? mins : undefined;
}
