// MPMX's demo NDA (version 1, German and English) and a small certificate PDF for its ISO/IEC 27001
// certification, so that the click-through and the watermarked download can be tried at once.
import { createHash } from "node:crypto";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { withTenant } from "@/server/db/client";
import { ndaSha256 } from "@/server/nda/canonical";

export const DEMO_NDA_V1 = {
  de: `Vertraulichkeitsvereinbarung für Bestätigungen des Zertifizierungsstatus

1. Gegenstand
Die MPMX GmbH („MPMX“) stellt dem anfragenden Unternehmen („Empfänger“) auf dessen Anfrage Bestätigungen über ihren Zertifizierungsstatus sowie gegebenenfalls Zertifikate, Prüfberichte und zugehörige Unterlagen zur Verfügung („Vertrauliche Informationen“).

2. Geheimhaltung
Der Empfänger behandelt die Vertraulichen Informationen streng vertraulich, schützt sie mindestens mit der Sorgfalt, die er für eigene vertrauliche Informationen anwendet, und macht sie Dritten nicht zugänglich.

3. Zweckbindung
Die Vertraulichen Informationen dürfen ausschließlich zur Bewertung von MPMX als Dienstleister und zur Erfüllung eigener Nachweispflichten des Empfängers (z. B. Lieferantenbewertung, Prüfung nach Art. 28 DSGVO) verwendet werden.

4. Weitergabe
Eine Weitergabe ist nur an Mitarbeitende, Berater und Prüfer des Empfängers zulässig, die die Informationen für den genannten Zweck benötigen und ihrerseits zur Vertraulichkeit verpflichtet sind. Gesetzliche oder behördliche Offenlegungspflichten bleiben unberührt; der Empfänger informiert MPMX, soweit zulässig, vorab.

5. Ausnahmen
Die Pflichten gelten nicht für Informationen, die öffentlich bekannt sind oder ohne Verschulden des Empfängers werden, die dem Empfänger bereits rechtmäßig bekannt waren oder die er von berechtigten Dritten ohne Vertraulichkeitspflicht erhält.

6. Kennzeichnung
Heruntergeladene Dokumente tragen den Namen der herunterladenden Person und das Datum. Der Empfänger entfernt diese Kennzeichnung nicht.

7. Laufzeit
Diese Vereinbarung gilt ab der Zustimmung. Die Geheimhaltungspflichten bestehen für drei Jahre nach Erhalt der jeweiligen Vertraulichen Informationen fort.

8. Rückgabe und Löschung
Auf Verlangen von MPMX löscht der Empfänger die Vertraulichen Informationen, soweit keine gesetzlichen Aufbewahrungspflichten entgegenstehen.

9. Schlussbestimmungen
Es gilt deutsches Recht. Gerichtsstand ist München, soweit gesetzlich zulässig. Die Zustimmung erfolgt elektronisch und wird mit Zeitpunkt, Version und Prüfsumme dieses Textes protokolliert.`,
  en: `Non-disclosure agreement for confirmations of certification status

1. Subject
On request, MPMX GmbH ("MPMX") provides the requesting company (the "Recipient") with confirmations of its certification status and, where applicable, certificates, audit reports and related documents ("Confidential Information").

2. Confidentiality
The Recipient keeps the Confidential Information strictly confidential, protects it with at least the care it applies to its own confidential information, and does not make it available to third parties.

3. Purpose
The Confidential Information may be used solely to assess MPMX as a service provider and to meet the Recipient's own obligations to provide evidence (e.g. supplier assessment, review under Art. 28 GDPR).

4. Disclosure
Disclosure is permitted only to the Recipient's employees, advisers and auditors who need the information for this purpose and are themselves bound to confidentiality. Statutory or regulatory disclosure obligations remain unaffected; where permitted, the Recipient informs MPMX in advance.

5. Exceptions
These obligations do not apply to information that is or becomes public through no fault of the Recipient, that the Recipient already knew lawfully, or that it receives from an entitled third party without an obligation of confidentiality.

6. Marking
Downloaded documents bear the name of the person downloading them and the date. The Recipient does not remove this marking.

7. Term
This agreement applies from acceptance. The confidentiality obligations continue for three years after receipt of the respective Confidential Information.

8. Return and deletion
At MPMX's request, the Recipient deletes the Confidential Information unless statutory retention obligations prevent this.

9. Final provisions
German law applies. The place of jurisdiction is Munich, to the extent permitted by law. Acceptance is given electronically and is logged with the time, version and checksum of this text.`,
};

/** A one-page stand-in for the certificate the certification body issued (about 2 kB). */
async function demoCertificatePdf(input: { tenant: string; certifier: string; number: string; issuedAt: string; validUntil: string }): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const fixed = new Date("2025-03-14T00:00:00Z");
  document.setCreationDate(fixed);
  document.setModificationDate(fixed);
  document.setTitle(`Zertifikat ${input.number}`);
  const page = document.addPage([595, 842]);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const lines: Array<[string, number, typeof bold]> = [
    ["ZERTIFIKAT", 30, bold],
    [input.certifier, 14, regular],
    ["bescheinigt hiermit, dass das Unternehmen", 12, regular],
    [input.tenant, 20, bold],
    ["ein Informationssicherheits-Managementsystem eingeführt hat und anwendet", 12, regular],
    ["nach ISO/IEC 27001:2022", 16, bold],
    [`Zertifikatsnummer: ${input.number}`, 12, regular],
    [`Ausgestellt: ${input.issuedAt}   Gültig bis: ${input.validUntil}`, 12, regular],
    ["Demo-Dokument des Vouchsafe-Beispielmandanten – kein echtes Zertifikat.", 9, regular],
  ];
  let y = 720;
  for (const [text, size, font] of lines) {
    page.drawText(text, { x: (595 - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color: rgb(0.1, 0.15, 0.3) });
    y -= size * 3;
  }
  return document.save({ useObjectStreams: false });
}

export async function seedDemoNda(tenantIds: Record<string, string>): Promise<void> {
  const tenantId = tenantIds.mpmx;
  if (!tenantId) return;
  const pdf = await demoCertificatePdf({ tenant: "MPMX GmbH", certifier: "Nordcert Zertifizierungs GmbH", number: "ISMS-2025-04711", issuedAt: "14.03.2025", validUntil: "13.03.2028" });
  await withTenant(tenantId, async (tx) => {
    await tx.ndaVersion.create({ data: { tenantId, number: 1, text: DEMO_NDA_V1, sha256: ndaSha256(DEMO_NDA_V1), createdAt: new Date("2026-01-15T09:00:00Z") } });
    const certification = await tx.certification.findFirst({ where: { tenantId, framework: "ISO_27001" }, select: { id: true } });
    if (!certification) return;
    await tx.certificateFile.create({
      data: { tenantId, certificationId: certification.id, filename: "ISO-27001-Zertifikat-ISMS-2025-04711.pdf", size: pdf.byteLength, sha256: createHash("sha256").update(pdf).digest("hex"), data: Buffer.from(pdf) },
    });
  });
}
