import "server-only";
import { enqueueExpiringCertifications } from "../certifications/watch-notify";
import { attestationPeriodicTasks } from "../attestations/periodic";

// Work the worker does on a clock rather than for a message: certificates expiring within 30
// days, letters reaching their valid-until date, reminders for requests waiting too long. Each
// task must be idempotent (it runs on every instance's schedule and may overlap a retry): it
// writes outbox messages with dedupe keys instead of sending anything itself.

export interface PeriodicTask {
  name: string;
  /** pg-boss cron expression (minute resolution), e.g. "* * * * *". */
  cron: string;
  run: (now: Date) => Promise<void>;
}

export const periodicTasks: PeriodicTask[] = [
  { name: "certifications.expiring", cron: "0 6 * * *", run: async (now) => void (await enqueueExpiringCertifications(now)) },
  // Issued letters past their valid-until become EXPIRED; reviewers are reminded of requests waiting too long.
  ...attestationPeriodicTasks,
];
