// Command-line parsing for main.ts: --port N --data DIR --seed demo|large|hostile|empty --latency MS --faults SPEC
// plus --lro-duration MS, --sync-duration MS, --page-size N, --throttling on|off and the Fabric mirroring knobs.
import { SEED_NAMES, type SeedName } from './seeds';
import type { EmulatorOptions } from './index';

export const USAGE = `Usage: emulator [--port N] [--data DIR] [--seed demo|large|hostile|empty] [--latency MS] [--faults SPEC]
                [--lro-duration MS] [--sync-duration MS] [--page-size N]
                [--mirroring-durations I,S,T,N] [--fabric-definition-lro alternate|always|never]
                [--fabric-continuation both|token] [--throttling on|off] [--parent-pid PID]
  --port N           HTTPS port on 127.0.0.1 (0 = a free port; default 0)
  --data DIR         state, certificate and token secret (default .emulator-data)
  --seed NAME        estate for a data folder without state (default demo)
  --latency MS       added to every request
  --faults SPEC      e.g. "429:0.3" or "503*2@GET /syncGroups;lro-fail*1" (see docs/emulator.md)
  --mirroring-durations I,S,T,N
                     Fabric mirroring: initialize, start, stop and table snapshot durations in ms
  --fabric-definition-lro MODE
                     which getDefinition/updateDefinition calls answer 202 (default alternate)
  --fabric-continuation STYLE
                     Fabric page links: both (continuationToken + continuationUri) or token
  --backup-time-scale N
                     Azure Backup runs N times faster than Azure (default 60)
  --parent-pid PID   exit when that process ends (the extension passes its own)
  --throttling on|off
                     ARM token-bucket throttling as Azure does it (default: on for the large seed, off otherwise)`;

const DEFINITION_LRO = ['alternate', 'always', 'never'] as const;
const CONTINUATION = ['both', 'token'] as const;

export interface CliOptions extends EmulatorOptions {
  /** Stop when this process is gone. */
  parentPid?: number;
}

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = {};
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        o.port = num(flag, value());
        break;
      case '--data':
        o.dataDir = value();
        break;
      case '--seed': {
        const s = value();
        if (!SEED_NAMES.includes(s as SeedName)) throw new Error(`--seed must be one of ${SEED_NAMES.join(', ')}`);
        o.seed = s as SeedName;
        break;
      }
      case '--latency':
        o.latencyMs = num(flag, value());
        break;
      case '--faults':
        o.faults = value();
        break;
      case '--lro-duration':
        o.lroDurationMs = num(flag, value());
        break;
      case '--sync-duration':
        o.syncDurationMs = num(flag, value());
        break;
      case '--backup-time-scale':
        o.backupTimeScale = num(flag, value()) || 1;
        break;
      case '--page-size':
        o.pageSize = Math.max(1, num(flag, value()));
        break;
      case '--mirroring-durations': {
        const parts = (value() ?? '').split(',');
        if (parts.length !== 4) throw new Error(`${flag} needs four comma-separated durations: initialize,start,stop,snapshot`);
        const [initializeMs, startMs, stopMs, snapshotMs] = parts.map((p) => num(flag, p));
        o.fabric = { ...o.fabric, initializeMs, startMs, stopMs, snapshotMs };
        break;
      }
      case '--fabric-definition-lro': {
        const mode = value();
        if (!DEFINITION_LRO.includes(mode as (typeof DEFINITION_LRO)[number]))
          throw new Error(`${flag} must be one of ${DEFINITION_LRO.join(', ')}`);
        o.fabric = { ...o.fabric, definitionLro: mode as (typeof DEFINITION_LRO)[number] };
        break;
      }
      case '--fabric-continuation': {
        const style = value();
        if (!CONTINUATION.includes(style as (typeof CONTINUATION)[number]))
          throw new Error(`${flag} must be one of ${CONTINUATION.join(', ')}`);
        o.fabric = { ...o.fabric, continuation: style as (typeof CONTINUATION)[number] };
        break;
      }
      case '--parent-pid':
        o.parentPid = num(flag, value());
        break;
      case '--throttling': {
        const v = value();
        if (v !== 'on' && v !== 'off') throw new Error(`${flag} must be on or off`);
        o.throttling = v === 'on';
        break;
      }
      case '--help':
      case '-h':
        throw new HelpRequested();
      default:
        throw new Error(`Unknown argument '${argv[i]}'`);
    }
  }
  return o;
}

export class HelpRequested extends Error {
  constructor() {
    super(USAGE);
  }
}
