"use client";
import { useDeferredValue, useMemo } from "react";
import { groupBlocks } from "@/components/measures/markdown";
import { cn } from "@/components/ui/cn";
import { computeRedline, type BlockDiff, type RedlineSection, type Token } from "@/lib/redline";

// The redline of one section as it is being typed, against the published version the draft
// builds on: the same engine (lib/redline) as the public redline, rendered as text only.

export interface LiveRedlineLabels {
  inserted: string;
  deleted: string;
  unchanged: string;
  added: string;
}

function Change({ op, text, labels }: { op: "insert" | "delete"; text: string; labels: LiveRedlineLabels }) {
  const Tag = op === "insert" ? "ins" : "del";
  return (
    <Tag>
      <span className="sr-only">[{op === "insert" ? labels.inserted : labels.deleted}: </span>
      {text}
      <span className="sr-only">]</span>
    </Tag>
  );
}

function Tokens({ tokens, labels }: { tokens: Token[]; labels: LiveRedlineLabels }) {
  return tokens.map((token, i) => (token.op === "equal" ? <span key={i}>{token.text}</span> : <Change key={i} op={token.op} text={token.text} labels={labels} />));
}

function BlockContent({ block, labels }: { block: BlockDiff; labels: LiveRedlineLabels }) {
  if (block.status === "inserted" || block.status === "deleted") return <Change op={block.status === "inserted" ? "insert" : "delete"} text={block.tokens.map((t) => t.text).join("")} labels={labels} />;
  return <Tokens tokens={block.tokens} labels={labels} />;
}

export function LiveRedline({ base, current, labels }: { base: RedlineSection | null; current: RedlineSection; labels: LiveRedlineLabels }) {
  const title = useDeferredValue(current.title);
  const body = useDeferredValue(current.body);
  const diff = useMemo(() => computeRedline(base ? [base] : [], [{ ...current, title, body }]).sections.find((s) => s.key === current.key)!, [base, current, title, body]);
  return (
    <div data-testid="live-redline" data-status={diff.status} className="space-y-3 text-slate-800">
      <p className="text-sm text-slate-600" aria-live="polite">
        {diff.status === "added" ? labels.added : diff.status === "unchanged" ? labels.unchanged : null}
      </p>
      {diff.title.length > 0 && (title || base?.title) ? (
        <p className="font-semibold text-slate-900">
          {diff.status === "added" ? <Change op="insert" text={title} labels={labels} /> : <Tokens tokens={diff.title} labels={labels} />}
        </p>
      ) : null}
      <div className="doc-text">
        {groupBlocks(diff.blocks).map((group, g) => {
          if (!group.list) return group.items.map((block, i) => <p key={`${g}-${i}`}><BlockContent block={block} labels={labels} /></p>);
          const List = group.ordered ? "ol" : "ul";
          return (
            <List key={g} className={cn("space-y-1.5 pl-6", group.ordered ? "list-decimal" : "list-disc marker:text-slate-400")}>
              {group.items.map((block, i) => <li key={i}><BlockContent block={block} labels={labels} /></li>)}
            </List>
          );
        })}
      </div>
    </div>
  );
}
