import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div data-testid="empty-state" className="mx-auto max-w-xl rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-slate-700">{children}</p>
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}
