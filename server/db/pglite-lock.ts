// PGlite has no cross-process locking: a second process opening the same folder corrupts it.
// A pid file beside the folder turns that into a clear error instead.
import { readFileSync, rmSync, writeFileSync } from "node:fs";

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Locks `dir` for this process; returns the release function. In-memory databases need no lock. */
export function lockPgliteDir(dir: string, holder: string): () => void {
  if (dir.includes("://")) return () => {};
  const lockFile = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, `${process.pid} ${holder}\n`, { flag: "wx" });
      const release = () => rmSync(lockFile, { force: true });
      process.once("exit", release);
      return () => {
        process.off("exit", release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const [pid, ...rest] = readFileSync(lockFile, "utf8").trim().split(" ");
      if (Number(pid) === process.pid || isAlive(Number(pid))) {
        throw new Error(`The embedded database ${dir} is already open (pid ${pid}, ${rest.join(" ")}); stop that process first.`);
      }
      rmSync(lockFile, { force: true }); // left behind by a crashed process
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
