import { spawn } from "node:child_process";

/** Runs a command (output inherited, or discarded when quiet); resolves with its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, quiet = false): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", quiet ? "ignore" : "inherit", quiet ? "pipe" : "inherit"], env });
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
    child.on("close", (code) => {
      if (code !== 0 && stderr) process.stderr.write(stderr);
      resolve(code ?? 1);
    });
  });
}
