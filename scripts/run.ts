import { spawn } from "node:child_process";

/** inherit: show everything; on-failure: show stderr only if the command fails; silent: show nothing. */
export type Output = "inherit" | "on-failure" | "silent";

/** Runs a command; resolves with its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, output: Output = "inherit"): Promise<number> {
  return new Promise((resolve) => {
    const inherit = output === "inherit";
    const child = spawn(command, args, { stdio: ["ignore", inherit ? "inherit" : "ignore", inherit ? "inherit" : "pipe"], env });
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
    child.on("close", (code) => {
      if (code !== 0 && output === "on-failure") process.stderr.write(stderr);
      resolve(code ?? 1);
    });
  });
}
