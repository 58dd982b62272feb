import { startPdf } from '../../platform/documents/pdf';
import { londonDate } from '../../domain/calendar/localDate';
import { dayText, poundsText } from '../../domain/placements/carePackages';
import { signLabels, signOrder, type Referral } from '../../domain/panel/referral';
import type { documentOf } from './panelReferralRoutes';

type Doc = ReturnType<typeof documentOf>;
const yesNo = (v: string) => (v === 'yes' ? 'Yes' : v === 'no' ? 'No' : 'Not answered');

/**
 * The referral as Appendix A Part A lays it out, as a PDF (pdfkit). Streams are left uncompressed
 * (`compress: false`): the file is small, and its text can be searched and checked.
 */
export function referralPdf(childName: string, referral: Referral, d: Doc): Promise<Buffer> {
  const { pdf, done, width } = startPdf({ Title: `Resource and Care Panel Referral: ${childName}`, Author: d.worker });
  const heading = (text: string) => pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(text).font('Helvetica').fontSize(10).moveDown(0.2);
  const hint = (text: string) => pdf.font('Helvetica-Oblique').fontSize(8).text(text).font('Helvetica').fontSize(10);
  const para = (text: string) => pdf.text(text.trim() || '—', { width });
  const table = (headers: string[], rows: string[][]) => {
    const col = width / headers.length;
    const line = (cells: string[], bold: boolean) => {
      const y = pdf.y;
      pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica');
      const heights = cells.map((c) => pdf.heightOfString(c || ' ', { width: col - 6 }));
      if (y + Math.max(...heights) > pdf.page.height - 60) pdf.addPage();
      const top = pdf.y;
      cells.forEach((c, i) => pdf.text(c || ' ', 48 + i * col, top, { width: col - 6 }));
      pdf.x = 48;
      pdf.y = top + Math.max(...heights) + 4;
    };
    line(headers, true);
    for (const r of rows.length ? rows : [headers.map(() => '—')]) line(r, false);
    pdf.font('Helvetica');
  };

  pdf.font('Helvetica').fontSize(8).text('Part A – To be completed by worker', { align: 'right' });
  pdf.font('Helvetica-Bold').fontSize(16).text('Resource and Care Panel Referral').font('Helvetica').fontSize(10);
  pdf.text(`Panel: ${dayText(referral.panelDate)}. Criterion: ${d.criterionText}. Status: ${referral.status.replace(/_/g, ' ')}${referral.late ? ' (late)' : ''}.`);
  heading('Worker');
  table(['Name of Worker', 'Team', 'Date'], [[d.worker, d.team, dayText(londonDate(referral.changedAt))]]);
  heading('Subject child/young person(s)');
  table(['Name', 'Date of Birth', 'Age'], d.children.map((c) => [c.name, c.dateOfBirth ? dayText(c.dateOfBirth) : '', c.age === null ? '' : String(c.age)]));
  heading('Relevant Family Members (starting with the children and including all carers)');
  table(['Name', 'Date of Birth', 'Age', 'Relationship to child (or self)'], d.family.map((c) => [c.name, c.dateOfBirth ? dayText(c.dateOfBirth) : '', c.age === null ? '' : String(c.age), c.relationship]));
  heading("Who else is part of the family's support network?");
  table(['Name', 'Role'], d.network.map((n) => [n.name, n.role]));
  heading('Family network meeting and safety plan');
  para(`Has a family network meeting already taken place? ${yesNo(d.familyNetworkMeeting)}`);
  para(`Is there a safety plan already in place for the child(ren)? ${yesNo(d.safetyPlan)}`);
  if (d.whyNot) para(`Why not: ${d.whyNot}`);
  heading('Brief summary of the main issues');
  para(d.mainIssues);
  heading('What recommendations or decisions are you seeking from the panel?');
  para(d.ask);
  hint('Why other voluntary, less costly or in-house resources are insufficient (I.11):');
  para(d.alternatives);
  heading('Views of the parents/carers');
  para(d.parentsViews);
  heading("Child/ren's wishes and feelings");
  para(d.childsWishes);
  heading('What are the projected costs of the resource and service being sought?');
  para(`Weekly: ${d.weeklyPence === null ? '—' : poundsText(d.weeklyPence)}. Period: ${d.periodText || '—'}. Total for the period: ${referral.totalPence === null ? '—' : poundsText(referral.totalPence)}.`);

  pdf.addPage();
  pdf.font('Helvetica-Bold').fontSize(14).text('Signs of Safety Case Summary').font('Helvetica').fontSize(10);
  heading('What are we worried about?');
  para(`Past harm: ${d.pastHarm}`);
  para(`Future danger: ${d.futureDanger}`);
  para(`Complicating factors: ${d.complicatingFactors}`);
  heading('What is working well?');
  para(`Existing strengths: ${d.existingStrengths}`);
  para(`Existing safety: ${d.existingSafety}`);
  heading('What needs to happen?');
  para(`Next steps: ${d.nextSteps}`);
  heading('Danger Statement');
  para(d.dangerStatements);
  heading('Safety Goals');
  para(d.safetyGoals);
  heading('Scaling (0 to 10)');
  hint('10: the child(ren) are safe and supported enough and we no longer need to be involved or extra resources; 0: so dangerous or unstable we must act.');
  table(['Name', 'Role or Relation to Child', 'Scaling', 'Reasons'], d.scaling.map((s) => [s.name, s.role, s.score === null ? '' : String(s.score), s.reasons]));
  heading('Referral Completed and Authorised by');
  table(['Role', 'Name', 'Signature', 'Date'], signOrder.map((as) => {
    const s = referral.signatures.find((x) => x.as === as);
    return [signLabels[as], s?.name ?? '', s ? 'Signed in Hearth' : 'Not signed', s ? dayText(londonDate(s.at)) : ''];
  }));
  hint('Please note that referrals that are submitted late, incomplete, or unsigned may be rejected and deferred by the panel chair.');
  pdf.end();
  return done;
}
