import type { ReactNode } from "react";
import { parseBlocks, type Block } from "@/lib/markdown/blocks";
import { parseInline, type Inline } from "@/lib/markdown/inline";

// Renders the Markdown subset of section bodies as React elements: no HTML string is ever
// injected, so stored text cannot smuggle markup or scripts into a page.

function InlineNodes({ nodes }: { nodes: Inline[] }): ReactNode {
  return nodes.map((node, i) => {
    switch (node.type) {
      case "text":
        return node.text;
      case "code":
        return <code key={i} className="rounded bg-slate-100 px-1 py-0.5 text-[0.9em]">{node.text}</code>;
      case "strong":
        return <strong key={i}><InlineNodes nodes={node.children} /></strong>;
      case "em":
        return <em key={i}><InlineNodes nodes={node.children} /></em>;
      case "link":
        return <a key={i} href={node.href} rel="nofollow noopener" className="text-brand underline">{<InlineNodes nodes={node.children} />}</a>;
    }
  });
}

/** Consecutive list items of the same kind form one list. */
export function groupBlocks<T extends Pick<Block, "type"> & { ordered?: boolean }>(blocks: T[]): Array<{ list: boolean; ordered: boolean; items: T[] }> {
  const groups: Array<{ list: boolean; ordered: boolean; items: T[] }> = [];
  for (const block of blocks) {
    const ordered = block.type === "item" && Boolean(block.ordered);
    const last = groups.at(-1);
    if (block.type === "item" && last?.list && last.ordered === ordered) last.items.push(block);
    else groups.push({ list: block.type === "item", ordered, items: [block] });
  }
  return groups;
}

export function MarkdownBody({ markdown }: { markdown: string }) {
  return (
    <div className="doc-text">
      {groupBlocks(parseBlocks(markdown)).map((group, g) => {
        if (!group.list) {
          return group.items.map((block, i) => <p key={`${g}-${i}`}><InlineNodes nodes={parseInline(block.text)} /></p>);
        }
        const List = group.ordered ? "ol" : "ul";
        return (
          <List key={g} className={group.ordered ? "doc-list-ordered" : "doc-list"}>
            {group.items.map((block, i) => <li key={i}><InlineNodes nodes={parseInline(block.text)} /></li>)}
          </List>
        );
      })}
    </div>
  );
}
