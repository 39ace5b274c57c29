import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { BlockDiff, SectionDiff, Token } from "@/lib/redline";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { groupBlocks } from "./markdown";
import { sectionHeading } from "./section-heading";

const STATUS_TONE: Record<SectionDiff["status"], BadgeTone> = { added: "green", removed: "red", changed: "amber", unchanged: "neutral" };

type Labels = { inserted: string; deleted: string };

/** An insertion or deletion, announced to screen readers as such (ins/del alone are not read out). */
function Change({ op, children, labels }: { op: "insert" | "delete"; children: string; labels: Labels }) {
  const Tag = op === "insert" ? "ins" : "del";
  return (
    <Tag>
      <span className="sr-only">[{op === "insert" ? labels.inserted : labels.deleted}: </span>
      {children}
      <span className="sr-only">]</span>
    </Tag>
  );
}

function Tokens({ tokens, labels }: { tokens: Token[]; labels: Labels }) {
  return tokens.map((token, i) =>
    token.op === "equal" ? <span key={i}>{token.text}</span> : <Change key={i} op={token.op} labels={labels}>{token.text}</Change>,
  );
}

function BlockContent({ block, labels }: { block: BlockDiff; labels: Labels }) {
  const text = block.tokens.map((t) => t.text).join("");
  if (block.status === "inserted") return <Change op="insert" labels={labels}>{text}</Change>;
  if (block.status === "deleted") return <Change op="delete" labels={labels}>{text}</Change>;
  return <Tokens tokens={block.tokens} labels={labels} />;
}

function Blocks({ blocks, labels }: { blocks: BlockDiff[]; labels: Labels }) {
  return (
    <div className="doc-text">
      {groupBlocks(blocks).map((group, g) => {
        if (!group.list) return group.items.map((block, i) => <p key={`${g}-${i}`}><BlockContent block={block} labels={labels} /></p>);
        const List = group.ordered ? "ol" : "ul";
        return (
          <List key={g} className={group.ordered ? "doc-list-ordered" : "doc-list"}>
            {group.items.map((block, i) => <li key={i}><BlockContent block={block} labels={labels} /></li>)}
          </List>
        );
      })}
    </div>
  );
}

export async function RedlineSectionView({ section, locale }: { section: SectionDiff; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "measures" });
  const labels = { inserted: t("compare.legendInserted"), deleted: t("compare.legendDeleted") };
  const place = section.to ?? section.from;
  const number = place?.number ?? null;
  // The preamble and closing paragraph have no title of their own.
  const title = place?.title || t(section.key === "closing" ? "closing" : "preamble");
  const [fromNumber, toNumber] = [section.from?.number, section.to?.number];
  const renumbered = fromNumber && toNumber && fromNumber !== toNumber ? { from: fromNumber, to: toNumber } : null;
  const badges = (
    <span className="flex flex-wrap gap-2">
      <Badge tone={STATUS_TONE[section.status]}>{t(`compare.status.${section.status}`)}</Badge>
      {section.moved ? <Badge tone="blue">{t("compare.status.moved")}</Badge> : null}
      {renumbered ? <Badge>{t("compare.renumbered", renumbered)}</Badge> : null}
    </span>
  );
  const heading = section.status === "changed" && section.title.some((tok) => tok.op !== "equal") ? (
    <Tokens tokens={section.title} labels={labels} />
  ) : (
    title
  );
  const numberPrefix = number ? `${number}. ` : "";

  if (section.status === "unchanged") {
    return (
      <details className="redline-card group border-slate-200" data-testid="redline-section" data-status="unchanged" data-key={section.key}>
        <summary className="redline-summary">
          <span className="font-medium text-slate-800">{sectionHeading(number, title)}</span>
          <span className="flex items-center gap-3">
            {badges}
            <span className="text-sm text-brand underline group-open:hidden">{t("compare.showUnchanged")}</span>
          </span>
        </summary>
        <div className="border-t border-slate-100 px-5 py-4 text-slate-800">
          <Blocks blocks={section.blocks} labels={labels} />
        </div>
      </details>
    );
  }

  return (
    <section
      aria-label={sectionHeading(number, title)}
      className={cn(
        "redline-card p-5 print-break-avoid",
        section.status === "added" && "border-emerald-300",
        section.status === "removed" && "border-rose-300",
        section.status === "changed" && "border-amber-300",
      )}
      data-testid="redline-section"
      data-status={section.status}
      data-key={section.key}
    >
      <div className="redline-head">
        <h2 className="text-lg font-semibold text-slate-900">
          {numberPrefix}
          {section.status === "removed" ? <Change op="delete" labels={labels}>{title}</Change> : section.status === "added" ? <Change op="insert" labels={labels}>{title}</Change> : heading}
        </h2>
        {badges}
      </div>
      <div className="text-slate-800">
        <Blocks blocks={section.blocks} labels={labels} />
      </div>
    </section>
  );
}
