import { startPdf } from '../../platform/documents/pdf';
import { londonDate } from '../../domain/calendar/localDate';
import type { PanelDecision } from '../../domain/panel/decisions';
import type { Meeting } from '../../domain/panel/meeting';
import { formatDate, formatPounds } from '../../platform/views/filters';

export interface DecisionSheet {
  meeting: Meeting;
  decision: PanelDecision;
  childName: string;
}

/**
 * The decision sheet as Appendix A Part B lays it out (resource-and-care-panel-policy.txt): the
 * child, worker and team, "The panel agreed that: 1. ... 6.", the outcome ticked, the deferral or
 * return date, the rationale, the chair's name and the date. Uncompressed (`compress: false`) so
 * its text can be searched and checked.
 */
export function decisionSheetPdf(sheet: DecisionSheet): Promise<Buffer> {
  const { decision: d, meeting } = sheet;
  const { pdf, done, width } = startPdf({ Title: `Resource and Care Panel decision: ${sheet.childName}`, Author: d.chairName });
  const heading = (text: string) => pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(11).text(text).font('Helvetica').fontSize(10).moveDown(0.2);
  const box = (ticked: boolean, text: string) => pdf.text(`[${ticked ? 'X' : ' '}] ${text}`, { width });

  pdf.font('Helvetica').fontSize(8).text('Part B – To be completed by panel chair', { align: 'right' });
  pdf.font('Helvetica-Bold').fontSize(16).text('Resource and Care Panel Decisions').font('Helvetica').fontSize(10);
  pdf.text(`Panel meeting: ${formatDate(meeting.date)}, ${meeting.time}, ${meeting.venue}`);
  if (d.corrects) pdf.font('Helvetica-Oblique').text(`This decision corrects an earlier one. Reason: ${d.correctionReason ?? ''}`).font('Helvetica');
  heading('Name of Child/ren');
  pdf.text(sheet.childName);
  heading('Name of Worker');
  pdf.text(d.worker ?? 'Not recorded');
  heading('Team');
  pdf.text(d.team ?? 'Not recorded');
  heading('The panel agreed that:');
  for (let i = 0; i < 6; i++) pdf.text(`${i + 1}. ${d.decisions[i] ?? ''}`, { width });
  heading('Outcome');
  box(d.decision === 'approved', 'Resource approved');
  box(d.decision === 'alternative_approved', 'Alternate resource approved');
  box(d.decision === 'deferred', `Deferred to: ${d.deferredTo ? formatDate(d.deferredTo) : ''}${d.deferredReason ? ` (${d.deferredReason})` : ''}`);
  box(d.decision === 'declined', 'Resource declined');
  box(d.returnDate !== null || d.returnFrequency !== null, `Return to panel (date or frequency): ${[d.returnDate ? formatDate(d.returnDate) : null, d.returnFrequency].filter(Boolean).join(', ')}`);
  if (d.weeklyPence !== null) {
    heading('Expenditure approved');
    pdf.text(`${d.resource}. Budget: ${d.budget ?? ''}. Weekly cost ${formatPounds(d.weeklyPence)}, total for the period ${formatPounds(d.totalPence)}.`, { width });
  }
  heading('What is the rationale for the recommendations and decisions made:');
  pdf.text(d.rationale, { width });
  heading('Name of Chair');
  pdf.text(d.chairName);
  heading('Signature');
  pdf.text(`Signed in Hearth by ${d.chairName}`);
  heading('Date');
  pdf.text(formatDate(londonDate(d.at)));
  pdf.end();
  return done;
}
