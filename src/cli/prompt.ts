import { createInterface } from 'node:readline';

/**
 * Reads a secret from the terminal without echoing it; from a pipe, reads one line
 * (so `echo "$PW" | rempart create-admin ...` works in scripts).
 */
export function promptSecret(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    return new Promise((resolve, reject) => {
      const rl = createInterface({ input });
      let done = false;
      rl.once('line', (line) => {
        done = true;
        rl.close();
        resolve(line);
      });
      rl.once('close', () => {
        if (!done) reject(new Error('No password given: pass --password or type it on standard input.'));
      });
    });
  }
  return new Promise((resolve) => {
    process.stdout.write(question);
    const rl = createInterface({ input, output: process.stdout, terminal: true });
    // Swallow the echo of typed characters.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
