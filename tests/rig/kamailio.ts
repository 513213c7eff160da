import { execFile, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectTls } from 'node:tls';
import { promisify } from 'node:util';
import { rigCertificate } from './certs';
import { hasExited, spawnTracked, stopProcess } from './child-process';
import { renderKamailioConfig } from './kamailio-config';
import { contactsFromDump, type RegisteredContact } from './kamailio-contacts';
import {
  parseSipReplies,
  parseSipRequests,
  type SipReplyLine,
  type SipRequestLine,
} from './kamailio-log';
import { onProcessExit } from './on-exit';
import { SIP_REALM } from './sip-credentials';

export type { RegisteredContact } from './kamailio-contacts';
export type { SipReplyLine, SipRequestLine } from './kamailio-log';

export interface KamailioOptions {
  /** SIP user -> HA1 (see `ha1()` in sip-credentials.ts). */
  users: Record<string, string>;
  domains?: string[];
  wsPort?: number;
  /** TLS WebSocket port, or false for plain WebSocket only. */
  wssPort?: number | false;
  /** Dialled request-URI user -> registered user who gets the call; key '*' catches unknown users. */
  dialPlan?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface Kamailio {
  /** ws://127.0.0.1:8088/ws */
  wsUrl: string;
  /** wss://acme.ucontactcloud.com:8089/ws, the production URL shape (undefined without TLS). */
  wssUrl: string | undefined;
  rundir: string;
  /** PID of the running Kamailio main process (changes on restart). */
  pid(): number;
  stop(): Promise<void>;
  /** Same config, same ports; the log file continues. Registrations are lost (memory only). */
  restart(): Promise<void>;
  contacts(user: string): Promise<RegisteredContact[]>;
  /** From now on, REGISTERs are answered with `fault` (a SIP status) or never ('timeout'); null heals. */
  setRegisterFault(fault: number | 'timeout' | null): Promise<void>;
  /** Closes every WebSocket connection from the server side, as a proxy restart or idle cut does. */
  closeWebSockets(): Promise<number>;
  /** REGISTER requests received for this user (To user), challenges and unregisters included. */
  registerRequests(user: string): number;
  sipRequests(): SipRequestLine[];
  sipReplies(): SipReplyLine[];
  log(): string;
  logPath: string;
}

const run = promisify(execFile);

export async function startKamailio(options: KamailioOptions): Promise<Kamailio> {
  const host = '127.0.0.1';
  const wsPort = options.wsPort ?? 8088;
  const wssPort = options.wssPort === false ? undefined : (options.wssPort ?? 8089);
  const domains = options.domains ?? ['acme.ucontactcloud.com', '127.0.0.1', 'localhost'];
  const rundir = mkdtempSync(join(tmpdir(), 'uct-kamailio-'));
  // Kept across stop()/restart(); gone with the test process unless UCT_KEEP_TMP=1 (debugging).
  if (process.env.UCT_KEEP_TMP !== '1')
    onProcessExit(() => rmSync(rundir, { recursive: true, force: true }));
  const cfgPath = join(rundir, 'kamailio.cfg');
  const pidPath = join(rundir, 'kamailio.pid');
  const logPath = join(rundir, 'kamailio.log');
  const ctlSocket = `unix:${join(rundir, 'kamailio_ctl')}`;
  const cert = wssPort === undefined ? undefined : rigCertificate();

  writeFileSync(
    cfgPath,
    renderKamailioConfig({
      rundir,
      host,
      wsPort,
      wss:
        cert && wssPort
          ? { port: wssPort, certPath: cert.certPath, keyPath: cert.keyPath }
          : undefined,
      realm: SIP_REALM,
      domains,
      users: options.users,
      dialPlan: options.dialPlan ?? {},
    }),
  );

  let child: ChildProcess | undefined;

  const ports = wssPort === undefined ? [wsPort] : [wsPort, wssPort];

  const launch = async (): Promise<void> => {
    // A second Kamailio on the same ports starts without complaint and the probes below would
    // then reach the first one: refuse up front instead.
    for (const port of ports) {
      if (await accepts(port))
        throw new Error(`Kamailio: ${host}:${port} is taken (a previous Kamailio?)`);
    }
    const logFd = openSync(logPath, 'a');
    // setpriv --pdeathsig: should the test process die without stop(), Kamailio gets SIGTERM and
    // takes its workers down with it. setpriv execs Kamailio, so child.pid is Kamailio's.
    // prettier-ignore
    child = spawnTracked('setpriv', [
      '--pdeathsig', 'SIGTERM', '--',
      'kamailio', '-f', cfgPath, '-DD', '-E', '-Y', rundir, '-P', pidPath, '-m', '64', '-M', '8',
    ], { stdio: ['ignore', logFd, logFd] });
    closeSync(logFd);
    const started = child;
    const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
    const probes = [() => httpProbe(connectTcp(wsPort, host), 'connect')];
    if (wssPort !== undefined) {
      const tls = (): Socket => connectTls({ port: wssPort, host, rejectUnauthorized: false });
      probes.push(() => httpProbe(tls(), 'secureConnect'));
    }
    for (const probe of probes) {
      while (!(await probe())) {
        if (hasExited(started) || Date.now() > deadline) {
          await stopProcess(started);
          throw new Error(`Kamailio did not start; log ${logPath}:\n${tail(readLog(), 30)}`);
        }
        await sleep(50);
      }
    }
  };

  const readLog = (): string => readFileSync(logPath, 'utf8');
  const stop = async (): Promise<void> => {
    if (child) await stopProcess(child);
  };

  await launch();

  return {
    wsUrl: `ws://${host}:${wsPort}/ws`,
    wssUrl: wssPort === undefined ? undefined : `wss://${domains[0] ?? host}:${wssPort}/ws`,
    rundir,
    pid: () => child?.pid ?? -1,
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    contacts: async (user) => {
      const { stdout } = await run('kamcmd', ['-s', ctlSocket, 'ul.dump']);
      return contactsFromDump(stdout, user);
    },
    setRegisterFault: async (fault) => {
      if (fault === null)
        await run('kamcmd', ['-s', ctlSocket, 'htable.delete', 'fault', 'register']);
      else
        await run('kamcmd', ['-s', ctlSocket, 'htable.sets', 'fault', 'register', String(fault)]);
    },
    closeWebSockets: async () => {
      const { stdout } = await run('kamcmd', ['-s', ctlSocket, 'ws.dump']);
      // Lines like `3: ws:127.0.0.1:35554 -> ws:127.0.0.1:8088 (state: OPEN, ...)`.
      const ids = [...stdout.matchAll(/^\s*(\d+): wss?:/gm)].map((match) => match[1]!);
      for (const id of ids) await run('kamcmd', ['-s', ctlSocket, 'ws.close', id]);
      return ids.length;
    },
    registerRequests: (user) =>
      parseSipRequests(readLog()).filter((r) => r.method === 'REGISTER' && r.tuser === user).length,
    sipRequests: () => parseSipRequests(readLog()),
    sipReplies: () => parseSipReplies(readLog()),
    log: readLog,
    logPath,
  };
}

/**
 * Ready means a worker answers HTTP on the socket (our xhttp route replies 404 to anything but
 * the WebSocket upgrade), not merely that the kernel accepted the connection.
 */
function httpProbe(socket: Socket, openEvent: 'connect' | 'secureConnect'): Promise<boolean> {
  return new Promise((resolve) => {
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once(openEvent, () => socket.write('GET /ready HTTP/1.1\r\nHost: rig\r\n\r\n'));
    socket.on('data', (data: Buffer) => {
      reply += data.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('HTTP/1.1 404'));
    });
    socket.once('end', () => done(false));
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const tail = (text: string, lines: number): string => text.split('\n').slice(-lines).join('\n');
