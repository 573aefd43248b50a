import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A second app process for the kill -9 check, started by the spec itself (start-app.mjs with its
 * own ports and database), so that it can be killed and started again on the same database.
 */
export interface SpareApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

export async function startSpareApp(opts: { port: number; publicPort: number; dataDir: string; keepData: boolean }): Promise<SpareApp> {
  const url = `http://127.0.0.1:${opts.port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, ['test/e2e/start-app.mjs'], {
    env: {
      ...process.env,
      E2E_PORT: String(opts.port),
      E2E_PUBLIC_PORT: String(opts.publicPort),
      E2E_REPORT_SMTP_PORT: '0',
      E2E_DATA_DIR: opts.dataDir,
      E2E_KEEP_DATA: opts.keepData ? '1' : '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`spare app exited (${child.exitCode}): ${output.join('').slice(-2000)}`);
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, dataDir: opts.dataDir, process: child };
    if (Date.now() > deadline) throw new Error(`spare app not up on ${url}: ${output.join('').slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** SIGKILL to the server process itself (start-app.mjs runs it as its direct child and writes its pid). */
export async function killNine(app: SpareApp): Promise<void> {
  const pid = Number(readFileSync(`${app.dataDir}/server.pid`, 'utf8'));
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  if (!cmdline.includes('src/server/main.ts')) throw new Error(`pid ${pid} is not the server: ${cmdline}`);
  process.kill(pid, 'SIGKILL');
  await waitExit(app.process);
}

export async function stopSpareApp(app: SpareApp | null): Promise<void> {
  if (!app || app.process.exitCode !== null || app.process.signalCode !== null) return;
  app.process.kill('SIGTERM');
  await waitExit(app.process);
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
